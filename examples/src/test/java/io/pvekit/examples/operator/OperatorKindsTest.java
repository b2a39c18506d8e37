package io.pvekit.examples.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pvekit.capi.CapiVersion;
import io.pvekit.capi.TenantCluster;
import io.pvekit.capi.TenantMode;
import io.pvekit.runtime.DatabaseEngine;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.Decision;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.Manifests;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.RuntimeSelector;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The operator's table covers every kind runtime-selector and capi-model render. */
class OperatorKindsTest {
  @ParameterizedTest
  @EnumSource(DatabaseEngine.class)
  void everyRenderedDatabaseKind_isInTheTable(DatabaseEngine engine) throws Exception {
    Inventory inventory;
    try (InputStream in = Files.newInputStream(Path.of("inventory.yaml"))) {
      inventory = Inventory.fromYaml(in);
    }
    DatabaseRequest request =
        DatabaseRequest.builder()
            .name("db")
            .namespace("team-a")
            .engine(engine)
            .size("1", "2Gi", "10Gi")
            .build();
    Decision decision = new RuntimeSelector(Policy.defaults()).decide(request, inventory);
    assertThat(decision.accepted()).as(decision.explain()).isTrue();
    List<GenericKubernetesResource> objects = Manifests.render(decision);
    assertThat(objects).isNotEmpty();
    for (GenericKubernetesResource o : objects) {
      assertThat(OperatorKinds.writable(o))
          .as("%s %s", o.getApiVersion(), o.getKind())
          .isPresent()
          .get()
          .satisfies(k -> assertThat(OperatorKinds.DATABASE_RESOURCES).contains(k));
    }
    assertThat(OperatorKinds.DATABASE_REQUESTS)
        .anySatisfy(k -> assertThat(k.kind()).isEqualTo(engine.kind()));
  }

  @Test
  void everyRenderedTenantKind_isInTheTable_inBothClusterApiVersionsAndModes() {
    List<HasMetadata> objects = new ArrayList<>();
    for (CapiVersion v : CapiVersion.values()) {
      TenantCluster.Builder b =
          TenantRequestMapper.builder(
              TenantOperatorTest.tenant("t", "10.10.0.100-10.10.0.149", "10.10.0.50", 120));
      objects.addAll(b.capiVersion(v).build().objects());
    }
    objects.addAll(
        TenantCluster.builder()
            .name("k")
            .mode(TenantMode.KAMAJI_ONLY)
            .kubernetesVersion("v1.35.0")
            .controlPlaneEndpoint("10.10.1.50")
            .build()
            .objects());
    for (HasMetadata o : objects) {
      assertThat(OperatorKinds.writable(o)).as("%s %s", o.getApiVersion(), o.getKind()).isPresent();
    }
  }
}
