package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's example, compiled and run. */
class ReadmeExampleTest {
  @Test
  void planRenderAndEnforce() throws Exception {
    try (InputStream inventoryYaml = Files.newInputStream(Path.of("../examples/inventory.yaml"))) {
      // README-SNIPPET-START
      Inventory inventory =
          Inventory.fromYaml(inventoryYaml); // or Inventory.read(kubernetesClient)
      DatabaseRequest request =
          DatabaseRequest.builder()
              .name("orders")
              .namespace("team-a")
              .engine(DatabaseEngine.POSTGRESQL)
              .runtime(RuntimeChoice.LXC)
              .replicas(3)
              .size("2", "4Gi", "100Gi")
              .build();
      Decision decision = new RuntimeSelector(Policy.defaults()).decide(request, inventory);
      System.out.print(decision.explain()); // one PASS/FAIL line per constraint
      if (decision.accepted()) {
        List<GenericKubernetesResource> cluster = Manifests.render(decision); // CNPG Cluster
        System.out.print(Manifests.toYaml(cluster));
      } else {
        decision.violations().forEach(v -> System.err.println(v.message())); // what to change
      }
      // README-SNIPPET-END
      assertThat(decision.accepted()).isTrue();
      assertThat(decision.runtimeClassName()).contains("proxmox-lxc");
    }
  }
}
