package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CgroupLayoutTest {
  private static final String HYBRID =
      """
      31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
      32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
      35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
      41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
      """;

  private static final String UNIFIED =
      """
      22 1 0:21 / /proc rw,nosuid - proc proc rw
      30 25 0:26 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw
      """;

  private static final String LEGACY =
      """
      32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
      35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
      """;

  @Test
  void hybridHost_usesV1Keys() {
    assertThat(CgroupLayout.fromMountInfo(HYBRID)).isEqualTo(CgroupLayout.HYBRID);
    assertThat(CgroupLayout.HYBRID.keyPrefix()).isEqualTo("lxc.cgroup.");
  }

  @Test
  void unifiedHost_usesV2Keys() {
    assertThat(CgroupLayout.fromMountInfo(UNIFIED)).isEqualTo(CgroupLayout.UNIFIED);
    assertThat(CgroupLayout.UNIFIED.keyPrefix()).isEqualTo("lxc.cgroup2.");
  }

  @Test
  void legacyHost_usesV1Keys() {
    assertThat(CgroupLayout.fromMountInfo(LEGACY)).isEqualTo(CgroupLayout.LEGACY);
  }

  @Test
  void noCgroupMounted_isRefused() {
    assertThatThrownBy(() -> CgroupLayout.fromMountInfo("22 1 0:21 / /proc rw - proc proc rw\n"))
        .hasMessageContaining("no cgroup");
  }

  @Test
  void detect_agreesWithThisHostsMounts() throws Exception {
    String mountInfo = Files.readString(Path.of("/proc/self/mountinfo"));
    boolean anyV1 = mountInfo.contains(" - cgroup cgroup ");
    CgroupLayout detected = CgroupLayout.detect();
    assertThat(detected == CgroupLayout.UNIFIED).isEqualTo(!anyV1);
  }
}
