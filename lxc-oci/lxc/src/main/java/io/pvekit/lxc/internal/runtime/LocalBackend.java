package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.CgroupLayout;
import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ContainerStateException;
import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.ExecProcess;
import io.pvekit.lxc.ExecSpec;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.ResourceLimits;
import io.pvekit.lxc.internal.liblxc.AttachRequest;
import io.pvekit.lxc.internal.liblxc.LibLxc;
import io.pvekit.lxc.internal.liblxc.Libc;
import io.pvekit.lxc.internal.liblxc.LxcContainerHandle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Containers on this host: the lifecycle of {@link LocalLxcEngine} (inherited, not forwarded), with
 * bundles translated by {@link BundlePreparer}, and the operations on a running container that go
 * through liblxc and its monitor: exec (attach), pause/resume (freeze) and update (cgroup writes).
 * Only these load liblxc.
 */
public final class LocalBackend extends LocalLxcEngine implements ContainerEngine {
  private final List<String> hookRunner;
  private final Optional<Path> initHelper;

  public LocalBackend(
      Path root,
      Path lxcStart,
      Duration timeout,
      List<String> hookRunner,
      boolean detach,
      Optional<Path> initHelper) {
    super(root, lxcStart, timeout, detach);
    this.hookRunner = List.copyOf(hookRunner);
    this.initHelper = initHelper;
  }

  @Override
  public ContainerState create(ContainerId id, Path bundle) {
    return create(id, bundle, new BundlePreparer(id.value(), bundle, hookRunner, initHelper));
  }

  @Override
  public ContainerState create(ContainerId id, Path bundle, Path consoleSocket) {
    return create(
        id,
        bundle,
        new BundlePreparer(id.value(), bundle, hookRunner, initHelper),
        Optional.of(consoleSocket));
  }

  @Override
  public ExecProcess exec(ContainerId id, ExecSpec spec) {
    return exec(id, spec, 0, 1, 2);
  }

  /**
   * Starts a process in the running container with the given stdio file descriptors, or with a
   * terminal when the spec asks for one (see {@link TerminalExec}).
   *
   * @return the process, a child of this JVM unless the engine detaches
   */
  private ExecProcess exec(ContainerId id, ExecSpec spec, int stdin, int stdout, int stderr) {
    ContainerDir dir = dir(id);
    ContainerRecord record = dir.load();
    requireStatus(dir, record, ContainerStatus.RUNNING, "exec in");
    if (spec.cwd().isPresent()) {
      ExecCwd.check(id.value(), record.initPid, spec.cwd().get());
    }
    if (spec.terminal()) {
      return TerminalExec.start(dir, record, spec, lxcAttach(), detached());
    }
    AttachRequest request =
        new AttachRequest(
            spec.args().get(0),
            spec.args(),
            spec.env(),
            spec.cwd().orElse(null),
            spec.uid().orElse(-1),
            spec.gid().orElse(-1),
            spec.additionalGids(),
            spec.noNewPrivileges(),
            spec.apparmorProfile().orElse(null),
            stdin,
            stdout,
            stderr);
    int pid;
    try (LxcContainerHandle handle = open(dir)) {
      pid = handle.attach(request);
    } catch (IllegalStateException e) {
      throw new LxcRuntimeException(
          id.value(),
          "exec " + spec.args().get(0) + " in container " + id + " failed: " + e.getMessage(),
          dir.logTail(10),
          e);
    }
    return new StartedExec(pid, () -> Libc.get().waitForExit(pid));
  }

  @Override
  public void pause(ContainerId id) {
    ContainerDir dir = dir(id);
    requireStatus(dir, dir.load(), ContainerStatus.RUNNING, "pause");
    try (LxcContainerHandle handle = open(dir)) {
      if (!handle.freeze()) {
        throw new LxcRuntimeException(
            id.value(), "liblxc could not freeze container " + id, dir.logTail(10), null);
      }
    }
  }

  @Override
  public void resume(ContainerId id) {
    ContainerDir dir = dir(id);
    requireStatus(dir, dir.load(), ContainerStatus.PAUSED, "resume");
    try (LxcContainerHandle handle = open(dir)) {
      if (!handle.unfreeze()) {
        throw new LxcRuntimeException(
            id.value(), "liblxc could not thaw container " + id, dir.logTail(10), null);
      }
    }
  }

  /** The host PIDs of the container's processes (pvekit's supervisor excluded). */
  @Override
  public List<Long> pids(ContainerId id) {
    return Teardown.containerPids(dir(id).load());
  }

  @Override
  public void update(ContainerId id, ResourceLimits limits) {
    ContainerDir dir = dir(id);
    ContainerRecord record = dir.load();
    ContainerStatus status = LocalLxcEngine.liveStatus(record);
    if (status == ContainerStatus.STOPPED || status == ContainerStatus.CREATING) {
      throw new ContainerStateException(
          id.value(), status, "cannot update container " + id + " in state " + status.ociName());
    }
    Map<String, String> files = CgroupSettings.of(limits, CgroupLayout.detect());
    try (LxcContainerHandle handle = open(dir)) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        if (!handle.setCgroupItem(file.getKey(), file.getValue())) {
          throw new LxcRuntimeException(
              id.value(),
              "cannot set "
                  + file.getKey()
                  + " = "
                  + file.getValue()
                  + " on container "
                  + id
                  + " (value out of range, or the controller is not enabled)",
              dir.logTail(10),
              null);
        }
      }
    }
  }

  private static void requireStatus(
      ContainerDir dir, ContainerRecord record, ContainerStatus wanted, String verb) {
    ContainerStatus status = LocalLxcEngine.liveStatus(record);
    if (status != wanted) {
      throw new ContainerStateException(
          dir.id,
          status,
          "cannot " + verb + " container " + dir.id + ": it is " + status.ociName());
    }
  }

  private static LxcContainerHandle open(ContainerDir dir) {
    LibLxc lib;
    try {
      lib = LibLxc.get();
    } catch (UnsatisfiedLinkError e) {
      throw new LxcRuntimeException(
          dir.id, "liblxc.so.1 is not installed (apt-get install lxc): " + e.getMessage());
    }
    // liblxc logs to stderr unless told otherwise, and stderr is the exec'd process's stream.
    lib.logTo(dir.id, dir.root, dir.file(ContainerDir.LOG), "WARN");
    LxcContainerHandle handle = lib.open(dir.id, dir.root);
    if (!handle.loadConfig(dir.file(ContainerDir.CONFIG).toString())) {
      handle.close();
      throw new LxcRuntimeException(
          dir.id, "liblxc cannot load the config of container " + dir.id, dir.logTail(10), null);
    }
    return handle;
  }
}
