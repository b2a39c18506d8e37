package io.pvekit.examples.operator;

import static io.pvekit.examples.operator.OperatorFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TenantClusterRequests reconciled through capi-model, on fabric8's CRUD mock. */
@EnableKubernetesMockClient(crud = true)
class TenantOperatorTest {
  KubernetesMockServer server;
  KubernetesClient client;
  private PvekitOperator operator;

  @BeforeEach
  void startOperator() throws Exception {
    OperatorFixture.install(server, client);
    operator = PvekitOperator.builder().client(client).tenantPoll(Duration.ofMillis(200)).build();
    operator.start();
  }

  @AfterEach
  void stopOperator() {
    operator.close();
  }

  static TenantClusterRequest tenant(String name, String range, String endpoint, int vlan) {
    TenantClusterRequest r = new TenantClusterRequest();
    r.getMetadata().setName(name);
    TenantClusterRequestSpec s = new TenantClusterRequestSpec();
    s.namespace = "tenant-" + name;
    s.kubernetesVersion = "v1.34.2";
    s.controlPlaneReplicas = 2;
    s.controlPlaneEndpoint = endpoint;
    s.allowedNodes = List.of("pve1", "pve2");
    s.ipv4Pool = new TenantClusterRequestSpec.Ipv4PoolSpec();
    s.ipv4Pool.ranges = List.of(range);
    s.ipv4Pool.prefix = 24;
    s.ipv4Pool.gateway = "10.10.0.1";
    s.ipv4Pool.dnsServers = List.of("10.10.0.1");
    TenantClusterRequestSpec.WorkerPoolSpec pool = new TenantClusterRequestSpec.WorkerPoolSpec();
    pool.name = "md-0";
    pool.replicas = 3;
    pool.templateId = 9000;
    pool.sourceNode = "pve1";
    pool.cores = 4;
    pool.memoryMiB = 8192;
    pool.diskGb = 40;
    pool.bridge = "vmbr0";
    pool.vlan = vlan;
    s.workerPools = List.of(pool);
    r.setSpec(s);
    return r;
  }

  private TenantClusterRequestStatus status(String name) {
    TenantClusterRequest r = client.resources(TenantClusterRequest.class).withName(name).get();
    return r == null ? null : r.getStatus();
  }

  private String phase(String name) {
    TenantClusterRequestStatus s = status(name);
    return s == null ? null : s.phase;
  }

  private List<Event> events(String name) {
    return client.v1().events().inNamespace("default").list().getItems().stream()
        .filter(e -> name.equals(e.getInvolvedObject().getName()))
        .toList();
  }

  @Test
  void acceptedTenant_everyObjectOwnedByTheRequest_idempotent_andCollectedAfterDelete()
      throws Exception {
    TenantClusterRequest created =
        client.resource(tenant("team-a", "10.10.0.100-10.10.0.149", "10.10.0.50", 120)).create();
    String uid = created.getMetadata().getUid();
    await("team-a applied", () -> "Provisioning".equals(phase("team-a")));

    // no Cluster API controllers here: applied, nothing ready
    assertThat(status("team-a").controlPlaneReady).isFalse();
    assertThat(status("team-a").objects)
        .containsExactly(
            "Namespace/tenant-team-a",
            "ResourceQuota/team-a-quota",
            "Cluster/team-a",
            "KamajiControlPlane/team-a",
            "ProxmoxCluster/team-a",
            "KubeadmConfigTemplate/team-a-md-0",
            "ProxmoxMachineTemplate/team-a-md-0",
            "MachineDeployment/team-a-md-0",
            "MachineHealthCheck/team-a-workers");
    List<GenericKubernetesResource> owned = OperatorFixture.ownedBy(client, uid);
    assertThat(owned)
        .extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
        .containsExactlyInAnyOrderElementsOf(status("team-a").objects);
    for (GenericKubernetesResource o : owned) {
      OwnerReference ref = OperatorFixture.controller(o);
      assertThat(ref.getApiVersion()).isEqualTo("examples.pvekit.io/v1alpha1");
      assertThat(ref.getKind()).isEqualTo("TenantClusterRequest");
      assertThat(ref.getName()).isEqualTo("team-a");
      assertThat(ref.getBlockOwnerDeletion()).as(o.getKind()).isTrue();
    }
    GenericKubernetesResource cluster =
        owned.stream().filter(o -> o.getKind().equals("Cluster")).findFirst().orElseThrow();
    assertThat(cluster.getApiVersion()).isEqualTo("cluster.x-k8s.io/v1beta2");
    assertThat(cluster.getMetadata().getNamespace()).isEqualTo("tenant-team-a");
    await("a TenantApplied event", () -> !events("team-a").isEmpty());
    assertThat(events("team-a").get(0).getReason()).isEqualTo(TenantReconciler.REASON_APPLIED);

    List<ReconcileResult> again = operator.reconcileAll();
    assertThat(again).singleElement().satisfies(r -> assertThat(r.changed()).isEmpty());
    assertThat(OperatorFixture.ownedBy(client, uid))
        .extracting(o -> o.getMetadata().getResourceVersion())
        .containsExactlyInAnyOrderElementsOf(
            owned.stream().map(o -> o.getMetadata().getResourceVersion()).toList());

    // Kubernetes' garbage collector deletes, not the operator: stop it, so that no reconcile in
    // flight races the stand-in collector (the real one would collect a late write as well)
    operator.close();
    client.resource(created).delete();
    assertThat(OperatorFixture.collectGarbage(client)).isEqualTo(9);
    assertThat(OperatorFixture.ownedBy(client, uid)).isEmpty();
    assertThat(client.namespaces().withName("tenant-team-a").get()).isNull();
  }

