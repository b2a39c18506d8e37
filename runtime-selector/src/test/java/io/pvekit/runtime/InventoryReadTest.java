package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class InventoryReadTest {
  KubernetesClient client;

  @Test
  void read_fromALiveCluster_countsRunningPodsAndOverhead() {
    for (HasMetadata o : Fixtures.objects()) {
      client.resource(o).create();
    }
    client
        .pods()
        .inNamespace("tenant-a")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("busy")
                .endMetadata()
                .withNewSpec()
                .withNodeName("kata-1")
                .withRuntimeClassName("kata")
                .withOverhead(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("320Mi")))
                .addNewContainer()
                .withName("c")
                .withNewResources()
                .withRequests(Map.of("cpu", new Quantity("1"), "memory", new Quantity("1Gi")))
                .endResources()
                .endContainer()
                .endSpec()
                .build())
        .create();

    Inventory inventory = Inventory.read(client);

    assertThat(inventory.nodes()).hasSize(7);
    InventoryNode kata =
        inventory.nodes().stream().filter(n -> n.name().equals("kata-1")).findFirst().orElseThrow();
    assertThat(kata.requestedCpuMillis()).isEqualTo(1250);
    assertThat(kata.requestedMemoryBytes()).isEqualTo((1L << 30) + (320L << 20));
    assertThat(kata.runtimeHandlers()).contains("kata-qemu");
    assertThat(inventory.runtimeClasses().get("kata").overheadMemoryBytes()).isEqualTo(320L << 20);
    assertThat(inventory.tenant("tenant-b").orElseThrow().allowedRuntimes())
        .containsExactly(WorkloadRuntime.POD);
    assertThat(inventory.tenant("tenant-a").orElseThrow().quotaCpuMillis()).contains(40_000L);
  }

  @Test
  void fromYaml_readsMultiDocumentStreams() {
    String yaml =
        Fixtures.objects().stream()
            .map(o -> io.pvekit.runtime.internal.Json.SERIALIZATION.asYaml(o))
            .reduce("", (a, b) -> a + b);
    Inventory inventory =
        Inventory.fromYaml(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    assertThat(inventory).isEqualTo(Fixtures.inventory());
  }
}
