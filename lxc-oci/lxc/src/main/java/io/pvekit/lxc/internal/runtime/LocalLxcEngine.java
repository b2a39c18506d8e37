package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ContainerStateException;
import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.LxcRuntimeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
  private final Map<ContainerId, Process> supervisors = new ConcurrentHashMap<>();

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
    return new ContainerCreation(this).create(id, bundle, preparer, consoleSocket);
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

  /** lxc-start, as configured. */
  Path lxcStart() {
    return lxcStart;
  }

  /** Keeps the supervisor this JVM started, so that awaitExit can wait on the process itself. */
  void adoptSupervisor(ContainerId id, Process supervisor) {
    supervisors.put(id, supervisor);
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
