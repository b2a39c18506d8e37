package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerExistsException;
import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.internal.liblxc.Terminals;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * The create step of {@link LocalLxcEngine}: the state directory, the translated configuration, the
 * supervisor and lxc-start, until liblxc holds the init in the start-host hook. Whatever fails on
 * the way, the teardown removes every part already made.
 */
final class ContainerCreation {
  private static final long POLL_NANOS = 500_000;

  private final LocalLxcEngine engine;

  ContainerCreation(LocalLxcEngine engine) {
    this.engine = engine;
  }

  ContainerState create(
      ContainerId id, Path bundle, LocalLxcEngine.Preparer preparer, Optional<Path> consoleSocket) {
    ContainerDir dir = engine.dir(id);
    try {
      Files.createDirectories(engine.root());
      Files.createDirectory(dir.path);
    } catch (FileAlreadyExistsException e) {
      throw new ContainerExistsException(id.value(), engine.root().toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create the state directory " + dir.path, e);
    }
    ContainerRecord record = new ContainerRecord();
    record.id = id.value();
    record.bundle = bundle.toAbsolutePath();
    record.created = Instant.now();
    Terminals.Pty pty = null;
    try {
      dir.save(record);
      Trace.mark("state directory");
      PreparedContainer prepared = preparer.prepare(dir.path);
      Trace.mark("config.json read and translated");
      record.ociVersion = prepared.ociVersion();
      record.annotations.putAll(prepared.annotations());
      record.hooks.putAll(prepared.hooks());
      dir.save(record);
      Files.writeString(dir.file(ContainerDir.START_HOST), Scripts.startHost(dir.path));
      Files.writeString(
          dir.file(ContainerDir.CONFIG), prepared.lxcConfig(), StandardCharsets.UTF_8);
      if (prepared.terminal()) {
        if (consoleSocket.isEmpty()) {
          throw new LxcRuntimeException(
              id.value(),
              "process.terminal is true: create needs --console-socket to hand the pty over");
        }
        pty = Terminals.get().openPty();
      }
      Supervisor supervisor =
          spawnSupervisor(
              dir, prepared.args(), Optional.ofNullable(pty).map(Terminals.Pty::slavePath));
      Trace.mark("supervisor spawned");
      record.supervisorPid = supervisor.pid;
      record.supervisorStart = supervisor.start;
      dir.save(record);
      long init = awaitInit(dir, supervisor);
      Trace.mark("liblxc set the container up (start-host hook reached)");
      record.initPid = init;
      record.initStart = Proc.startTime(init).orElse(0L);
      Proc.children(supervisor.pid).stream()
          .findFirst()
          .ifPresent(
              monitor -> {
                record.monitorPid = monitor;
                record.monitorStart = Proc.startTime(monitor).orElse(0L);
                record.monitorCgroups.putAll(Cgroups.of(monitor));
              });
      record.cgroups.putAll(Cgroups.of(init));
      // The pid-file process must sit in the container's cgroups: containerd's shim reads
      // metrics and OOM events from that PID's cgroup. It must never be the OOM victim.
      Cgroups.enter(supervisor.pid, record.cgroups.values());
      Proc.setOomScoreAdj(supervisor.pid, -1000);
      record.status = ContainerStatus.CREATED;
      dir.save(record);
      supervisor.process().ifPresent(process -> engine.adoptSupervisor(id, process));
      if (pty != null) {
        // lxc-start relays the console only from start on (the start-host hook holds it before),
        // and makes the pty raw with TCSAFLUSH then: what is typed before start is discarded
        Terminals.get().sendFd(consoleSocket.get(), pty.master(), pty.slavePath());
      }
      Trace.mark("cgroups joined, state saved");
      return LocalLxcEngine.toState(record, ContainerStatus.CREATED);
    } catch (IOException | RuntimeException e) {
      List<String> tail = dir.logTail(15);
      Exception failure =
          e instanceof IllegalStateException && pty != null // the pty or the console socket
              ? new LxcRuntimeException(
                  id.value(), "create of container " + id + ": " + e.getMessage())
              : e;
      try {
        new Teardown(engine).destroy(dir, record);
      } catch (RuntimeException cleanup) {
        failure.addSuppressed(cleanup);
      }
      if (failure instanceof RuntimeException) {
        throw (RuntimeException) failure;
      }
      throw new LxcRuntimeException(
          id.value(), "create of container " + id + " failed: " + e.getMessage(), tail, e);
    } finally {
      if (pty != null) {
        Terminals.get().close(pty.master());
      }
    }
  }

  private Supervisor spawnSupervisor(ContainerDir dir, List<String> args, Optional<String> tty)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(engine.lxcStart().toString());
    command.add("-F");
    command.add("-q"); // liblxc errors go to lxc.log, not to the container's stderr
    command.add("-n");
    command.add(dir.id);
    command.add("-P");
    command.add(engine.root().toString());
    command.add("-f");
    command.add(dir.file(ContainerDir.CONFIG).toString());
    command.add("--");
    command.addAll(args);
    return Supervisor.start(dir, command, engine.detached(), engine.timeout(), tty);
  }

  private long awaitInit(ContainerDir dir, Supervisor supervisor) throws IOException {
    Path pidFile = dir.file(ContainerDir.INIT_PID);
    Duration timeout = engine.timeout();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(pidFile)) {
        String text = Files.readString(pidFile);
        if (text.endsWith("\n")) {
          return Long.parseLong(text.trim());
        }
      }
      if (!supervisor.isAlive()) {
        throw new LxcRuntimeException(
            dir.id,
            "liblxc could not start container "
                + dir.id
                + " (lxc-start exited with "
                + supervisor.exitStatus(dir).orElse(-1)
                + "); its log is "
                + dir.file(ContainerDir.LOG),
            dir.logTail(15),
            null);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    throw new LxcRuntimeException(
        dir.id,
        "container " + dir.id + " was not set up within " + timeout.toSeconds() + "s",
        dir.logTail(15),
        null);
  }
}
