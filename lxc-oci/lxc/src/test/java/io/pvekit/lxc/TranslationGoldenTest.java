package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the translator emits, key by key and value by value, for the fixtures that together use
 * every field of runtime-spec 1.2, on each cgroup layout: the whole explanation (outcome, LXC lines
 * and note of every field) against a reviewed golden file in {@code src/test/resources/golden}. A
 * change in any emitted line fails here; after reviewing it, rewrite the files with {@code ./mvnw
 * -pl lxc-oci test -Dtest=TranslationGoldenTest -Dpvekit.updateGolden=true}.
 */
class TranslationGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir Path bundle;
  @TempDir Path hostRoot;

  static List<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String fixture : new String[] {"full-config.json", "edge-config.json"}) {
      for (CgroupLayout layout : CgroupLayout.values()) {
        cases.add(Arguments.of(fixture, layout));
      }
    }
    return cases;
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("cases")
  void explanation_matchesTheGoldenFile(String fixture, CgroupLayout layout) throws Exception {
    Files.createDirectories(bundle.resolve("rootfs"));
    Files.createDirectories(bundle.resolve("srv/data"));
    Files.writeString(bundle.resolve("hosts"), "127.0.0.1 localhost\n");
    Files.createDirectories(hostRoot.resolve("srv/data")); // full-config's bind source
    OciSpec spec = OciSpec.parse(OciSpecTest.resource(fixture));
    TranslationOptions options =
        TranslationOptions.builder()
            .bundle(bundle)
            .containerName("golden")
            .cgroupLayout(layout)
            .stateDirectory(bundle.resolve("state"))
            .hostRoot(hostRoot) // an empty host: nothing of this machine's shows in the output
            .addHookRunner("/usr/bin/runner")
            .build();
    String actual =
        LxcTranslator.explain(spec, options)
            .render()
            .replace(bundle.toString(), "$BUNDLE")
            .replace(hostRoot.toString(), "$HOST");
    Path golden = GOLDEN.resolve(fixture.replace(".json", "") + "-" + layout + ".txt");
    if (Boolean.getBoolean("pvekit.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden file; see the class comment to create it").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