  @Test
  void invalidTenant_isRefusedWithEveryProblem_warningEvent_andNothingApplied() throws Exception {
    TenantClusterRequest bad = tenant("bad", "10.10.0.100-10.10.0.149", "10.10.0.120", 121);
    bad.getSpec().kubernetesVersion = "v1.20.0";
    TenantClusterRequest created = client.resource(bad).create();
    await("bad refused", () -> "Refused".equals(phase("bad")));

    assertThat(status("bad").problems)
        .extracting(p -> p.field)
        .contains("kubernetesVersion", "ipv4Pool.ranges");
    assertThat(status("bad").problems)
        .filteredOn(p -> p.field.equals("kubernetesVersion"))
        .singleElement()
        .satisfies(p -> assertThat(p.value).isEqualTo("v1.20.0"));
    assertThat(status("bad").objects).isEmpty();
    await("a TenantRefused event", () -> !events("bad").isEmpty());
    assertThat(events("bad"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getType()).isEqualTo("Warning");
              assertThat(e.getReason()).isEqualTo(TenantReconciler.REASON_REFUSED);
              assertThat(e.getMessage()).contains("kubernetesVersion v1.20.0");
            });
    assertThat(OperatorFixture.ownedBy(client, created.getMetadata().getUid())).isEmpty();
    assertThat(client.namespaces().withName("tenant-bad").get()).isNull();
  }

  @Test
  void tenantOverlappingAnother_isRefused_namingTheOtherTenant() throws Exception {
    client.resource(tenant("team-a", "10.10.0.100-10.10.0.149", "10.10.0.50", 120)).create();
    await("team-a applied", () -> "Provisioning".equals(phase("team-a")));
    TenantClusterRequest b =
        client.resource(tenant("team-b", "10.10.0.140-10.10.0.160", "10.10.0.60", 130)).create();
    await("team-b refused", () -> "Refused".equals(phase("team-b")));
    assertThat(status("team-b").problems)
        .extracting(p -> p.message)
        .anyMatch(m -> m.contains("tenant-team-a/team-a"));
    assertThat(OperatorFixture.ownedBy(client, b.getMetadata().getUid())).isEmpty();
  }

  @Test
  void kamajiOnlyTenant_becomesReady_whenItsControlPlaneIs() throws Exception {
    TenantClusterRequest k = new TenantClusterRequest();
    k.getMetadata().setName("k");
    k.setSpec(new TenantClusterRequestSpec());
    k.getSpec().mode = "kamaji-only";
    k.getSpec().kubernetesVersion = "v1.35.0";
    k.getSpec().controlPlaneEndpoint = "10.10.1.50";
    client.resource(k).create();
    await("k provisioning", () -> "Provisioning".equals(phase("k")));
    assertThat(status("k").objects)
        .containsExactly("Namespace/k", "ResourceQuota/k-quota", "TenantControlPlane/k");

    // what Kamaji writes once the control plane runs
    client
        .genericKubernetesResources("kamaji.clastix.io/v1alpha1", "TenantControlPlane")
        .inNamespace("k")
        .withName("k")
        .edit(
            t -> {
              t.setAdditionalProperty(
                  "status",
                  Map.of(
                      "kubernetesResources",
                      Map.of("version", Map.of("status", "Ready", "version", "v1.35.0"))));
              return t;
            });
    await("k ready", () -> "Ready".equals(phase("k")));
    assertThat(status("k").controlPlaneReady).isTrue();
    await("a TenantReady event", () -> events("k").size() == 2);
    assertThat(events("k"))
        .extracting(Event::getReason)
        .containsExactlyInAnyOrder(TenantReconciler.REASON_APPLIED, TenantReconciler.REASON_READY);
    assertThat(events("k"))
        .filteredOn(e -> e.getReason().equals(TenantReconciler.REASON_READY))
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("control plane v1.35.0 and 0 machine(s) ready"));
  }
}
