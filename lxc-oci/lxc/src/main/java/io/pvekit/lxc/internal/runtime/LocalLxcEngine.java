package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerExistsException;
import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ContainerStateException;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs OCI containers with liblxc on this host. The process model (see
 * docs/decisions/004-lxcri-process-model.md): create starts {@code sh (supervisor) -> lxc-start -F
 * (liblxc monitor) -> container init}; the start-host hook holds the init before it execs the user
 * process; the supervisor is what a subreaper reaps and what carries the exit status.
 */
public class LocalLxcEngine {
  private static final long POLL_NANOS = 500_000;

  private final Path root;
  private final Path lxcStart;
  private final Path lxcStartBinary;
  private final Duration timeout;
  private final boolean detach;
  private final Map<String, Process> supervisors = new ConcurrentHashMap<>();

  /**
   * Creates an engine.
   *
   * @param root the state root (also liblxc's lxcpath)
   * @param lxcStart the lxc-start binary
   * @param timeout how long create, start and delete wait for liblxc
   * @param detach whether supervisors are started in the background rather than as this JVM's
   *     children (see {@link Scripts#DETACH})
   */
  public LocalLxcEngine(Path root, Path lxcStart, Duration timeout, boolean detach) {
    this.root = root.toAbsolutePath();
    this.lxcStart = lxcStart;
    this.lxcStartBinary = realPath(lxcStart);
    this.timeout = timeout;
    this.detach = detach;
  }

  private static Path realPath(Path path) {
    try {
      return path.toRealPath();
    } catch (IOException e) {
      return path;
    }
  }

  public Path root() {
    return root;
  }

  ContainerDir dir(ContainerId id) {
    return new ContainerDir(root, id);
  }

  /**
   * Turns a bundle into LXC configuration, writing side files into the state directory. The
   * configuration is written as it is: it must log to {@code <stateDir>/lxc.log} at level INFO (the
   * init's exit status is read from there) and run {@code /bin/sh <stateDir>/start-host} as the
   * last start-host hook ({@link BundlePreparer} has the translator write both).
   */
  @FunctionalInterface
  public interface Preparer {
    PreparedContainer prepare(Path stateDir) throws IOException;
  }

  /**
   * Sets the container up and leaves the init waiting for {@link #start}. On any failure nothing of
   * the container is left (processes, cgroups, state directory).
   */
  public ContainerState create(ContainerId id, Path bundle, Preparer preparer) {
    return create(id, bundle, preparer, Optional.empty());
  }

