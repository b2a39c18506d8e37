package io.pvekit.lxc.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.lxc.ContainerExistsException;
import io.pvekit.lxc.ContainerNotFoundException;
import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ContainerStateException;
import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.LeakCheck;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.oci.TestRootfs;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lifecycle with real containers, driven with hand-written LXC configuration. */
@Requires({Prerequisite.ROOT, Prerequisite.LXC_TOOLS, Prerequisite.BUSYBOX_STATIC})
class LocalLxcEngineIT {
  @TempDir Path dir;
  private Path rootfs;
  private LocalLxcEngine engine;
  private String prefix;

  @BeforeEach
  void setUp() throws Exception {
    rootfs = TestRootfs.create(dir.resolve("bundle/rootfs"));
    engine =
        new LocalLxcEngine(dir.resolve("state"), Path.of("/usr/bin/lxc-start"), timeout(), false);
    prefix = "pvekit-eng-" + ProcessHandle.current().pid() + "-";
  }

  @AfterEach
  void deleteLeftovers() throws Exception {
    for (String id : engine.list()) {
      engine.delete(ContainerId.of(id), true);
    }
    LeakCheck.assertNothingLeft(prefix, dir.resolve("state"));
  }

  private static Duration timeout() {
    return Duration.ofSeconds(20);
  }

  private PreparedContainer prepared(Path state, String... args) {
    return prepared(state, Map.of(), args);
  }

  /** What the engine needs of every config (see Preparer): its log and its start-host hook. */
  static String engineLines(Path state) {
    return "lxc.log.file = "
        + state.resolve(ContainerDir.LOG)
        + "\nlxc.log.level = INFO\nlxc.console.path = none\nlxc.hook.start-host = /bin/sh "
        + Scripts.shellQuote(state.resolve(ContainerDir.START_HOST).toString())
        + "\n";
  }

  private PreparedContainer prepared(
      Path state, Map<String, List<HookCommand>> hooks, String... args) {
    String config =
        "lxc.rootfs.path = dir:"
            + rootfs
            + "\nlxc.uts.name = engine\nlxc.mount.auto = proc:rw sys:ro\n"
            + "lxc.environment = PATH=/bin\n"
            + engineLines(state);
    return new PreparedContainer(config, List.of(args), hooks, Map.of("a", "b"), "1.0.2");
  }

