package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LxcTranslatorTest {
  @TempDir Path bundle;

  @BeforeEach
  void rootfs() throws Exception {
    Files.createDirectories(bundle.resolve("rootfs"));
  }

  private TranslationOptions options(CgroupLayout layout) {
    return TranslationOptions.builder()
        .bundle(bundle)
        .containerName("c1")
        .cgroupLayout(layout)
        .stateDirectory(bundle.resolve("state"))
        .build();
  }

  static OciSpec minimal(String extraProcess, String extraTop) {
    return OciSpec.parse(
        "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},"
            + "\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\",\"args\":[\"/bin/sh\"]"
            + extraProcess
            + "},\"linux\":{\"namespaces\":[{\"type\":\"mount\"},{\"type\":\"pid\"},"
            + "{\"type\":\"uts\"}]"
            + extraTop
            + "}}");
  }

  @Test
  void minimalSpec_becomesAWorkingConfig() {
    LxcConfig config = LxcTranslator.translate(minimal("", ""), options(CgroupLayout.HYBRID));
    assertThat(config.values("lxc.rootfs.path")).containsExactly("dir:" + bundle.resolve("rootfs"));
    assertThat(config.values("lxc.namespace.clone")).containsExactly("mnt pid uts");
    assertThat(config.values("lxc.execute.cmd")).containsExactly("/bin/sh");
    assertThat(config.values("lxc.init.uid")).containsExactly("0");
    assertThat(config.render()).contains("lxc.init.cwd = /\n");
  }

  @Test
  void memoryLimit_usesTheFamilyTheHostHonours() {
    OciSpec spec = minimal("", ",\"resources\":{\"memory\":{\"limit\":1048576}}");
    assertThat(LxcTranslator.translate(spec, options(CgroupLayout.UNIFIED)).render())
        .contains("lxc.cgroup2.memory.max = 1048576");
  }

  @Test
  void unsupportedFields_areRefusedByName() {
    OciSpec spec = minimal(",\"scheduler\":{\"policy\":\"SCHED_FIFO\"}", "");
    assertThatThrownBy(() -> LxcTranslator.translate(spec, options(CgroupLayout.HYBRID)))
        .isInstanceOfSatisfying(
            UnsupportedOciFeatureException.class,
            e -> assertThat(e.field()).isEqualTo("$.process.scheduler"))
        .hasMessageContaining("$.process.scheduler: LXC has no scheduling policy setting");
  }

  @Test
  void explain_listsEveryField() throws Exception {
    Files.createDirectories(bundle.resolve("srv"));
    OciSpec spec = OciSpecTest.full();
    Explanation explanation = LxcTranslator.explain(spec, options(CgroupLayout.HYBRID));
    assertThat(explanation.render()).contains("REFUSED    $.domainname");
    assertThat(explanation.refused()).isNotEmpty();
    assertThat(explanation.config()).isEmpty();
  }
}
