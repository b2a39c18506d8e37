package io.pvekit.lxcri.internal.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Hand-rolled parsing in the style of runc's (urfave/cli): options before positional arguments,
 * {@code --name value}, {@code --name=value}, one or two leading dashes, short aliases, {@code --}
 * ends the options. No library is loaded, which matters for a command the shim runs per call.
 */
final class Args {
  private final Map<String, List<String>> values = new HashMap<>();
  private final List<String> positional = new ArrayList<>();

  private Args() {}

  /**
   * Parses {@code argv} for one command.
   *
   * @param argv the arguments after the command name
   * @param valued option names (without dashes) that take a value
   * @param flags boolean option names
   * @param aliases short name to long name
   * @param stopAtFirstPositional whether everything after the first positional argument is
   *     positional too (exec's command line)
   */
  static Args parse(
      List<String> argv,
      Set<String> valued,
      Set<String> flags,
      Map<String, String> aliases,
      boolean stopAtFirstPositional) {
    Args args = new Args();
    int i = 0;
    while (i < argv.size()) {
      String arg = argv.get(i);
      if (arg.equals("--")) {
        args.positional.addAll(argv.subList(i + 1, argv.size()));
        break;
      }
      if (!arg.startsWith("-") || arg.equals("-")) {
        args.positional.add(arg);
        i++;
        if (stopAtFirstPositional) {
          args.positional.addAll(argv.subList(i, argv.size()));
          break;
        }
        continue;
      }
      String name = arg.replaceFirst("^--?", "");
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      name = aliases.getOrDefault(name, name);
      if (valued.contains(name)) {
        String value = inline;
        if (value == null) {
          if (i + 1 >= argv.size()) {
            throw new UsageException("flag needs an argument: --" + name);
          }
          value = argv.get(++i);
        }
        args.values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      } else if (flags.contains(name)) {
        boolean on = inline == null || Boolean.parseBoolean(inline);
        args.values.computeIfAbsent(name, k -> new ArrayList<>()).add(Boolean.toString(on));
      } else {
        throw new UsageException("flag provided but not defined: -" + name);
      }
      i++;
    }
    return args;
  }

  String value(String name, String fallback) {
    List<String> list = values.get(name);
    return list == null ? fallback : list.get(list.size() - 1);
  }

  List<String> all(String name) {
    return values.getOrDefault(name, List.of());
  }

  boolean has(String name) {
    return values.containsKey(name);
  }

  boolean flag(String name) {
    return Boolean.parseBoolean(value(name, "false"));
  }

  List<String> positional() {
    return positional;
  }

  /** The container id: the first positional argument, required. */
  String id(String command) {
    if (positional.isEmpty()) {
      throw new UsageException("\"" + command + "\" requires a container id");
    }
    return positional.get(0);
  }
}
