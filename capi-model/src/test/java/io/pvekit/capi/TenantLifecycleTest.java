package io.pvekit.capi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.simulator.FaultRule;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import io.pvekit.proxmox.simulator.ProxmoxSimulatorExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The whole workflow on the CRUD mock server with the controller fixture and proxmox-simulator. */
@EnableKubernetesMockClient(crud = true)
class TenantLifecycleTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RegisterExtension
  static ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(ProxmoxSimulator.builder().taskDuration(Duration.ofMillis(5)));

  KubernetesMockServer server;
  KubernetesClient client;
  private ControllerFixture fixture;
  private ProxmoxClient proxmox;

  private TenantClusters start(CapiVersion v) {
    FixtureSupport.registerKinds(server, v);
    ProxmoxSimulator sim = pve.simulator();
    proxmox =
        ProxmoxClient.builder()
            .baseUrl(sim.httpsUrl().toString())
            .pinnedFingerprint(sim.fingerprint())
            .authentication(Authentication.password(sim.username(), Secret.of(sim.password())))
            .build();
    fixture = new ControllerFixture(client, proxmox, v).start();
    return TenantClusters.builder()
        .kubernetes(client)
        .proxmox(proxmox)
        .pollInterval(Duration.ofMillis(50))
        .build();
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
    pve.simulator().clearFaults();
    if (proxmox != null) {
      proxmox.close();
    }
  }

  private List<String> vmsNamed(String prefix) {
    return proxmox.cluster().resources(ClusterResource.Kind.VM).stream()
        .filter(r -> !r.template())
        .map(r -> r.name().orElse(""))
        .filter(n -> n.startsWith(prefix))
        .toList();
  }

  @ParameterizedTest
  @EnumSource(CapiVersion.class)
  void create_wait_kubeconfig_scale_upgrade_delete(CapiVersion v) {
    TenantClusters tenants = start(v);
    TenantCluster tenant =
        TenantExamples.teamA(v).name("life-" + v.version()).namespace("ns-" + v.version()).build();
    TenantRef ref = TenantRef.of(tenant);
    String prefix = tenant.name() + "-md-0-";

    // README-SNIPPET-START lifecycle
    List<String> applied = tenants.apply(tenant); // server-side apply, idempotent
    List<TenantEvent> events = new CopyOnWriteArrayList<>();
    HealthSummary ready = tenants.waitReady(ref, WAIT, events::add); // progress events
    String kubeconfig = tenants.kubeconfig(ref); // Kamaji's <name>-admin-kubeconfig Secret
    // README-SNIPPET-END lifecycle
    assertThat(applied).hasSize(tenant.objects().size()).contains("Cluster/" + tenant.name());
    assertThat(tenants.apply(tenant)).isEqualTo(applied); // idempotent
    assertThat(ready.ready()).isTrue();
    assertThat(ready.machines()).hasSize(3).allMatch(m -> m.providerID().startsWith("proxmox://"));
    assertThat(events)
        .extracting(TenantEvent::type)
        .contains(TenantEvent.Type.CONTROL_PLANE_READY, TenantEvent.Type.CLUSTER_READY);
    assertThat(events).filteredOn(e -> e.type() == TenantEvent.Type.MACHINE_PROVISIONED).hasSize(3);
    assertThat(events).filteredOn(e -> e.type() == TenantEvent.Type.NODE_JOINED).hasSize(3);
    assertThat(kubeconfig).contains("server: https://10.10.0.50:6443");

    tenants.scale(ref, "md-0", 5);
    assertThat(tenants.waitReady(ref, WAIT, e -> {}).machines()).hasSize(5);
    tenants.scale(ref, "md-0", 1);
    assertThat(tenants.waitReady(ref, WAIT, e -> {}).machines()).hasSize(1);
    awaitVms(prefix, 1);

    List<TenantEvent> upgrade = new CopyOnWriteArrayList<>();
    HealthSummary upgraded = tenants.upgrade(ref, "v1.35.0", WAIT, upgrade::add);
    assertThat(upgraded.controlPlaneVersion()).isEqualTo("v1.35.0");
    assertThat(upgraded.machines())
        .singleElement()
        .satisfies(m -> assertThat(m.version()).isEqualTo("v1.35.0"));
    int cpReady = indexOf(upgrade, TenantEvent.Type.CONTROL_PLANE_READY);
    int nodeJoined = indexOf(upgrade, TenantEvent.Type.NODE_JOINED);
    assertThat(cpReady)
        .as("control plane before workers")
        .isGreaterThanOrEqualTo(0)
        .isLessThan(nodeJoined);

    DeletionReport report = tenants.delete(ref, WAIT);
    assertThat(report.leftoverObjects()).isEmpty();
    assertThat(report.leftoverVms()).isEmpty();
    assertThat(report.clean()).isTrue();
    assertThat(vmsNamed(prefix)).isEmpty();
    assertThat(tenants.status(ref).exists()).isFalse();
    assertThat(fixture.errors()).isEmpty();
  }

  @Test
  void kamajiOnly_createUpgradeDelete() {
    TenantClusters tenants = start(CapiVersion.V1BETA2);
    TenantCluster tenant = TenantExamples.kamajiOnly().build();
    TenantRef ref = TenantRef.of(tenant);
    tenants.apply(tenant);
    assertThat(tenants.waitReady(ref, WAIT, e -> {}).controlPlaneVersion()).isEqualTo("v1.35.0");
    assertThat(tenants.kubeconfig(ref)).contains("https://10.10.1.50:6443");
    assertThat(tenants.upgrade(ref, "v1.35.1", WAIT, e -> {}).controlPlaneVersion())
        .isEqualTo("v1.35.1");
    assertThat(tenants.delete(ref, WAIT).clean()).isTrue();
    assertThat(tenants.status(ref).exists()).isFalse();
  }

  @Test
  void cloneFailure_failsWaitWithTheMachineAndReason() {
    TenantClusters tenants = start(CapiVersion.V1BETA2);
    pve.simulator()
        .addFault(
            FaultRule.on("POST", "/nodes/{node}/qemu/{vmid}/clone")
                .withTaskFailure("clone failed: no space left on device"));
    TenantCluster tenant = TenantExamples.teamA().name("clonefail").namespace("clonefail").build();
    tenants.apply(tenant);
    assertThatThrownBy(() -> tenants.waitReady(TenantRef.of(tenant), WAIT, e -> {}))
        .isInstanceOf(TenantClusterException.ProvisioningFailed.class)
        .hasMessageContaining("clonefail-md-0-")
        .hasMessageContaining("no space left on device")
        .satisfies(
            e -> assertThat(((TenantClusterException) e).health().failedMachines()).isNotEmpty());
  }

  @Test
  void controlPlaneNeverReady_timesOutSayingWhat() {
    TenantClusters tenants = start(CapiVersion.V1BETA2);
    fixture.stallControlPlane = true;
    TenantCluster tenant = TenantExamples.teamA().name("stuck").namespace("stuck").build();
    tenants.apply(tenant);
    assertThatThrownBy(
            () -> tenants.waitReady(TenantRef.of(tenant), Duration.ofMillis(700), e -> {}))
        .isInstanceOf(TenantClusterException.Timeout.class)
        .hasMessageContaining("not ready after PT0.7S")
        .hasMessageContaining("control plane not ready");
  }

  @Test
  void vmLeftBehind_isReported() {
    TenantClusters tenants = start(CapiVersion.V1BETA2);
    TenantCluster tenant = TenantExamples.teamA().name("leaky").namespace("leaky").build();
    TenantRef ref = TenantRef.of(tenant);
    tenants.apply(tenant);
    tenants.waitReady(ref, WAIT, e -> {});
    fixture.leakVms = true;
    DeletionReport report = tenants.delete(ref, WAIT);
    assertThat(report.clean()).isFalse();
    assertThat(report.leftoverObjects()).isEmpty();
    assertThat(report.leftoverVms()).hasSize(3).allMatch(vm -> vm.contains("leaky-md-0-"));
  }

  @Test
  void deleteWithoutProxmoxClient_isNotCleanBecauseVmsWereNotChecked() {
    TenantClusters tenants = start(CapiVersion.V1BETA2);
    TenantCluster tenant = TenantExamples.teamA().name("nopve").namespace("nopve").build();
    TenantRef ref = TenantRef.of(tenant);
    tenants.apply(tenant);
    tenants.waitReady(ref, WAIT, e -> {});
    TenantClusters withoutProxmox =
        TenantClusters.builder().kubernetes(client).pollInterval(Duration.ofMillis(50)).build();
    DeletionReport report = withoutProxmox.delete(ref, WAIT);
    assertThat(report.leftoverObjects()).isEmpty();
    assertThat(report.vmsChecked()).isFalse();
    assertThat(report.clean()).isFalse();
  }

  @Test
  void existingTenants_areReadBackForIsolation() {
    TenantClusters tenants = start(CapiVersion.V1BETA2);
    tenants.apply(TenantExamples.teamA().build());
    List<TenantNetwork> existing = tenants.existingTenants();
    assertThat(existing)
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.ipRanges()).containsExactly("10.10.0.100-10.10.0.149");
              assertThat(t.endpoint()).isEqualTo("10.10.0.50");
              assertThat(t.vlans()).containsExactly(120);
            });
    TenantCluster.Builder overlapping =
        TenantExamples.teamA().name("team-c").namespace("tenant-team-c").existingTenants(existing);
    assertThatThrownBy(overlapping::build).isInstanceOf(TenantValidationException.class);
  }

  private static int indexOf(List<TenantEvent> events, TenantEvent.Type type) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).type() == type) {
        return i;
      }
    }
    return -1;
  }

  private void awaitVms(String prefix, int count) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (vmsNamed(prefix).size() != count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
    assertThat(vmsNamed(prefix)).hasSize(count);
  }
}
