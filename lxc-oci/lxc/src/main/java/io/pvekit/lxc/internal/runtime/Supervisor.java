package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.LxcRuntimeException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The process whose exit status is the container's: {@link Scripts#SUPERVISOR} around liblxc's
 * monitor. Started either as this JVM's child (an embedding application reaps it through {@link
 * Process}) or detached (a command-line JVM that exits right after create; the nearest subreaper or
 * init reaps it, and its status is read from the state directory).
 */
final class Supervisor {
  private static final long POLL_NANOS = 5_000_000;

  final long pid;
  final long start;
  private final Optional<Process> process;

  private Supervisor(long pid, Optional<Process> process) {
    this.pid = pid;
    this.start = Proc.startTime(pid).orElse(0L);
    this.process = process;
  }

  /**
   * Starts the supervisor in the container's state directory.
   *
   * @param lxcStart the lxc-start command line it runs
   * @param terminal the pty slave to use as its stdio and controlling terminal, if any
   */
  static Supervisor start(
      ContainerDir dir,
      List<String> lxcStart,
      boolean detach,
      Duration timeout,
      Optional<String> terminal)
      throws IOException {
    List<String> command = new ArrayList<>();
    if (detach) {
      command.addAll(
          List.of(
              "/bin/sh",
              "-c",
              Scripts.DETACH,
              "proxmox-lxcri-detach",
              dir.file(ContainerDir.SUPERVISOR_PID).toString()));
    }
    if (terminal.isPresent()) {
      // the supervisor leads the terminal's session: window-size changes reach lxc-start
      command.addAll(List.of("setsid", "--ctty"));
    }
    command.addAll(List.of("/bin/sh", "-c", Scripts.SUPERVISOR, "proxmox-lxcri-supervisor"));
    command.add(dir.path.toString());
    command.addAll(lxcStart);
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.path.toFile());
    if (terminal.isPresent()) {
      File tty = new File(terminal.get());
      builder.redirectInput(tty).redirectOutput(tty).redirectError(tty);
    } else {
      builder.inheritIO();
    }
    builder.environment().clear();
    builder
        .environment()
        .put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
    Process process = builder.start();
    if (!detach) {
      return new Supervisor(process.pid(), Optional.of(process));
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new LxcRuntimeException(
            dir.id, "could not start the supervisor of container " + dir.id);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LxcRuntimeException(dir.id, "interrupted while creating container " + dir.id);
    }
    String pid = Files.readString(dir.file(ContainerDir.SUPERVISOR_PID)).trim();
    return new Supervisor(Long.parseLong(pid), Optional.empty());
  }

  /** The {@link Process} when it is this JVM's child. */
  Optional<Process> process() {
    return process;
  }

  boolean isAlive() {
    return process.map(Process::isAlive).orElseGet(() -> Proc.isAlive(pid, start));
  }

  /** Its exit status once it ended, from the {@link Process} or from what it wrote. */
  Optional<Integer> exitStatus(ContainerDir dir) {
    return process.map(Process::exitValue).or(() -> writtenStatus(dir));
  }

  /**
   * Waits for a supervisor this JVM did not start (or no longer holds) to end.
   *
   * @return its status (255 when it was killed before it could write one); empty on timeout
   */
  static Optional<Integer> awaitExit(ContainerDir dir, long pid, long start, Duration wait)
      throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    while (Proc.isAlive(pid, start)) {
      if (System.nanoTime() > deadline) {
        return Optional.empty();
      }
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    return Optional.of(writtenStatus(dir).orElse(255));
  }

  private static Optional<Integer> writtenStatus(ContainerDir dir) {
    try {
      return Optional.of(
          Integer.parseInt(Files.readString(dir.file(ContainerDir.EXIT_STATUS)).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
