package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ExecProcess;
import io.pvekit.lxc.ExecSpec;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.ResourceLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where containers run: this host through liblxc, or Proxmox VE through its API. */
public interface ContainerEngine {
  Path root();

  ContainerState create(ContainerId id, Path bundle);

  /** create for a bundle whose process has a terminal: its pty master goes to the socket. */
  default ContainerState create(ContainerId id, Path bundle, Path consoleSocket) {
    throw new LxcRuntimeException(
        id.value(),
        "containers with a terminal are not supported by this backend: run without a tty");
  }

  ContainerState start(ContainerId id);

  ContainerState state(ContainerId id);

  List<String> list();

  void kill(ContainerId id, int signal, boolean all);

  void delete(ContainerId id, boolean force);

  Optional<Integer> awaitExit(ContainerId id, Duration wait) throws InterruptedException;

  default ExecProcess exec(ContainerId id, ExecSpec spec) {
    throw unsupported(id, "exec");
  }

  default void pause(ContainerId id) {
    throw unsupported(id, "pause");
  }

  default void resume(ContainerId id) {
    throw unsupported(id, "resume");
  }

  default List<Long> pids(ContainerId id) {
    throw unsupported(id, "ps");
  }

  default void update(ContainerId id, ResourceLimits limits) {
    throw unsupported(id, "update");
  }

  private LxcRuntimeException unsupported(ContainerId id, String operation) {
    return new LxcRuntimeException(
        id.value(),
        operation + " is not supported by the " + getClass().getSimpleName() + " backend");
  }
}
