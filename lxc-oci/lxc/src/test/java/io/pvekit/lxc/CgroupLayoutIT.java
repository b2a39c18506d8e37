package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves against real liblxc that the key family {@link CgroupLayout} picks is the one LXC applies:
 * a memory limit written with {@link CgroupLayout#keyPrefix()} shows up in the container's cgroup.
 */
@Requires({Prerequisite.ROOT, Prerequisite.LXC_TOOLS, Prerequisite.BUSYBOX_STATIC})
class CgroupLayoutIT {
  private static final long LIMIT = 64L * 1024 * 1024;

  @Test
  void memoryLimitInDetectedKeyFamily_reachesTheContainersCgroup(@TempDir Path dir)
      throws Exception {
    CgroupLayout layout = CgroupLayout.detect();
    Path rootfs = dir.resolve("rootfs");
    for (String sub : new String[] {"bin", "proc", "sys", "dev", "tmp"}) {
      Files.createDirectories(rootfs.resolve(sub));
    }
    Files.copy(Path.of("/bin/busybox"), rootfs.resolve("bin/busybox"));
    Files.createSymbolicLink(rootfs.resolve("bin/sleep"), Path.of("busybox"));
    String name = "pvekit-cg-" + ProcessHandle.current().pid();
    String memoryKey = layout == CgroupLayout.UNIFIED ? "memory.max" : "memory.limit_in_bytes";
    Path config = dir.resolve("config");
    Files.writeString(
        config,
        "lxc.rootfs.path = dir:"
            + rootfs
            + "\nlxc.uts.name = "
            + name
            + "\n"
            + layout.keyPrefix()
            + memoryKey
            + " = "
            + LIMIT
            + "\n");
    Path cgroupFile =
        layout == CgroupLayout.UNIFIED
            ? Path.of("/sys/fs/cgroup/lxc.payload." + name, memoryKey)
            : Path.of("/sys/fs/cgroup/memory/lxc.payload." + name, memoryKey);

    Process container =
        new ProcessBuilder(
                "lxc-execute",
                "-n",
                name,
                "-P",
                dir.toString(),
                "-f",
                config.toString(),
                "--",
                "/bin/sleep",
                "30")
            .redirectErrorStream(true)
            .start();
    try {
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      // liblxc creates the cgroup before it writes the limit: wait for the value, not the file
      String value = "";
      while (!value.equals(Long.toString(LIMIT)) && Instant.now().isBefore(deadline)) {
        Thread.sleep(20);
        value = Files.exists(cgroupFile) ? Files.readString(cgroupFile).trim() : "";
      }
      assertThat(cgroupFile).exists();
      assertThat(value).isEqualTo(Long.toString(LIMIT));
    } finally {
      new ProcessBuilder("lxc-stop", "-n", name, "-P", dir.toString(), "-k")
          .start()
          .waitFor(10, TimeUnit.SECONDS);
      container.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    assertThat(container.exitValue()).as("lxc-execute exit").isNotZero();
  }
}
