package io.pvekit.lxcri.internal.cli;

import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.LxcRuntime;
import io.pvekit.lxc.internal.runtime.StateJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** create, start, state, kill, delete, list, run: the commands containerd's shim calls. */
final class LifecycleCommands {
  private LifecycleCommands() {}

  static int create(List<String> argv, Context ctx) {
    Args args =
        Args.parse(
            argv,
            Set.of("bundle", "pid-file", "console-socket", "preserve-fds"),
            Set.of("no-pivot", "no-new-keyring"),
            Map.of("b", "bundle"),
            false);
    String id = args.id("create");
    createContainer(id, args, ctx);
    return 0;
  }

  private static ContainerState createContainer(String id, Args args, Context ctx) {
    if (!args.value("preserve-fds", "0").equals("0")) {
      throw new UsageException("--preserve-fds is not supported by proxmox-lxcri");
    }
    Path bundle = Path.of(args.value("bundle", ".")).toAbsolutePath();
    ContainerState state =
        args.has("console-socket")
            ? ctx.runtime().create(id, bundle, Path.of(args.value("console-socket", null)))
            : ctx.runtime().create(id, bundle);
    if (args.has("pid-file")) {
      // The supervisor, not the init: it is the process containerd's shim can reap (it is
      // re-parented to the shim when this command exits) and its exit status is the container's.
      Context.writePidFile(args.value("pid-file", null), state.supervisorPid());
    }
    return state;
  }

  static int start(List<String> argv, Context ctx) {
    Args args = Args.parse(argv, Set.of(), Set.of(), Map.of(), false);
    ctx.runtime().start(args.id("start"));
    return 0;
  }

  static int state(List<String> argv, Context ctx) {
    Args args = Args.parse(argv, Set.of(), Set.of(), Map.of(), false);
    ctx.out.println(StateJson.render(ctx.runtime().state(args.id("state"))));
    return 0;
  }

  static int kill(List<String> argv, Context ctx) {
    Args args = Args.parse(argv, Set.of(), Set.of("all"), Map.of("a", "all"), false);
    String id = args.id("kill");
    String signal = args.positional().size() > 1 ? args.positional().get(1) : "SIGTERM";
    ctx.runtime().kill(id, signal, args.flag("all"));
    return 0;
  }

  static int delete(List<String> argv, Context ctx) {
    Args args = Args.parse(argv, Set.of(), Set.of("force"), Map.of("f", "force"), false);
    ctx.runtime().delete(args.id("delete"), args.flag("force"));
    return 0;
  }

  static int list(List<String> argv, Context ctx) {
    Args args =
        Args.parse(
            argv, Set.of("format"), Set.of("quiet"), Map.of("f", "format", "q", "quiet"), false);
    List<ContainerState> states = ctx.runtime().list();
    if (args.flag("quiet")) {
      states.forEach(s -> ctx.out.println(s.id()));
      return 0;
    }
    String format = args.value("format", "table");
    if (format.equals("json")) {
      StringBuilder json = new StringBuilder("[");
      for (ContainerState state : states) {
        json.append(json.length() > 1 ? "," : "").append(StateJson.render(state));
      }
      ctx.out.println(json.append(']'));
      return 0;
    }
    if (!format.equals("table")) {
      throw new UsageException("invalid format option \"" + format + "\": use table or json");
    }
    String row = "%-24s %-8s %-10s %-40s %-30s %s%n";
    ctx.out.printf(row, "ID", "PID", "STATUS", "BUNDLE", "CREATED", "OWNER");
    for (ContainerState s : states) {
      ctx.out.printf(row, s.id(), s.pid(), s.status().ociName(), s.bundle(), s.created(), "root");
    }
    return 0;
  }

  /** create + start; without --detach, waits, deletes and exits with the container's status. */
  static int run(List<String> argv, Context ctx) {
    Args args =
        Args.parse(
            argv,
            Set.of("bundle", "pid-file", "console-socket", "preserve-fds"),
            Set.of("detach", "no-pivot", "no-new-keyring", "keep"),
            Map.of("b", "bundle", "d", "detach"),
            false);
    String id = args.id("run");
    createContainer(id, args, ctx);
    LxcRuntime runtime = ctx.runtime();
    try {
      runtime.start(id);
    } catch (RuntimeException e) {
      runtime.delete(id, true);
      throw e;
    }
    if (args.flag("detach")) {
      return 0;
    }
    Optional<Integer> status;
    try {
      status = runtime.awaitExit(id, Duration.ofDays(3650));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      status = Optional.empty();
    }
    if (!args.flag("keep")) {
      runtime.delete(id, true);
    }
    return status.orElse(255);
  }
}