  /**
   * As {@link #create(ContainerId, Path, Preparer)}; a container whose process has a terminal gets
   * a new pty as the console liblxc relays, and its master goes to {@code consoleSocket} as runc
   * sends it (SCM_RIGHTS) once the container is set up.
   */
  public ContainerState create(
      ContainerId id, Path bundle, Preparer preparer, Optional<Path> consoleSocket) {
    ContainerDir dir = dir(id);
    try {
      Files.createDirectories(root);
      Files.createDirectory(dir.path);
    } catch (FileAlreadyExistsException e) {
      throw new ContainerExistsException(id.value(), root.toString());
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
      supervisor.process().ifPresent(process -> supervisors.put(id.value(), process));
      if (pty != null) {
        // lxc-start relays the console only from start on (the start-host hook holds it before),
        // and makes the pty raw with TCSAFLUSH then: what is typed before start is discarded
        Terminals.get().sendFd(consoleSocket.get(), pty.master(), pty.slavePath());
      }
      Trace.mark("cgroups joined, state saved");
      return toState(record, ContainerStatus.CREATED);
    } catch (IOException | RuntimeException e) {
      List<String> tail = dir.logTail(15);
      Exception failure =
          e instanceof IllegalStateException && pty != null // the pty or the console socket
              ? new LxcRuntimeException(
                  id.value(), "create of container " + id + ": " + e.getMessage())
              : e;
      try {
        new Teardown(this).destroy(dir, record);
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
    command.add(lxcStart.toString());
    command.add("-F");
    command.add("-q"); // liblxc errors go to lxc.log, not to the container's stderr
    command.add("-n");
    command.add(dir.id);
    command.add("-P");
    command.add(root.toString());
    command.add("-f");
    command.add(dir.file(ContainerDir.CONFIG).toString());
    command.add("--");
    command.addAll(args);
    return Supervisor.start(dir, command, detach, timeout, tty);
  }

  private long awaitInit(ContainerDir dir, Supervisor supervisor) throws IOException {
    Path pidFile = dir.file(ContainerDir.INIT_PID);
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

  /** Releases the init of a created container: it execs the user process. */
  public ContainerState start(ContainerId id) {
    ContainerDir dir = dir(id);
    ContainerRecord record = dir.load();
    ContainerStatus status = liveStatus(record);
    if (status != ContainerStatus.CREATED) {
      throw new ContainerStateException(
          id.value(), status, "cannot start container " + id + " in state " + status.ociName());
    }
    // startContainer hooks run in the container's namespaces; the init is held after pivot_root.
    HookRunner.run(
        id.value(),
        "startContainer",
        record.hooks("startContainer"),
        StateJson.render(toState(record, status)),
        List.of(
            "nsenter",
            "--target",
            Long.toString(record.initPid),
            "--mount",
            "--uts",
            "--ipc",
            "--net",
            "--pid",
            "--"));
    if (!dir.signalHook("start")) {
      throw new LxcRuntimeException(
          id.value(), "container " + id + " has no start fifo; delete it");
    }
    // start returns once the user process runs: until the init execs, /proc/PID/exe is lxc-start.
    long deadline = System.nanoTime() + timeout.toNanos();
    Optional<Path> exe;
    while ((exe = executable(record.initPid)).isPresent() && exe.get().equals(lxcStartBinary)) {
      if (System.nanoTime() > deadline) {
        throw new LxcRuntimeException(
            id.value(),
            "container " + id + " did not start within " + timeout,
            dir.logTail(15),
            null);
      }
      LockSupport.parkNanos(POLL_NANOS);
    }
    if (exe.isEmpty() && dir.logTail(15).stream().anyMatch(l -> l.contains("Failed to exec"))) {
      throw new LxcRuntimeException(
          id.value(),
          "container " + id + " did not start: its init could not exec the user process",
          dir.logTail(15),
          null);
    }
    record.status = ContainerStatus.RUNNING;
    dir.save(record);
    ContainerState state = toState(record, ContainerStatus.RUNNING);
    try {
      HookRunner.run(id.value(), "poststart", record.hooks("poststart"), StateJson.render(state));
    } catch (LxcRuntimeException e) {
      // The spec: a failing poststart hook is only a warning.
      System.err.println("warning: " + e.getMessage());
    }
    return state;
  }

  private static Optional<Path> executable(long pid) {
    try {
      return Optional.of(Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "exe")));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The container's state, looking at its processes and freezer. */
  public ContainerState state(ContainerId id) {
    ContainerRecord record = dir(id).load();
    return toState(record, liveStatus(record));
  }

  /** Ids of all containers under the root. */
  public List<String> list() {
    List<String> ids = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return ids;
    }
    try (var entries = Files.newDirectoryStream(root)) {
      for (Path entry : entries) {
        if (Files.isRegularFile(entry.resolve(ContainerRecord.FILE))) {
          ids.add(entry.getFileName().toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
    ids.sort(String::compareTo);
    return ids;
  }

  public void kill(ContainerId id, int signal, boolean all) {
    new Teardown(this).kill(dir(id), signal, all);
  }

  public void delete(ContainerId id, boolean force) {
    ContainerDir dir = dir(id);
    if (!dir.exists()) {
      if (force) {
        dir.removeAll();
        return;
      }
      throw new io.pvekit.lxc.ContainerNotFoundException(id.value(), root.toString());
    }
    new Teardown(this).delete(dir, force);
    supervisors.remove(id);
  }

  /**
   * Waits for the container's user process to end and returns its exit code (the status, or 128 +
   * signal; 255 when the supervisor was killed before it could tell). Works for containers other
   * processes created too, through the status the supervisor writes into the state directory.
   */
  public Optional<Integer> awaitExit(ContainerId id, Duration wait) throws InterruptedException {
    Process supervisor = supervisors.get(id);
    if (supervisor != null) {
      if (!supervisor.waitFor(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
        return Optional.empty();
      }
      return Optional.of(supervisor.exitValue());
    }
    ContainerDir dir = dir(id);
    if (!dir.exists()) {
      return Optional.empty();
    }
    ContainerRecord record = dir.load();
    return Supervisor.awaitExit(dir, record.supervisorPid, record.supervisorStart, wait);
  }

  /** lxc-attach, next to lxc-start. */
  Path lxcAttach() {
    return lxcStart.resolveSibling("lxc-attach");
  }

  /** Whether processes this engine starts are detached from this JVM (a command-line JVM). */
  boolean detached() {
    return detach;
  }

  Duration timeout() {
    return timeout;
  }

  static ContainerStatus liveStatus(ContainerRecord record) {
    switch (record.status) {
      case CREATED:
        return Proc.isAlive(record.initPid, record.initStart)
            ? ContainerStatus.CREATED
            : ContainerStatus.STOPPED;
      case RUNNING:
      case PAUSED:
        if (!Proc.isAlive(record.initPid, record.initStart)) {
          return ContainerStatus.STOPPED;
        }
        return Freezer.isFrozen(record.cgroups) ? ContainerStatus.PAUSED : ContainerStatus.RUNNING;
      default:
        return record.status;
    }
  }

  static ContainerState toState(ContainerRecord record, ContainerStatus status) {
    boolean hasInit = status != ContainerStatus.STOPPED && status != ContainerStatus.CREATING;
    return ContainerState.builder()
        .id(record.id)
        .status(status)
        .pid(hasInit ? record.initPid : 0)
        .bundle(record.bundle)
        .created(record.created)
        .annotations(record.annotations)
        .ociVersion(record.ociVersion)
        .supervisorPid(record.supervisorPid)
        .build();
  }
}
