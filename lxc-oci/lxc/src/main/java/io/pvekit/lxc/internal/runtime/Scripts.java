package io.pvekit.lxc.internal.runtime;

import java.nio.file.Path;

/**
 * The two shell scripts of the process model (docs/decisions/004-lxcri-process-model.md). They are
 * the only code that stays around while a container runs, besides liblxc's own monitor, and they
 * are POSIX sh so that no JVM stays resident per container.
 */
final class Scripts {
  private Scripts() {}

  /**
   * The supervisor: parent of liblxc's monitor ({@code lxc-start -F}) and the process in
   * containerd's pid file. It turns the init's exit into its own exit status (and writes it to the
   * state directory, for callers that are not its parent), which lxc-start does not pass through:
   * liblxc logs "Child <PID> ended on error (N)" or "... ended on signal NAME(N)" at INFO level
   * when the init exits, and nothing when it exits with 0. Arguments: the container's state
   * directory, then the lxc-start command line.
   */
  static final String SUPERVISOR =
      "d=$1; shift\n"
          + "\"$@\"\n"
          + "rc=$?\n"
          + "code=$rc\n"
          + "if [ -s \"$d/init.pid\" ]; then\n"
          + "  read -r init < \"$d/init.pid\"\n"
          + "  line=$(grep -F \"Child <$init> ended on\" \"$d/lxc.log\" | tail -n 1)\n"
          + "  case $line in\n"
          + "    *'ended on error ('*) code=${line##*ended on error (}; code=${code%%)*} ;;\n"
          + "    *'ended on signal '*) sig=${line##*(}; code=$((128 + ${sig%%)*})) ;;\n"
          + "  esac\n"
          + "elif [ \"$rc\" -eq 0 ]; then\n"
          + "  code=255\n"
          + "fi\n"
          + "{ echo \"$code\" > \"$d/"
          + ContainerDir.EXIT_STATUS
          + "\"; } 2>/dev/null\n"
          + "exit \"$code\"\n";

  /**
   * Starts a command in the background and records its PID, so that it is not a child of the JVM
   * that starts it. A JVM about to exit waits up to 300 ms for each thread blocked in native code,
   * and {@link ProcessBuilder} keeps one blocked in {@code waitpid} for as long as its child lives:
   * a CLI that leaves its child running pays that on every create. Without job control a background
   * command's stdin would be /dev/null, hence fd 3. Arguments: the PID file, then the command.
   */
  static final String DETACH =
      "pidfile=$1; shift\n"
          + "exec 3<&0\n"
          + "\"$@\" <&3 3<&- &\n"
          + "echo \"$!\" > \"$pidfile\"\n";

  /**
   * liblxc runs {@code lxc.hook.start-host} on the host once the container is set up and holds the
   * init until the hook returns: this hook reports the init's PID (create returns then) and blocks
   * on a fifo until {@code start} writes "start" (exit 0: the init execs the user process) or
   * {@code delete}/{@code kill} write "abort" (exit 1: liblxc aborts the start and cleans up). The
   * fifo is opened read-write before the PID is reported, so a writer never waits and no token is
   * lost.
   */
  static String startHost(Path dir) {
    String d = shellQuote(dir.toString());
    return "d="
        + d
        + "\n"
        + "mkfifo -m 600 \"$d/start.fifo\" || exit 1\n"
        + "exec 3<>\"$d/start.fifo\" || exit 1\n"
        + "echo \"$LXC_PID\" > \"$d/init.pid\" || exit 1\n"
        + "read -r cmd <&3\n"
        + "[ \"$cmd\" = start ]\n";
  }

  /** {@code value} in single quotes, safe to paste into a shell command line. */
  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }
}
