package io.pvekit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import io.pvekit.testing.SharedData;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@Requires(Prerequisite.SHARED_UPSTREAM)
class ResourceKindTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @ParameterizedTest
  @EnumSource(ResourceKind.class)
  void emittedVersion_isTheUpstreamCrdsServedStorageVersion(ResourceKind kind) throws Exception {
    Path crd = SharedData.upstream("crds/" + kind.group() + "_" + kind.plural() + ".yaml");
    JsonNode spec = YAML.readTree(crd.toFile()).path("spec");

    assertThat(spec.path("group").asText()).isEqualTo(kind.group());
    assertThat(spec.path("names").path("kind").asText()).isEqualTo(kind.kind());
    JsonNode version = null;
    for (JsonNode v : spec.path("versions")) {
      if (v.path("name").asText().equals(kind.version())) {
        version = v;
      }
    }
    assertThat(version).as("%s served by %s", kind.version(), crd.getFileName()).isNotNull();
    assertThat(version.path("served").asBoolean()).isTrue();
    assertThat(version.path("storage").asBoolean()).isTrue();
    assertThat(kind.apiVersion()).isEqualTo(kind.group() + "/" + kind.version());
  }
}
