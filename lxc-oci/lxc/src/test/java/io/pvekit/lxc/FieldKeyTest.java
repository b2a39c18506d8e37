package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The typed keys the Proxmox plan decides on: derived in one place from the translator's field
 * paths, and every one of them is reported by the translator, so a renamed path cannot leave a plan
 * rule silently unused.
 */
class FieldKeyTest {
  @TempDir Path bundle;

  @Test
  void pathsAndIndexes() {
    assertThat(FieldKey.of("$.mounts[12]")).isEqualTo(FieldKey.MOUNT);
    assertThat(FieldKey.indexOf("$.mounts[12]")).isEqualTo(OptionalInt.of(12));
    assertThat(FieldKey.of("$.linux.namespaces")).isEqualTo(FieldKey.NAMESPACES);
    assertThat(FieldKey.of("$.linux.namespaces[0]")).isEqualTo(FieldKey.NAMESPACE);
    assertThat(FieldKey.of("$.linux.resources.memory.limit")).isEqualTo(FieldKey.MEMORY_LIMIT);
    assertThat(FieldKey.of("$.linux.resources.memory.limitx")).isEqualTo(FieldKey.OTHER);
    assertThat(FieldKey.indexOf("$.hostname")).isEmpty();
  }

  @Test
  void everyKeyIsReportedByTheTranslator() throws Exception {
    Files.createDirectories(bundle.resolve("rootfs"));
    Files.createDirectories(bundle.resolve("srv/data"));
    Files.writeString(bundle.resolve("hosts"), "127.0.0.1 localhost\n");
    OciSpec spec = OciSpec.parse(OciSpecTest.resource("full-config.json"));
    Explanation explanation =
        LxcTranslator.explain(
            spec,
            TranslationOptions.builder()
                .bundle(bundle)
                .containerName("keys")
                .cgroupLayout(CgroupLayout.UNIFIED)
                .stateDirectory(bundle.resolve("state"))
                .hostRoot(bundle)
                .addHookRunner("/usr/bin/runner")
                .build());
    Set<FieldKey> reported = EnumSet.noneOf(FieldKey.class);
    for (Explanation.FieldMapping m : explanation.mappings()) {
      reported.add(m.key());
      assertThat(m.key()).as(m.field()).isEqualTo(FieldKey.of(m.field()));
    }
    Set<FieldKey> expected = EnumSet.allOf(FieldKey.class);
    expected.remove(FieldKey.PROCESS_ENV_ENTRY); // reported only for a refused entry
    assertThat(reported).containsAll(expected);
  }
}
