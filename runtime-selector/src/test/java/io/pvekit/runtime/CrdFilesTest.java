package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.pvekit.runtime.internal.Json;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The committed CRDs are what the generator makes from the model classes, and ship in the jar. */
class CrdFilesTest {
  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void committedCopy_isUpToDate_andOnTheClasspath(DatabaseEngine engine) throws Exception {
    String file = DatabaseCrds.resourceName(engine);
    Path generated = Path.of("target/classes", file);
    Path committed = Path.of("src/main/resources", file);
    assertThat(generated).exists();
    assertThat(committed)
        .as("copy %s to %s (the model classes changed)", generated, committed)
        .hasSameTextualContentAs(generated);
    try (InputStream in = DatabaseCrds.open(engine)) {
      CustomResourceDefinition crd =
          Json.SERIALIZATION.unmarshal(in, CustomResourceDefinition.class);
      assertThat(crd.getSpec().getNames().getKind()).isEqualTo(engine.kind());
      assertThat(crd.getSpec().getGroup()).isEqualTo("db.pvekit.io");
      assertThat(crd.getSpec().getVersions().get(0).getAdditionalPrinterColumns())
          .extracting(c -> c.getName())
          .contains("Requested", "Runtime", "Decision", "Replicas");
      assertThat(crd.getSpec().getVersions().get(0).getSubresources().getStatus()).isNotNull();
    }
    assertThat(Files.readString(committed)).contains("x-kubernetes-validations");
  }
}
