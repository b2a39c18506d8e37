package io.pvekit.examples.operator;

import static io.pvekit.examples.operator.OperatorFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.PostgreSQL;
import io.pvekit.runtime.RuntimeChoice;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Decisions across reconciles, driven one pass at a time with {@link PvekitOperator#reconcileAll()}
 * (no informers, so nothing runs between the steps).
 */
@EnableKubernetesMockClient(crud = true)
class DatabaseReconcileOnceTest {
  KubernetesMockServer server;
  KubernetesClient client;
  private final AtomicReference<Inventory> inventory = new AtomicReference<>();
  private PvekitOperator operator;

  @BeforeEach
  void cluster() throws Exception {
    OperatorFixture.install(server, client);
    try (InputStream in = Files.newInputStream(Path.of("inventory.yaml"))) {
      inventory.set(Inventory.fromYaml(in));
    }
    operator = PvekitOperator.builder().client(client).inventory(inventory::get).build();
  }

  private PostgreSQL orders() {
    return client.resources(PostgreSQL.class).inNamespace("team-a").withName("orders").get();
  }

  private List<Event> events() {
    return client.v1().events().inNamespace("team-a").list().getItems();
  }

  @Test
  void anAcceptedGeneration_staysAccepted_whenOnlyTheClusterChanged_butANewGenerationIsDecided() {
    client
        .resource(request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.LXC, 3, "2", "4Gi"))
        .create();
    assertThat(operator.reconcileAll())
        .singleElement()
        .satisfies(
            r ->
                assertThat(r.changed())
                    .containsExactly("created Cluster/orders", "status Accepted"));

    // the RuntimeClass and every node gone: the same spec would now be refused
    inventory.set(Inventory.builder().build());
    assertThat(operator.reconcileAll())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.phase()).isEqualTo("Accepted");
              assertThat(r.changed()).isEmpty();
              assertThat(r.note())
                  .startsWith("kept: now ")
                  .contains("RUNTIME_CLASS: RuntimeClass proxmox-lxc does not exist");
            });
    assertThat(orders().getStatus().getPhase()).isEqualTo("Accepted");
    assertThat(events()).hasSize(1);

    // a new generation is decided against the cluster as it is; the running database stays
    client
        .resources(PostgreSQL.class)
        .inNamespace("team-a")
        .withName("orders")
        .edit(
            p -> {
              p.getSpec().setReplicas(2);
              return p;
            });
    assertThat(operator.reconcileAll())
        .singleElement()
        .satisfies(r -> assertThat(r.changed()).containsExactly("status Refused"));
    assertThat(orders().getStatus().getPhase()).isEqualTo("Refused");
    assertThat(events())
        .extracting(Event::getReason)
        .containsExactlyInAnyOrder(
            DatabaseReconciler.REASON_ACCEPTED, DatabaseReconciler.REASON_REFUSED);
    assertThat(OperatorFixture.ownedBy(client, orders().getMetadata().getUid())).hasSize(1);
  }

  @Test
  void aSpecTheEngineCannotRead_isRefusedWithTheField() {
    // the CRD's pattern allows 0; the engine needs memory above 0
    client
        .resource(request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.LXC, 1, "1", "0"))
        .create();
    assertThat(operator.reconcileAll())
        .singleElement()
        .satisfies(r -> assertThat(r.phase()).isEqualTo("Refused"));
    assertThat(orders().getStatus().getReasons())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getConstraint()).isEqualTo("SPEC");
              assertThat(r.getMessage()).contains("memory 0");
            });
    assertThat(events())
        .singleElement()
        .satisfies(e -> assertThat(e.getReason()).isEqualTo(DatabaseReconciler.REASON_INVALID));
    assertThat(OperatorFixture.ownedBy(client, orders().getMetadata().getUid())).isEmpty();
  }

  @Test
  void aDeletedOrEditedResource_isRepairedByTheNextReconcile() {
    client
        .resource(request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.POD, 2, "1", "2Gi"))
        .create();
    operator.reconcileAll();
    var clusters = client.genericKubernetesResources("postgresql.cnpg.io/v1", "Cluster");
    clusters
        .inNamespace("team-a")
        .withName("orders")
        .edit(
            c -> {
              c.setAdditionalProperty(
                  "spec", java.util.Map.of("instances", 7, "imageName", "hand-edited"));
              return c;
            });
    assertThat(operator.reconcileAll())
        .singleElement()
        .satisfies(r -> assertThat(r.changed()).containsExactly("updated Cluster/orders"));
    assertThat(
            clusters
                .inNamespace("team-a")
                .withName("orders")
                .get()
                .<Integer>get("spec", "instances"))
        .isEqualTo(2);

    clusters.inNamespace("team-a").withName("orders").delete();
    assertThat(operator.reconcileAll())
        .singleElement()
        .satisfies(r -> assertThat(r.changed()).containsExactly("created Cluster/orders"));
    assertThat(OperatorFixture.ownedBy(client, orders().getMetadata().getUid())).hasSize(1);
  }
}
