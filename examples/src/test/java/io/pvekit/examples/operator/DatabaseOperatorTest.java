package io.pvekit.examples.operator;

import static io.pvekit.examples.operator.OperatorFixture.await;
import static io.pvekit.examples.operator.OperatorFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pvekit.runtime.ClickHouse;
import io.pvekit.runtime.DatabaseResource;
import io.pvekit.runtime.DatabaseStatus;
import io.pvekit.runtime.PostgreSQL;
import io.pvekit.runtime.RuntimeChoice;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator's database path on fabric8's CRUD mock, with the inventory read from the cluster.
 */
@EnableKubernetesMockClient(crud = true)
class DatabaseOperatorTest {
  KubernetesMockServer server;
  KubernetesClient client;
  private PvekitOperator operator;

  @BeforeEach
  void startOperator() throws Exception {
    OperatorFixture.install(server, client);
    operator = PvekitOperator.builder().client(client).resync(Duration.ofMinutes(10)).build();
    operator.start();
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  private <T extends DatabaseResource> T get(Class<T> type, String ns, String name) {
    return client.resources(type).inNamespace(ns).withName(name).get();
  }

  private static String phase(DatabaseResource r) {
    return r == null || r.getStatus() == null ? null : r.getStatus().getPhase();
  }

  private GenericKubernetesResource cnpgCluster(String ns, String name) {
    return client
        .genericKubernetesResources("postgresql.cnpg.io/v1", "Cluster")
        .inNamespace(ns)
        .withName(name)
        .get();
  }

  private List<Event> events(String ns, String name) {
    return client.v1().events().inNamespace(ns).list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  @Test
  void acceptedRequest_appliesOwnedCluster_writesStatus_andReconcilingAgainChangesNothing()
      throws Exception {
    PostgreSQL created =
        client
            .resource(
                request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.LXC, 3, "2", "4Gi"))
            .create();
    await(
        "orders accepted",
        () -> "Accepted".equals(phase(get(PostgreSQL.class, "team-a", "orders"))));
    await("CNPG Cluster orders", () -> cnpgCluster("team-a", "orders") != null);

    DatabaseStatus status = get(PostgreSQL.class, "team-a", "orders").getStatus();
    assertThat(status.getObservedGeneration())
        .isNotNull()
        .isEqualTo(get(PostgreSQL.class, "team-a", "orders").getMetadata().getGeneration());
    assertThat(status.getRuntime()).isEqualTo("lxc");
    assertThat(status.getRuntimeClassName()).isEqualTo("proxmox-lxc");
    assertThat(status.getCandidateNodes()).containsExactlyInAnyOrder("pve-1", "pve-2", "pve-3");
    assertThat(status.getReasons())
        .extracting(DatabaseStatus.DecisionReason::getConstraint)
        .containsExactly(
            "RUNTIME_SELECTED",
            "RUNTIME_ALLOWED",
            "LIMITS",
            "RUNTIME_CLASS",
            "NODES_OFFER_RUNTIME",
            "CAPACITY",
            "QUOTA");
    assertThat(status.getReasons()).allMatch(DatabaseStatus.DecisionReason::isPassed);

    GenericKubernetesResource cluster = cnpgCluster("team-a", "orders");
    assertThat(cluster.<Integer>get("spec", "instances")).isEqualTo(3);
    OwnerReference owner = OperatorFixture.controller(cluster);
    assertThat(owner).isNotNull();
    assertThat(owner.getUid()).isEqualTo(created.getMetadata().getUid());
    assertThat(owner.getKind()).isEqualTo("PostgreSQL");
    assertThat(owner.getApiVersion()).isEqualTo("db.pvekit.io/v1alpha1");
    assertThat(owner.getName()).isEqualTo("orders");
    assertThat(owner.getBlockOwnerDeletion()).isTrue();
    await("a RuntimeDecided event", () -> !events("team-a", "orders").isEmpty());
    assertThat(events("team-a", "orders"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Normal");
              assertThat(e.getReason()).isEqualTo(DatabaseReconciler.REASON_ACCEPTED);
              assertThat(e.getInvolvedObject().getUid()).isEqualTo(created.getMetadata().getUid());
              assertThat(e.getMessage()).contains("runtime lxc (RuntimeClass proxmox-lxc)");
            });

    String clusterVersion = cluster.getMetadata().getResourceVersion();
    String requestVersion =
        get(PostgreSQL.class, "team-a", "orders").getMetadata().getResourceVersion();
    List<ReconcileResult> again = operator.reconcileAll();
    assertThat(again)
        .extracting(ReconcileResult::request)
        .containsExactly("PostgreSQL team-a/orders");
    assertThat(again.get(0).changed()).isEmpty();
    assertThat(cnpgCluster("team-a", "orders").getMetadata().getResourceVersion())
        .isEqualTo(clusterVersion);
    assertThat(get(PostgreSQL.class, "team-a", "orders").getMetadata().getResourceVersion())
        .isEqualTo(requestVersion);
    assertThat(events("team-a", "orders")).hasSize(1);
  }

  @Test
  void refusedRequest_statusSaysWhatToChange_warningEvent_andNothingCreated() throws Exception {
    // team-b may use pod and lxc only (its namespace annotation in inventory.yaml)
    ClickHouse metrics =
        client
            .resource(
                request(ClickHouse::new, "team-b", "metrics", RuntimeChoice.VM, 2, "4", "8Gi"))
            .create();
    await(
        "metrics refused",
        () -> "Refused".equals(phase(get(ClickHouse.class, "team-b", "metrics"))));
    DatabaseStatus status = get(ClickHouse.class, "team-b", "metrics").getStatus();
    assertThat(status.getReasons())
        .filteredOn(r -> !r.isPassed())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.getConstraint()).isEqualTo("RUNTIME_ALLOWED");
              assertThat(r.getMessage())
                  .contains("namespace team-b may not use vm")
                  .contains("runtime.pvekit.io/allowed-runtimes");
            });
    await("a RuntimeRefused event", () -> !events("team-b", "metrics").isEmpty());
    assertThat(events("team-b", "metrics"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo(DatabaseReconciler.REASON_REFUSED);
              assertThat(e.getMessage())
                  .isEqualTo( // quoted in deploy/README.md
                      "RUNTIME_ALLOWED: namespace team-b may not use vm (allowed: lxc, pod); ask for"
                          + " one of those, or have an administrator add vm to the namespace"
                          + " annotation runtime.pvekit.io/allowed-runtimes");
              assertThat(e.getInvolvedObject().getKind()).isEqualTo("ClickHouse");
            });
    assertThat(OperatorFixture.ownedBy(client, metrics.getMetadata().getUid())).isEmpty();
    assertThat(OperatorFixture.writtenObjects(client))
        .noneMatch(o -> o.getKind().equals("ClickHouseInstallation"));
    assertThat(operator.reconcileAll())
        .singleElement()
        .satisfies(r -> assertThat(r.changed()).isEmpty());
    assertThat(events("team-b", "metrics")).hasSize(1);
  }

  @Test
  void updatedRequest_isRendered_again() throws Exception {
    client
        .resource(request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.LXC, 3, "2", "4Gi"))
        .create();
    await("CNPG Cluster orders", () -> cnpgCluster("team-a", "orders") != null);
    client
        .resources(PostgreSQL.class)
        .inNamespace("team-a")
        .withName("orders")
        .edit(
            p -> {
              p.getSpec().setReplicas(2);
              p.getSpec().getResources().setMemory("8Gi");
              return p;
            });
    await(
        "the Cluster re-rendered with 2 instances",
        () -> Integer.valueOf(2).equals(cnpgCluster("team-a", "orders").get("spec", "instances")));
    assertThat(get(PostgreSQL.class, "team-a", "orders").getMetadata().getGeneration())
        .isEqualTo(2L);
    await(
        "status of generation 2",
        () ->
            Long.valueOf(2)
                .equals(
                    get(PostgreSQL.class, "team-a", "orders").getStatus().getObservedGeneration()));
    Map<String, Object> resources =
        cnpgCluster("team-a", "orders").get("spec", "resources", "requests");
    assertThat(resources).containsEntry("memory", "8Gi");
  }

  @Test
  void deletedRequest_itsResourcesAreGarbageCollected_throughOwnerReferences() throws Exception {
    PostgreSQL orders =
        client
            .resource(
                request(PostgreSQL::new, "team-a", "orders", RuntimeChoice.LXC, 1, "1", "2Gi"))
            .create();
    PostgreSQL keep =
        client
            .resource(request(PostgreSQL::new, "team-a", "keep", RuntimeChoice.POD, 1, "1", "2Gi"))
            .create();
    await(
        "both Clusters",
        () -> cnpgCluster("team-a", "orders") != null && cnpgCluster("team-a", "keep") != null);
    assertThat(OperatorFixture.ownedBy(client, orders.getMetadata().getUid())).hasSize(1);

    // Kubernetes' garbage collector deletes, not the operator: stop it, so that no reconcile in
    // flight races the stand-in collector (the real one would collect a late write as well)
    operator.close();
    client.resource(orders).delete();
    assertThat(OperatorFixture.collectGarbage(client)).isEqualTo(1);
    assertThat(OperatorFixture.ownedBy(client, orders.getMetadata().getUid())).isEmpty();
    assertThat(cnpgCluster("team-a", "orders")).isNull();
    assertThat(OperatorFixture.ownedBy(client, keep.getMetadata().getUid())).hasSize(1);
  }

  @Test
  void everyEngine_isWatched_decidedWithItsDefault_andRenderedForItsOperator() throws Exception {
    Map<String, String> uids = new java.util.LinkedHashMap<>();
    for (Class<? extends DatabaseResource> type : PvekitOperator.DATABASE_TYPES) {
      DatabaseResource r =
          request(
              () -> newInstance(type),
              "team-a",
              "db-" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT),
              RuntimeChoice.AUTO,
              1,
              "1",
              "2Gi");
      uids.put(type.getSimpleName(), client.resource(r).create().getMetadata().getUid());
    }
    for (Class<? extends DatabaseResource> type : PvekitOperator.DATABASE_TYPES) {
      String name = "db-" + type.getSimpleName().toLowerCase(java.util.Locale.ROOT);
      await(
          type.getSimpleName() + " accepted",
          () -> "Accepted".equals(phase(get(type, "team-a", name))));
      DatabaseResource r = get(type, "team-a", name);
      // the policy's defaults: LXC for PostgreSQL, MariaDB, Redis, RabbitMQ; VM for the others
      assertThat(r.getStatus().getRuntime())
          .as(type.getSimpleName())
          .isEqualTo(r.engine().preferredRuntime().annotationValue());
      int expected = type.getSimpleName().equals("Kafka") ? 2 : 1; // Kafka + KafkaNodePool
      await(
          type.getSimpleName() + "'s resources",
          () -> OperatorFixture.ownedBy(client, uids.get(type.getSimpleName())).size() == expected);
    }
  }

  private static <T> T newInstance(Class<T> type) {
    try {
      return type.getDeclaredConstructor().newInstance();
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
