package io.pvekit.lxcri.internal.cli;

import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.UnsupportedOciFeatureException;
import io.pvekit.oci.OciSpecException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code proxmox-lxcri}: an OCI runtime with runc's command line, for containerd's runc shim
 * ({@code io.containerd.runc.v2} with {@code BinaryName}). Each command runs in a fresh JVM, so the
 * hot ones (state, start, kill, delete) load neither jackson-databind nor liblxc.
 */
public final class Main {
  static final String VERSION = "0.1.0";
  static final String SPEC_VERSION = "1.0.2";

  private static final Set<String> GLOBAL_VALUED =
      Set.of("root", "log", "log-format", "criu", "backend-config");
  private static final Set<String> GLOBAL_FLAGS =
      Set.of("debug", "systemd-cgroup", "version", "help", "rootless");
  private static final Map<String, String> GLOBAL_ALIASES = Map.of("v", "version", "h", "help");

  private Main() {}

  public static void main(String[] args) {
    int code = run(args, System.out, System.err, System.getenv());
    System.out.flush();
    System.err.flush();
    // halt, not exit: nothing needs shutdown hooks, and System.exit initialises the JDK's logging
    // (Runtime.exit is logged since JDK 21), which costs a hot command a measurable share.
    Runtime.getRuntime().halt(code);
  }

  static int run(String[] argv, PrintStream out, PrintStream err, Map<String, String> env) {
    io.pvekit.lxc.internal.runtime.Trace.mark("main");
    List<String> all = Arrays.asList(argv);
    int command = 0;
    while (command < all.size() && all.get(command).startsWith("-")) {
      String name = all.get(command).replaceFirst("^--?", "").split("=", 2)[0];
      boolean takesValue = GLOBAL_VALUED.contains(name) && !all.get(command).contains("=");
      command += takesValue ? 2 : 1;
    }
    RuncLog log = new RuncLog(null, "text", false, err);
    try {
      Args global =
          Args.parse(
              all.subList(0, Math.min(command, all.size())),
              GLOBAL_VALUED,
              GLOBAL_FLAGS,
              GLOBAL_ALIASES,
              false);
      String logFile = global.value("log", null);
      log =
          new RuncLog(
              logFile == null ? null : Path.of(logFile),
              global.value("log-format", "text"),
              global.flag("debug"),
              err);
      log.captureLibraryLogs();
      if (global.flag("version")) {
        About.version(out);
        return 0;
      }
      if (command >= all.size() || global.flag("help")) {
        out.println(About.USAGE);
        return command >= all.size() && !global.flag("help") ? 1 : 0;
      }
      String backendConfig =
          global.value("backend-config", env.get("PROXMOX_LXCRI_BACKEND_CONFIG"));
      Context ctx =
          new Context(
              Path.of(global.value("root", "/run/proxmox-lxcri")).toAbsolutePath(),
              backendConfig == null || backendConfig.isEmpty() ? null : Path.of(backendConfig),
              log,
              out,
              err,
              env);
      String name = all.get(command);
      List<String> rest = all.subList(command + 1, all.size());
      log.debug("proxmox-lxcri " + String.join(" ", argv));
      int code = dispatch(name, rest, ctx);
      io.pvekit.lxc.internal.runtime.Trace.mark(name + " done");
      return code;
    } catch (UsageException e) {
      log.error(e.getMessage());
      return 1;
    } catch (LxcRuntimeException
        | UnsupportedOciFeatureException
        | OciSpecException
        | IllegalArgumentException
        | UncheckedIOException e) {
      log.error(e.getMessage());
      return 1;
    } catch (RuntimeException | Error e) {
      log.error("internal error: " + e);
      return 1;
    }
  }

  private static int dispatch(String name, List<String> rest, Context ctx) {
    switch (name) {
      case "create":
        return LifecycleCommands.create(rest, ctx);
      case "start":
        return LifecycleCommands.start(rest, ctx);
      case "state":
        return LifecycleCommands.state(rest, ctx);
      case "kill":
        return LifecycleCommands.kill(rest, ctx);
      case "delete":
        return LifecycleCommands.delete(rest, ctx);
      case "list":
        return LifecycleCommands.list(rest, ctx);
      case "run":
        return LifecycleCommands.run(rest, ctx);
      case "exec":
        return ExecCommand.exec(rest, ctx);
      case "pause":
        return LiveCommands.pause(rest, ctx);
      case "resume":
        return LiveCommands.resume(rest, ctx);
      case "ps":
        return LiveCommands.ps(rest, ctx);
      case "update":
        return LiveCommands.update(rest, ctx);
      case "features":
        return About.features(ctx);
      case "spec":
        return InfoCommands.spec(rest, ctx);
      case "explain":
        return InfoCommands.explain(rest, ctx);
      case "hook":
        return InfoCommands.hook(rest, ctx);
      case "version":
        About.version(ctx.out);
        return 0;
      case "help":
        ctx.out.println(About.USAGE);
        return 0;
      default:
        throw new UsageException(
            "No help topic for '" + name + "' (run proxmox-lxcri --help for the commands)");
    }
  }
}