  @Test
  void createStartWaitDelete_leavesNothing() throws Exception {
    String id = prefix + "life";
    ContainerState created =
        engine.create(
            ContainerId.of(id),
            dir.resolve("bundle"),
            state -> prepared(state, "/bin/sh", "-c", "echo ran > /tmp/marker"));
    assertThat(created.status()).isEqualTo(ContainerStatus.CREATED);
    assertThat(created.pid()).isPositive();
    assertThat(created.supervisorPid()).isPositive();
    // Held before exec: the init is still liblxc's process, the user command has not run.
    assertThat(Files.readString(Path.of("/proc/" + created.pid() + "/cmdline")))
        .startsWith("/usr/bin/lxc-start");
    assertThat(rootfs.resolve("tmp/marker")).doesNotExist();
    assertThat(engine.state(ContainerId.of(id)).status()).isEqualTo(ContainerStatus.CREATED);
    List<Path> cgroups = Cgroups.of(created.pid()).values().stream().toList();
    assertThat(Cgroups.of(created.supervisorPid()).values()).containsAll(cgroups);

    ContainerState running = engine.start(ContainerId.of(id));
    assertThat(running.status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(engine.awaitExit(ContainerId.of(id), timeout())).contains(0);
    assertThat(rootfs.resolve("tmp/marker")).hasContent("ran\n");
    assertThat(engine.state(ContainerId.of(id)).status()).isEqualTo(ContainerStatus.STOPPED);
    assertThat(engine.state(ContainerId.of(id)).pid()).isZero();

    engine.delete(ContainerId.of(id), false);
    assertThat(dir.resolve("state").resolve(id)).doesNotExist();
    assertThat(cgroups).allSatisfy(cgroup -> assertThat(cgroup).doesNotExist());
    // the engine forgot the supervisor it held: a new container of the same id starts afresh
    assertThat(engine.awaitExit(ContainerId.of(id), Duration.ZERO)).isEmpty();
    assertThatThrownBy(() -> engine.state(ContainerId.of(id)))
        .isInstanceOf(ContainerNotFoundException.class);
  }

  @Test
  void exitStatusAndSignal_reachTheSupervisor() throws Exception {
    String exits = prefix + "exit";
    engine.create(
        ContainerId.of(exits),
        dir.resolve("bundle"),
        state -> prepared(state, "/bin/sh", "-c", "exit 7"));
    engine.start(ContainerId.of(exits));
    assertThat(engine.awaitExit(ContainerId.of(exits), timeout())).contains(7);
    engine.delete(ContainerId.of(exits), false);

    String killed = prefix + "kill";
    engine.create(
        ContainerId.of(killed),
        dir.resolve("bundle"),
        state -> prepared(state, "/bin/sleep", "60"));
    engine.start(ContainerId.of(killed));
    engine.kill(ContainerId.of(killed), Signals.SIGKILL, false);
    assertThat(engine.awaitExit(ContainerId.of(killed), timeout())).contains(137);
    engine.delete(ContainerId.of(killed), false);
  }

  @Test
  void detachedSupervisor_isNotOurChild_andItsStatusStillArrives() throws Exception {
    LocalLxcEngine detached =
        new LocalLxcEngine(dir.resolve("state"), Path.of("/usr/bin/lxc-start"), timeout(), true);
    String exits = prefix + "detached-exit";
    ContainerState created =
        detached.create(
            ContainerId.of(exits),
            dir.resolve("bundle"),
            state -> prepared(state, "/bin/sh", "-c", "exit 7"));
    ProcessHandle supervisor = ProcessHandle.of(created.supervisorPid()).orElseThrow();
    assertThat(supervisor.parent().map(ProcessHandle::pid))
        .isNotEqualTo(java.util.Optional.of(ProcessHandle.current().pid()));
    assertThat(ProcessHandle.current().children().map(ProcessHandle::pid))
        .doesNotContain(created.supervisorPid());
    assertThat(Cgroups.of(created.supervisorPid()).values())
        .containsAll(Cgroups.of(created.pid()).values());
    detached.start(ContainerId.of(exits));
    // a second engine, as a later proxmox-lxcri command would be, learns the status
    LocalLxcEngine later =
        new LocalLxcEngine(dir.resolve("state"), Path.of("/usr/bin/lxc-start"), timeout(), true);
    assertThat(later.awaitExit(ContainerId.of(exits), timeout())).contains(7);
    later.delete(ContainerId.of(exits), false);
    assertThat(later.awaitExit(ContainerId.of(exits), timeout())).isEmpty();

    String killed = prefix + "detached-kill";
    detached.create(
        ContainerId.of(killed),
        dir.resolve("bundle"),
        state -> prepared(state, "/bin/sleep", "60"));
    detached.start(ContainerId.of(killed));
    assertThat(detached.awaitExit(ContainerId.of(killed), Duration.ofMillis(200))).isEmpty();
    detached.kill(ContainerId.of(killed), Signals.SIGKILL, false);
    assertThat(detached.awaitExit(ContainerId.of(killed), timeout())).contains(137);
    detached.delete(ContainerId.of(killed), false);
  }

  @Test
  void detachedSupervisor_failedSetUp_reportsAndLeavesNothing() {
    LocalLxcEngine detached =
        new LocalLxcEngine(dir.resolve("state"), Path.of("/usr/bin/lxc-start"), timeout(), true);
    String id = prefix + "detached-bad";
    assertThatThrownBy(
            () ->
                detached.create(
                    ContainerId.of(id),
                    dir.resolve("bundle"),
                    state ->
                        new PreparedContainer(
                            "lxc.rootfs.path = dir:"
                                + dir.resolve("missing")
                                + "\n"
                                + engineLines(state),
                            List.of("/bin/true"),
                            Map.of(),
                            Map.of(),
                            "1.0.2")))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("liblxc could not start container " + id);
    assertThat(dir.resolve("state").resolve(id)).doesNotExist();
  }

  @Test
  void deleteOfCreatedContainer_abortsAndCleansUp() throws Exception {
    String id = prefix + "created";
    ContainerState created =
        engine.create(
            ContainerId.of(id),
            dir.resolve("bundle"),
            state -> prepared(state, "/bin/sh", "-c", "touch /tmp/never"));
    List<Path> cgroups = Cgroups.of(created.pid()).values().stream().toList();
    engine.delete(ContainerId.of(id), false);
    assertThat(ProcessHandle.of(created.pid())).isEmpty();
    assertThat(Proc.startTime(created.supervisorPid())).isEmpty();
    assertThat(rootfs.resolve("tmp/never")).doesNotExist();
    assertThat(cgroups).allSatisfy(cgroup -> assertThat(cgroup).doesNotExist());
    assertThat(dir.resolve("state").resolve(id)).doesNotExist();
  }

  @Test
  void deleteRunning_needsForce() throws Exception {
    String id = prefix + "force";
    engine.create(
        ContainerId.of(id), dir.resolve("bundle"), state -> prepared(state, "/bin/sleep", "60"));
    ContainerState running = engine.start(ContainerId.of(id));
    assertThatThrownBy(() -> engine.delete(ContainerId.of(id), false))
        .isInstanceOf(ContainerStateException.class)
        .hasMessageContaining("not stopped: running");
    engine.delete(ContainerId.of(id), true);
    assertThat(ProcessHandle.of(running.pid())).isEmpty();
    assertThat(dir.resolve("state").resolve(id)).doesNotExist();
  }

  @Test
  void failedCreate_carriesLiblxcLogAndLeavesNothing() {
    String id = prefix + "bad";
    assertThatThrownBy(
            () ->
                engine.create(
                    ContainerId.of(id),
                    dir.resolve("bundle"),
                    state ->
                        new PreparedContainer(
                            "lxc.rootfs.path = dir:"
                                + dir.resolve("no-such-rootfs")
                                + "\n"
                                + engineLines(state),
                            List.of("/bin/true"),
                            Map.of(),
                            Map.of(),
                            "1.0.2")))
        .isInstanceOf(LxcRuntimeException.class)
        .satisfies(e -> assertThat(((LxcRuntimeException) e).logTail()).isNotEmpty());
    assertThat(dir.resolve("state").resolve(id)).doesNotExist();
    for (Path mount : Cgroups.mountPoints()) {
      assertThat(mount.resolve("lxc.payload." + id)).doesNotExist();
      assertThat(mount.resolve("lxc.monitor." + id)).doesNotExist();
    }
  }

  @Test
  void missingExecutable_failsStartWithLiblxcLog() throws Exception {
    String id = prefix + "noexec";
    engine.create(
        ContainerId.of(id), dir.resolve("bundle"), state -> prepared(state, "/bin/no-such-binary"));
    assertThatThrownBy(() -> engine.start(ContainerId.of(id)))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("did not start")
        .hasMessageContaining("no-such-binary");
    engine.delete(ContainerId.of(id), false);
    assertThat(dir.resolve("state").resolve(id)).doesNotExist();
  }

  @Test
  void duplicateId_isRefused() throws Exception {
    String id = prefix + "dup";
    engine.create(ContainerId.of(id), dir.resolve("bundle"), state -> prepared(state, "/bin/true"));
    try {
      assertThatThrownBy(
              () ->
                  engine.create(
                      ContainerId.of(id),
                      dir.resolve("bundle"),
                      state -> prepared(state, "/bin/true")))
          .isInstanceOf(ContainerExistsException.class);
    } finally {
      engine.delete(ContainerId.of(id), true);
    }
  }

  @Test
  void runtimeHooks_getTheStateAndAFailingStartContainerHookFailsStart(@TempDir Path hookDir)
      throws Exception {
    Path seen = hookDir.resolve("poststart.json");
    HookCommand record =
        new HookCommand("/bin/sh", List.of("sh", "-c", "cat > " + seen), List.of(), 10);
    String good = prefix + "hooked";
    engine.create(
        ContainerId.of(good),
        dir.resolve("bundle"),
        state -> prepared(state, Map.of("poststart", List.of(record)), "/bin/sleep", "60"));
    ContainerState running = engine.start(ContainerId.of(good));
    assertThat(Files.readString(seen))
        .contains("\"status\":\"running\"")
        .contains("\"pid\":" + running.pid());
    engine.delete(ContainerId.of(good), true);

    String bad = prefix + "badhook";
    HookCommand fail = new HookCommand("/bin/false", List.of("false"), List.of(), 10);
    engine.create(
        ContainerId.of(bad),
        dir.resolve("bundle"),
        state -> prepared(state, Map.of("startContainer", List.of(fail)), "/bin/true"));
    assertThatThrownBy(() -> engine.start(ContainerId.of(bad)))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("startContainer hook /bin/false failed");
    engine.delete(ContainerId.of(bad), true);
  }
}
