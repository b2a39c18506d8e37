package io.pvekit.lxcri.internal.cli;

import io.pvekit.lxc.ExecProcess;
import io.pvekit.lxc.ExecSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code exec}: containerd's shim runs {@code exec --process FILE --detach --pid-file F ID} for
 * every {@code ctr task exec} and Kubernetes exec probe. The process is a child of this JVM (liblxc
 * forks it with CLONE_PARENT); with --detach this JVM exits and the shim, a subreaper, inherits and
 * reaps it.
 */
final class ExecCommand {
  static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

  private ExecCommand() {}

  static int exec(List<String> argv, Context ctx) {
    Args args =
        Args.parse(
            argv,
            Set.of(
                "process",
                "pid-file",
                "console-socket",
                "cwd",
                "env",
                "user",
                "additional-gids",
                "cap",
                "apparmor",
                "process-label",
                "preserve-fds",
                "cgroup"),
            Set.of("detach", "tty", "no-new-privs", "ignore-paused", "no-subreaper"),
            Map.of(
                "p",
                "process",
                "d",
                "detach",
                "t",
                "tty",
                "e",
                "env",
                "u",
                "user",
                "g",
                "additional-gids",
                "c",
                "cap"),
            true);
    String id = args.id("exec");
    ExecSpec spec;
    boolean terminal;
    if (args.has("process")) {
      StreamingJson.ExecProcessJson process = readProcess(args.value("process", null));
      spec = process.spec();
      terminal = process.terminal();
    } else {
      spec = fromFlags(args);
      terminal = args.flag("tty");
    }
    if (args.has("console-socket")) {
      if (!terminal) {
        throw new UsageException("exec: --console-socket needs --tty (or process.terminal true)");
      }
      if (!args.flag("detach")) {
        throw new UsageException(
            "exec: --console-socket needs --detach (containerd's shim passes both)");
      }
      spec =
          ExecSpec.builder()
              .from(spec)
              .terminal(true)
              .consoleSocket(Path.of(args.value("console-socket", null)))
              .build();
    } else if (terminal) {
      if (args.flag("detach")) {
        throw new UsageException("exec: --tty with --detach needs --console-socket");
      }
      spec = ExecSpec.builder().from(spec).terminal(true).build();
    }
    ExecProcess process = ctx.runtime().exec(id, spec);
    if (args.has("pid-file")) {
      Context.writePidFile(args.value("pid-file", null), process.pid());
    }
    if (args.flag("detach")) {
      return 0;
    }
    return process.waitFor();
  }

  private static StreamingJson.ExecProcessJson readProcess(String file) {
    try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
      return StreamingJson.process(in);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the process spec " + file + ": " + e.getMessage(), e);
    }
  }

  private static ExecSpec fromFlags(Args args) {
    List<String> command = args.positional().subList(1, args.positional().size());
    if (command.isEmpty()) {
      throw new UsageException("exec: give the command after the container id, or --process");
    }
    ExecSpec.Builder spec = ExecSpec.builder().args(command).addEnv(DEFAULT_PATH);
    spec.addAllEnv(args.all("env"));
    args.all("additional-gids").forEach(g -> spec.addAdditionalGids(Integer.parseInt(g)));
    if (args.has("cwd")) {
      spec.cwd(args.value("cwd", "/"));
    }
    if (args.has("user")) {
      String[] ids = args.value("user", "0").split(":", 2);
      spec.uid(Integer.parseInt(ids[0]));
      if (ids.length > 1) {
        spec.gid(Integer.parseInt(ids[1]));
      }
    }
    if (args.has("apparmor")) {
      spec.apparmorProfile(args.value("apparmor", null));
    }
    return spec.noNewPrivileges(args.flag("no-new-privs")).build();
  }
}
