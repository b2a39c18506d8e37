package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerStateException;
import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.LxcRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;

/** kill and delete: signals, and the removal of everything a container left behind. */
final class Teardown {
  private static final long POLL_NANOS = 500_000;

  private final LocalLxcEngine engine;

  Teardown(LocalLxcEngine engine) {
    this.engine = engine;
  }

  void kill(ContainerDir dir, int signal, boolean all) {
    ContainerRecord record = dir.load();
    ContainerStatus status = LocalLxcEngine.liveStatus(record);
    switch (status) {
      case STOPPED:
        throw new ContainerStateException(dir.id, status, "container " + dir.id + " not running");
      case CREATING:
        throw new ContainerStateException(
            dir.id, status, "container " + dir.id + " is still being created");
      case CREATED:
        // The init is held inside liblxc's setup: make liblxc abort the start as well.
        dir.signalHook("abort");
        Signals.send(record.initPid, signal);
        return;
      default:
        if (all) {
          for (long pid : containerPids(record)) {
            Signals.send(pid, signal);
          }
        } else {
          Signals.send(record.initPid, signal);
        }
        if (status == ContainerStatus.PAUSED && signal == Signals.SIGKILL) {
          Freezer.thaw(record.cgroups);
        }
    }
  }

  void delete(ContainerDir dir, boolean force) {
    ContainerRecord record = dir.load();
    ContainerStatus status = LocalLxcEngine.liveStatus(record);
    if (!force && (status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED)) {
      throw new ContainerStateException(
          dir.id,
          status,
          "cannot delete container "
              + dir.id
              + " that is not stopped: "
              + status.ociName()
              + "; kill it first or use delete --force");
    }
    if (!force && status == ContainerStatus.CREATING) {
      throw new ContainerStateException(
          dir.id,
          status,
          "container " + dir.id + " is being created; if its create crashed, use delete --force");
    }
    destroy(dir, record);
    try {
      HookRunner.run(
          dir.id,
          "poststop",
          record.hooks("poststop"),
          StateJson.render(LocalLxcEngine.toState(record, ContainerStatus.STOPPED)));
    } catch (LxcRuntimeException e) {
      System.err.println("warning: " + e.getMessage());
    }
  }

  /** Stops whatever still runs of the container and removes its cgroups and state directory. */
  void destroy(ContainerDir dir, ContainerRecord record) {
    dir.signalHook("abort");
    long deadline = System.nanoTime() + engine.timeout().toNanos();
    if (Proc.isAlive(record.initPid, record.initStart)) {
      for (long pid : containerPids(record)) {
        Signals.send(pid, Signals.SIGKILL);
      }
      Freezer.thaw(record.cgroups);
    }
    // liblxc's monitor cleans up after the init dies; give it the time, then force it. A create
    // that never finished (it failed, or its process was killed) has nothing worth waiting for.
    boolean wait = record.status != ContainerStatus.CREATING;
    while (wait && System.nanoTime() < deadline && supervisorTreeAlive(record)) {
      LockSupport.parkNanos(POLL_NANOS);
    }
    if (supervisorTreeAlive(record)) {
      for (long pid : Proc.tree(record.supervisorPid)) {
        Signals.send(pid, Signals.SIGKILL);
      }
    }
    List<Path> cgroups = cgroupDirs(dir, record);
    List<Path> busy = Cgroups.remove(cgroups);
    while (!busy.isEmpty() && System.nanoTime() < deadline) {
      for (Path cgroup : busy) {
        for (long pid : Cgroups.procs(cgroup)) {
          Signals.send(pid, Signals.SIGKILL);
        }
      }
      LockSupport.parkNanos(POLL_NANOS);
      busy = Cgroups.remove(busy);
    }
    if (!busy.isEmpty()) {
      throw new LxcRuntimeException(
          dir.id,
          "cannot remove the cgroups "
              + busy
              + " of container "
              + dir.id
              + ": processes remain; run delete --force again",
          dir.logTail(10),
          null);
    }
    dir.removeAll();
    removeLockFile(dir);
  }

  /**
   * liblxc's per-container lock file ({@code /run/lxc/lock/LXCPATH/.NAME}), which liblxc never
   * removes: one empty file per container ever created would pile up. The directory stays, as other
   * containers of the same root may be taking their locks in it right now.
   */
  private static void removeLockFile(ContainerDir dir) {
    Path lockDir =
        Path.of("/run/lxc/lock").resolve(dir.root.toAbsolutePath().toString().substring(1));
    try {
      Files.deleteIfExists(lockDir.resolve("." + dir.id));
    } catch (IOException e) {
      // an unremovable lock file costs an inode, not correctness: the delete itself succeeded
    }
  }

  private static List<String> configuredCgroupDirs(ContainerDir dir) {
    List<String> names = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dir.file(ContainerDir.CONFIG))) {
        String[] kv = line.split("=", 2);
        String key = kv[0].trim();
        if (kv.length == 2
            && (key.equals("lxc.cgroup.dir.container") || key.equals("lxc.cgroup.dir.monitor"))) {
          String value = kv[1].trim().replaceAll("^/+", "");
          if (!value.isEmpty() && !value.contains("..")) {
            names.add(value);
          }
        }
      }
    } catch (java.io.IOException e) {
      return names;
    }
    return names;
  }

  private static boolean supervisorTreeAlive(ContainerRecord record) {
    return Proc.isAlive(record.supervisorPid, record.supervisorStart)
        || Proc.isAlive(record.monitorPid, record.monitorStart);
  }

  /** The container's processes: every PID in its cgroup except pvekit's supervisor. */
  static List<Long> containerPids(ContainerRecord record) {
    Set<Long> pids = new LinkedHashSet<>();
    Path dir =
        Cgroups.controllerDir(record.cgroups, "pids")
            .or(() -> record.cgroups.values().stream().findFirst())
            .orElse(null);
    if (dir != null) {
      pids.addAll(Cgroups.procs(dir));
    }
    if (pids.isEmpty() && Proc.isAlive(record.initPid, record.initStart)) {
      pids.add(record.initPid);
    }
    pids.remove(record.supervisorPid);
    return new ArrayList<>(pids);
  }

  /**
   * The cgroups to remove: those recorded at create, plus liblxc's default names in every hierarchy
   * for a create that crashed before recording them.
   */
  private static List<Path> cgroupDirs(ContainerDir dir, ContainerRecord record) {
    Set<Path> dirs = new LinkedHashSet<>(record.cgroups.values());
    dirs.addAll(record.monitorCgroups.values());
    for (Path mount : Cgroups.mountPoints()) {
      for (String name : List.of("lxc.payload." + dir.id, "lxc.monitor." + dir.id)) {
        Path candidate = mount.resolve(name);
        if (Files.isDirectory(candidate)) {
          dirs.add(candidate);
        }
      }
    }
    return new ArrayList<>(dirs);
  }
}
