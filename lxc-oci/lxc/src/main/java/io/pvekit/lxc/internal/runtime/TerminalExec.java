package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ExecProcess;
import io.pvekit.lxc.ExecSpec;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.internal.liblxc.Libc;
import io.pvekit.lxc.internal.liblxc.Terminals;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code exec} with a terminal. A process gets a controlling terminal only if it makes one itself
 * (setsid, TIOCSCTTY) before it execs, which liblxc does only in its terminal attach: a pty from
 * the container's devpts, relayed by the attaching process for as long as the process runs. That
 * relay is {@code lxc-attach} (liblxc's own, a small C process, not a JVM): its stdio is the
 * terminal the caller wants, here a new host pty whose master goes to the console socket, and it is
 * the session leader of that pty so window-size changes reach it. It exits with the process's
 * status and is what the pid file names.
 */
final class TerminalExec {
  private TerminalExec() {}

  static ExecProcess start(
      ContainerDir dir, ContainerRecord record, ExecSpec spec, Path lxcAttach, boolean detach) {
    boolean ownTerminal = spec.consoleSocket().isEmpty();
    List<String> command = command(dir, record, spec, lxcAttach, !ownTerminal);
    try {
      if (ownTerminal) {
        // this process's own terminal: lxc-attach relays it, in this session
        Process process = new ProcessBuilder(command).inheritIO().start();
        return processOf(process.pid(), process);
      }
      Terminals terminals = Terminals.get();
      Terminals.Pty pty = terminals.openPty();
      long pid = -1;
      try {
        Process child = detach ? null : startChild(pty, command);
        pid = detach ? startDetached(dir, pty, command) : child.pid();
        // what the other side types before lxc-attach is ready would be discarded
        if (terminals.awaitRawMode(pty.master(), 5_000)) {
          terminals.passOutputThrough(pty.master());
        }
        terminals.sendFd(spec.consoleSocket().get(), pty.master(), pty.slavePath());
        return processOf(pid, child);
      } catch (RuntimeException e) {
        if (pid > 0) {
          // nobody will ever see this terminal: lxc-attach goes, and its process with the pty
          Libc.get().kill(pid, Signals.SIGKILL);
        }
        throw e;
      } finally {
        terminals.close(pty.master());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("exec in container " + dir.id + " failed: " + e, e);
    } catch (IllegalStateException e) {
      throw new LxcRuntimeException(
          dir.id, "exec with a terminal in container " + dir.id + " failed: " + e.getMessage());
    }
  }

  /**
   * The lxc-attach command line; with {@code newSession}, lxc-attach leads a new session whose
   * controlling terminal is its stdin (a pty of its own, never the caller's terminal).
   */
  static List<String> command(
      ContainerDir dir, ContainerRecord record, ExecSpec spec, Path lxcAttach, boolean newSession) {
    for (int gid : spec.additionalGids()) {
      if (spec.gid().map(g -> g != gid).orElse(gid != 0)) {
        throw new LxcRuntimeException(
            dir.id,
            "exec with a terminal cannot set process.user.additionalGids "
                + spec.additionalGids()
                + ": liblxc's terminal attach sets no supplementary groups");
      }
    }
    List<String> command = new ArrayList<>();
    if (newSession) {
      command.add("setsid");
      command.add("--ctty");
    }
    command.add(lxcAttach.toString());
    command.add("-n");
    command.add(dir.id);
    command.add("-P");
    command.add(dir.root.toString());
    command.add("--clear-env");
    for (String variable : spec.env()) {
      command.add("-v");
      command.add(variable);
    }
    spec.uid().ifPresent(uid -> command.addAll(List.of("-u", Integer.toString(uid))));
    spec.gid().ifPresent(gid -> command.addAll(List.of("-g", Integer.toString(gid))));
    command.add("--");
    String cwd = spec.cwd().orElse("/");
    if (!cwd.equals("/")) {
      // lxc-attach starts in the container's root: a shell changes directory first
      if (!Files.exists(Path.of("/proc", Long.toString(record.initPid), "root/bin/sh"))) {
        throw new LxcRuntimeException(
            dir.id,
            "exec with a terminal and process.cwd "
                + cwd
                + " needs /bin/sh in container "
                + dir.id);
      }
      command.addAll(
          List.of("/bin/sh", "-c", "cd -- \"$1\" || exit 126; shift; exec \"$@\"", "sh", cwd));
    }
    command.addAll(spec.args());
    return command;
  }

  private static Process startChild(Terminals.Pty pty, List<String> command) throws IOException {
    File slave = new File(pty.slavePath());
    return new ProcessBuilder(command)
        .redirectInput(slave)
        .redirectOutput(slave)
        .redirectError(slave)
        .start();
  }

  /** Not this JVM's child (see {@link Scripts#DETACH} for why), so that this JVM can exit. */
  private static long startDetached(ContainerDir dir, Terminals.Pty pty, List<String> command)
      throws IOException {
    Path pidFile = Files.createTempFile(dir.path, "exec-", ".pid");
    try {
      List<String> shell =
          new ArrayList<>(List.of("/bin/sh", "-c", Scripts.DETACH, "sh", pidFile.toString()));
      shell.addAll(command);
      Process launcher = startChild(pty, shell);
      if (!launcher.waitFor(30, TimeUnit.SECONDS) || launcher.exitValue() != 0) {
        launcher.destroyForcibly();
        throw new IllegalStateException("could not start lxc-attach");
      }
      return Long.parseLong(Files.readString(pidFile).trim());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting lxc-attach");
    } finally {
      Files.deleteIfExists(pidFile);
    }
  }

  private static ExecProcess processOf(long pid, Process child) {
    return new StartedExec(
        pid,
        () -> {
          if (child == null) {
            throw new IllegalStateException("process " + pid + " is not this JVM's child");
          }
          try {
            return child.waitFor();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 128 + 2; // as a shell reports an interrupted wait: SIGINT
          }
        });
  }
}
