package io.pvekit.lxcri.internal.cli;

import io.pvekit.lxc.LxcRuntime;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** What every command needs: the global options, the output streams and the runtime. */
final class Context {
  final Path root;
  final RuncLog log;
  final PrintStream out;
  final PrintStream err;
  final Map<String, String> env;
  private LxcRuntime runtime;

  /** The Proxmox backend's properties file, or null for containers on this host. */
  final Path backendConfig;

  Context(
      Path root,
      Path backendConfig,
      RuncLog log,
      PrintStream out,
      PrintStream err,
      Map<String, String> env) {
    this.root = root;
    this.backendConfig = backendConfig;
    this.log = log;
    this.out = out;
    this.err = err;
    this.env = env;
  }

  /** The runtime, built on first use. */
  LxcRuntime runtime() {
    if (runtime == null) {
      // Each command is a JVM that exits right after its work: it must not be the supervisor's
      // parent (see LxcRuntime.Builder#detachSupervisors).
      LxcRuntime.Builder builder = LxcRuntime.builder().root(root).detachSupervisors(true);
      if (backendConfig != null) {
        builder.proxmox(BackendConfig.load(backendConfig));
      }
      String lxcStart = env.get("PROXMOX_LXCRI_LXC_START");
      if (lxcStart != null) {
        builder.lxcStart(Path.of(lxcStart));
      }
      String initHelper = env.get("PROXMOX_LXCRI_INIT");
      if (initHelper != null && !initHelper.isEmpty()) {
        builder.initHelper(Path.of(initHelper));
      }
      String timeout = env.get("PROXMOX_LXCRI_TIMEOUT_SECONDS");
      if (timeout != null) {
        builder.timeout(Duration.ofSeconds(Long.parseLong(timeout)));
      }
      // LXC hooks run OCI hooks by calling this very command (the launcher exports its path).
      String self = env.get("PROXMOX_LXCRI_BIN");
      if (self != null) {
        builder.hookRunner(List.of(self, "--root", root.toString(), "hook"));
      }
      runtime = builder.build();
    }
    return runtime;
  }

  /** Writes a PID file the way runc does: atomically, the number without a newline. */
  static void writePidFile(String path, long pid) {
    Path file = Path.of(path).toAbsolutePath();
    Path temp = file.resolveSibling("." + file.getFileName() + ".tmp");
    try {
      Files.writeString(temp, Long.toString(pid));
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the pid file " + file, e);
    }
  }
}
