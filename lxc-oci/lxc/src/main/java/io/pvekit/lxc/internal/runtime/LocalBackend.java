package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ExecProcess;
import io.pvekit.lxc.ExecSpec;
import io.pvekit.lxc.ResourceLimits;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Containers on this host: {@link LocalLxcEngine} for the lifecycle, liblxc for the rest. */
public final class LocalBackend implements ContainerEngine {
  private final LocalLxcEngine engine;
  private final LiveOperations live;
  private final List<String> hookRunner;
  private final Optional<Path> initHelper;

  public LocalBackend(
      Path root,
      Path lxcStart,
      Duration timeout,
      List<String> hookRunner,
      boolean detach,
      Optional<Path> initHelper) {
    this.engine = new LocalLxcEngine(root, lxcStart, timeout, detach);
    this.live = new LiveOperations(engine);
    this.hookRunner = List.copyOf(hookRunner);
    this.initHelper = initHelper;
  }

  @Override
  public Path root() {
    return engine.root();
  }

  @Override
  public ContainerState create(ContainerId id, Path bundle) {
    return engine.create(
        id, bundle, new BundlePreparer(id.value(), bundle, hookRunner, initHelper));
  }

  @Override
  public ContainerState create(ContainerId id, Path bundle, Path consoleSocket) {
    return engine.create(
        id.value(),
        bundle,
        new BundlePreparer(id.value(), bundle, hookRunner, initHelper),
        Optional.of(consoleSocket));
  }

  @Override
  public ContainerState start(ContainerId id) {
    return engine.start(id);
  }

  @Override
  public ContainerState state(ContainerId id) {
    return engine.state(id);
  }

  @Override
  public List<String> list() {
    return engine.list();
  }

  @Override
  public void kill(ContainerId id, int signal, boolean all) {
    engine.kill(id, signal, all);
  }

  @Override
  public void delete(ContainerId id, boolean force) {
    engine.delete(id, force);
  }

  @Override
  public Optional<Integer> awaitExit(ContainerId id, Duration wait) throws InterruptedException {
    return engine.awaitExit(id, wait);
  }

  @Override
  public ExecProcess exec(ContainerId id, ExecSpec spec) {
    return live.exec(id, spec, 0, 1, 2);
  }

  @Override
  public void pause(ContainerId id) {
    live.pause(id);
  }

  @Override
  public void resume(ContainerId id) {
    live.resume(id);
  }

  @Override
  public List<Long> pids(ContainerId id) {
    return live.pids(id);
  }

  @Override
  public void update(ContainerId id, ResourceLimits limits) {
    live.update(id, limits);
  }
}
