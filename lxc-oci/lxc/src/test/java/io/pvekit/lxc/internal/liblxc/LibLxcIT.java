package io.pvekit.lxc.internal.liblxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.TestRootfs;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The binding against the real liblxc: every function pointer it uses, on a live container. */
@Requires({Prerequisite.ROOT, Prerequisite.LIBLXC, Prerequisite.BUSYBOX_STATIC})
class LibLxcIT {
  @Test
  void version_isLxc5() {
    assertThat(LibLxc.get().version()).startsWith("5.");
  }

  @Test
  void unknownContainer_isNotDefinedAndStopped(@TempDir Path dir) {
    try (LxcContainerHandle c = LibLxc.get().open("nothing-here", dir)) {
      assertThat(c.isDefined()).isFalse();
      assertThat(c.state()).isEqualTo("STOPPED");
      assertThat(c.isRunning()).isFalse();
      assertThat(c.initPid()).isEqualTo(-1);
      assertThat(c.daemonize()).isTrue();
    }
  }

  @Test
  void configItems_roundTrip(@TempDir Path dir) {
    try (LxcContainerHandle c = LibLxc.get().open("cfg", dir)) {
      assertThat(c.setConfigItem("lxc.uts.name", "pvekit-cfg")).isTrue();
      assertThat(c.getConfigItem("lxc.uts.name")).isEqualTo("pvekit-cfg");
      assertThat(c.setConfigItem("lxc.no.such.key", "1")).isFalse();
    }
  }

  /**
   * A container started by {@code lxc-start -d} (as the runtime does, so liblxc's monitor is a
   * small C process and not a fork of this JVM), then driven through the binding.
   */
  @Test
  void runningContainer_freezeAttachStop(@TempDir Path dir) throws Exception {
    Path rootfs = TestRootfs.create(dir.resolve("rootfs"));
    String name = "pvekit-bind-" + ProcessHandle.current().pid();
    Path config = dir.resolve("config");
    Files.writeString(
        config,
        "lxc.rootfs.path = dir:"
            + rootfs
            + "\nlxc.uts.name = bound\nlxc.mount.auto = proc:rw sys:ro\n"
            + "lxc.log.file = "
            + dir.resolve("lxc.log")
            + "\nlxc.log.level = INFO\nlxc.console.path = none\n");
    Process start =
        new ProcessBuilder(
                "lxc-start",
                "-d",
                "-n",
                name,
                "-P",
                dir.toString(),
                "-f",
                config.toString(),
                "--",
                "/bin/sleep",
                "60")
            .inheritIO()
            .start();
    assertThat(start.waitFor()).as("lxc-start -d").isZero();
    LibLxc lib = LibLxc.get();
    lib.logTo(name, dir, dir.resolve("api.log"), "INFO");
    try (LxcContainerHandle c = lib.open(name, dir)) {
      assertThat(c.loadConfig(config.toString())).isTrue();
      try {
        assertThat(c.isRunning()).isTrue();
        assertThat(c.state()).isEqualTo("RUNNING");
        int init = c.initPid();
        assertThat(init).isPositive();
        assertThat(Files.readString(Path.of("/proc/" + init + "/cmdline")))
            .startsWith("/bin/sleep");

        assertThat(c.freeze()).isTrue();
        assertThat(c.state()).isEqualTo("FROZEN");
        assertThat(c.unfreeze()).isTrue();
        assertThat(c.state()).isEqualTo("RUNNING");
        assertThat(c.getCgroupItem("pids.current")).isNotBlank();

        int pid =
            c.attach(
                new AttachRequest(
                    "/bin/sh",
                    List.of("/bin/sh", "-c", "echo $GREETING:$(hostname):$(id -u) > /tmp/out"),
                    List.of("GREETING=hello", "PATH=/bin"),
                    "/tmp",
                    1000,
                    1000,
                    List.of(),
                    true,
                    null,
                    0,
                    1,
                    2));
        assertThat(Libc.get().waitForExit(pid)).isZero();
        assertThat(Files.readString(rootfs.resolve("tmp/out")).trim())
            .isEqualTo("hello:bound:1000");

        int failing =
            c.attach(
                new AttachRequest(
                    "/bin/sh",
                    List.of("/bin/sh", "-c", "exit 42"),
                    List.of(),
                    null,
                    -1,
                    -1,
                    List.of(),
                    false,
                    null,
                    0,
                    1,
                    2));
        assertThat(Libc.get().waitForExit(failing)).isEqualTo(42);
      } finally {
        assertThat(c.stop()).as("stop").isTrue();
      }
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      while (c.isRunning() && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      assertThat(c.state()).isEqualTo("STOPPED");
    }
    awaitGone(name);
  }

  /** liblxc's monitor removes the container's cgroups when it exits. */
  private static void awaitGone(String name) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    for (String kind : List.of("lxc.payload.", "lxc.monitor.")) {
      Path dir = Path.of("/sys/fs/cgroup/pids", kind + name);
      while (Files.exists(dir) && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
      }
      assertThat(dir).doesNotExist();
    }
  }
}
