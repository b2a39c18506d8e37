package io.pvekit.lxc.internal.liblxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.TestRootfs;
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

  @Test
  void lifecycle_startFreezeAttachStop(@TempDir Path dir) throws Exception {
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
    List<String> cgroups = Files.readAllLines(Path.of("/proc/self/cgroup"));
    LibLxc lib = LibLxc.get();
    lib.logTo(name, dir, dir.resolve("api.log"), "INFO");
    try (LxcContainerHandle c = lib.open(name, dir)) {
      assertThat(c.loadConfig(config.toString())).isTrue();
      c.wantCloseAllFds(true);
      assertThat(c.start(List.of("/bin/sleep", "60"))).as("start").isTrue();
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
    } finally {
      restoreCgroups(name, cgroups);
    }
  }

  /**
   * liblxc's daemonized start moves the calling process (this JVM) into the monitor's cgroup2
   * directory; move it back and remove the monitor's empty cgroups so the host stays clean.
   */
  private static void restoreCgroups(String name, List<String> original) throws Exception {
    for (String line : original) {
      String[] parts = line.split(":", 3);
      Path mount =
          parts[1].isEmpty()
              ? Path.of("/sys/fs/cgroup/unified")
              : Path.of("/sys/fs/cgroup", parts[1].replace("name=", ""));
      Path procs = mount.resolve(parts[2].substring(1)).resolve("cgroup.procs");
      if (Files.exists(procs)) {
        Files.writeString(procs, ProcessHandle.current().pid() + "\n");
      }
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
    try (var mounts = Files.list(Path.of("/sys/fs/cgroup"))) {
      for (Path mount : mounts.toList()) {
        Path monitor = mount.resolve("lxc.monitor." + name);
        while (Files.exists(monitor) && Instant.now().isBefore(deadline)) {
          try {
            Files.delete(monitor);
          } catch (java.io.IOException busy) {
            Thread.sleep(50);
          }
        }
        assertThat(monitor).doesNotExist();
      }
    }
  }
}
