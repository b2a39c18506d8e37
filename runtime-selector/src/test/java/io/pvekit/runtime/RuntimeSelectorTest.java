package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RuntimeSelectorTest {
  private final RuntimeSelector selector = new RuntimeSelector(Fixtures.POLICY);

  @Test
  void lxc_onProxmoxNodes_isAccepted_withOneReasonPerConstraint() {
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.POSTGRESQL, RuntimeChoice.LXC).build(),
            Fixtures.inventory());
    assertThat(d.accepted()).as(d.explain()).isTrue();
    assertThat(d.runtime()).isEqualTo(WorkloadRuntime.LXC);
    assertThat(d.runtimeClassName()).contains("proxmox-lxc");
    assertThat(d.candidateNodes()).containsExactlyInAnyOrder("pve-1", "pve-2", "pve-3");
    assertThat(d.nodeSelector()).containsEntry(Policy.LXC_NODE_LABEL, "true");
    assertThat(d.reasons()).extracting(Reason::constraint).containsExactly(Constraint.values());
    assertThat(d.reasons()).allMatch(Reason::passed);
  }

  @Test
  void auto_followsEngineDefaults() {
    for (DatabaseEngine engine : DatabaseEngine.values()) {
      Decision d =
          selector.decide(
              Fixtures.request(engine, RuntimeChoice.AUTO).replicas(1).build(),
              Fixtures.inventory());
      assertThat(d.runtime()).as(engine.name()).isEqualTo(engine.preferredRuntime());
    }
    assertThat(DatabaseEngine.POSTGRESQL.preferredRuntime()).isEqualTo(WorkloadRuntime.LXC);
    assertThat(DatabaseEngine.MARIADB.preferredRuntime()).isEqualTo(WorkloadRuntime.LXC);
    assertThat(DatabaseEngine.REDIS.preferredRuntime()).isEqualTo(WorkloadRuntime.LXC);
    assertThat(DatabaseEngine.RABBITMQ.preferredRuntime()).isEqualTo(WorkloadRuntime.LXC);
    assertThat(DatabaseEngine.CLICKHOUSE.preferredRuntime()).isEqualTo(WorkloadRuntime.VM);
    assertThat(DatabaseEngine.KAFKA.preferredRuntime()).isEqualTo(WorkloadRuntime.VM);
    assertThat(DatabaseEngine.ETCD.preferredRuntime()).isEqualTo(WorkloadRuntime.VM);
  }

  @Test
  void auto_fallsBackToPod_whenTheDefaultIsNotAllowed() {
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.POSTGRESQL, RuntimeChoice.AUTO)
                .namespace("tenant-b")
                .replicas(1)
                .build(),
            Fixtures.inventory());
    assertThat(d.accepted()).as(d.explain()).isTrue();
    assertThat(d.runtime()).isEqualTo(WorkloadRuntime.POD);
    assertThat(d.reasons().get(0).message())
        .contains("default lxc is not possible (RUNTIME_ALLOWED)");
  }

  @Test
  void violation_lxcWithoutProxmoxNodes_saysToLabelANode() {
    List<io.fabric8.kubernetes.api.model.HasMetadata> objects = new ArrayList<>(Fixtures.objects());
    objects.removeIf(o -> o.getMetadata().getName().startsWith("pve-"));
    // A node labelled for LXC but without the handler: "LXC on a non-Proxmox node".
    objects.add(
        Fixtures.node(
                "fake-pve",
                "8",
                "32Gi",
                java.util.Map.of(Policy.LXC_NODE_LABEL, "true"),
                List.of("runc"))
            .build());
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.POSTGRESQL, RuntimeChoice.LXC).build(),
            Inventory.fromObjects(objects));
    assertThat(d.accepted()).isFalse();
    assertThat(violation(d, Constraint.NODES_OFFER_RUNTIME))
        .contains(
            "no schedulable node is labelled runtime.proxmox.io/lxc=true and offers the proxmox-lxc handler")
        .contains("ask for runtime pod or vm");
  }

  @Test
  void violation_vmWithoutRoomForOverhead_countsTheOverhead() {
    // 2 Kata nodes of 8 CPU / 32Gi: 7900m + 250m overhead fits no node, 7500m would.
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.KAFKA, RuntimeChoice.VM)
                .replicas(2)
                .size("7900m", "4Gi", "10Gi")
                .build(),
            Fixtures.inventory());
    assertThat(d.accepted()).isFalse();
    assertThat(d.podCpuMillis()).isEqualTo(8150);
    assertThat(violation(d, Constraint.CAPACITY))
        .contains("vm needs 2 node(s) with room for 8150m CPU and 4416Mi memory")
        .contains("plus the overhead of RuntimeClass kata")
        .contains("lower replicas, cpu or memory, or add capacity");
    Decision fits =
        selector.decide(
            Fixtures.request(DatabaseEngine.KAFKA, RuntimeChoice.VM)
                .replicas(2)
                .size("7500m", "4Gi", "10Gi")
                .build(),
            Fixtures.inventory());
    assertThat(fits.accepted()).as(fits.explain()).isTrue();
  }

  @Test
  void violation_quotaExceeded_includesTheOverhead() {
    // A 52Gi quota: 2 x (26Gi + 320Mi overhead) exceeds it, while 2 x 26Gi alone would fit.
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.CLICKHOUSE, RuntimeChoice.VM)
                .replicas(2)
                .size("1", "26Gi", "10Gi")
                .build(),
            Inventory.fromObjects(withQuota("tenant-a", "40", "52Gi", "2Ti")));
    assertThat(d.accepted()).isFalse();
    assertThat(violation(d, Constraint.QUOTA))
        .contains(
            "the ResourceQuota of tenant-a would be exceeded: requests.memory 0 used + 53888Mi > 52Gi")
        .contains("RuntimeClass kata overhead included")
        .contains("raise the quota");
  }

  @Test
  void violation_runtimeNotAllowed_namesTheAnnotation() {
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.POSTGRESQL, RuntimeChoice.VM)
                .namespace("tenant-b")
                .build(),
            Fixtures.inventory());
    assertThat(violation(d, Constraint.RUNTIME_ALLOWED))
        .isEqualTo(
            "namespace tenant-b may not use vm (allowed: pod); ask for one of those, or have an"
                + " administrator add vm to the namespace annotation"
                + " runtime.pvekit.io/allowed-runtimes");
  }

  @Test
  void violation_missingRuntimeClass_saysToApplyIt() {
    List<io.fabric8.kubernetes.api.model.HasMetadata> objects = new ArrayList<>(Fixtures.objects());
    objects.removeIf(o -> o.getMetadata().getName().equals("kata"));
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.ETCD, RuntimeChoice.VM).build(),
            Inventory.fromObjects(objects));
    assertThat(violation(d, Constraint.RUNTIME_CLASS))
        .startsWith("RuntimeClass kata does not exist; apply it");
  }

  @Test
  void violation_limits_namesTheLimit() {
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.REDIS, RuntimeChoice.POD)
                .size("64", "4Gi", "1Gi")
                .build(),
            Fixtures.inventory());
    assertThat(violation(d, Constraint.LIMITS))
        .isEqualTo("cpu 64 above 32 per pod; lower them to the policy's limits");
  }

  @Test
  void violation_tooFewNodesForReplicas_oneReplicaPerNode() {
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.ETCD, RuntimeChoice.VM).replicas(3).build(),
            Fixtures.inventory());
    assertThat(violation(d, Constraint.CAPACITY)).contains("only 2 of the 2 node(s) offering vm");
  }

  @Test
  void require_throwsWithTheViolations() {
    assertThatThrownBy(
            () ->
                selector.require(
                    Fixtures.request(DatabaseEngine.POSTGRESQL, RuntimeChoice.VM)
                        .namespace("tenant-b")
                        .build(),
                    Fixtures.inventory()))
        .isInstanceOf(RuntimeRefusedException.class)
        .hasMessageStartingWith(
            "PostgreSQL tenant-b/orders refused: RUNTIME_ALLOWED: namespace tenant-b may not use vm");
  }

  @ParameterizedTest
  @EnumSource(RuntimeChoice.class)
  void podIsNeverPlacedOnTaintedProxmoxNodes(RuntimeChoice choice) {
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.REDIS, RuntimeChoice.POD).replicas(2).build(),
            Fixtures.inventory());
    assertThat(d.candidateNodes())
        .containsExactlyInAnyOrder("worker-1", "worker-2", "kata-1", "kata-2");
    assertThat(choice.value()).isNotBlank();
  }

  @Test
  void status_carriesDecisionAndReasons() {
    Decision d =
        selector.decide(
            Fixtures.request(DatabaseEngine.POSTGRESQL, RuntimeChoice.LXC).build(),
            Fixtures.inventory());
    DatabaseStatus status = d.toStatus(4L);
    assertThat(status.getPhase()).isEqualTo("Accepted");
    assertThat(status.getRuntime()).isEqualTo("lxc");
    assertThat(status.getRuntimeClassName()).isEqualTo("proxmox-lxc");
    assertThat(status.getReasons()).hasSize(Constraint.values().length);
    assertThat(status.getObservedGeneration()).isEqualTo(4L);
  }

  private static List<io.fabric8.kubernetes.api.model.HasMetadata> withQuota(
      String ns, String cpu, String memory, String storage) {
    List<io.fabric8.kubernetes.api.model.HasMetadata> objects = new ArrayList<>(Fixtures.objects());
    objects.removeIf(o -> o instanceof io.fabric8.kubernetes.api.model.ResourceQuota);
    objects.add(Fixtures.quota(ns, cpu, memory, storage));
    return objects;
  }

  private static String violation(Decision d, Constraint c) {
    return d.violations().stream()
        .filter(r -> r.constraint() == c)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + c + " violation in\n" + d.explain()))
        .message();
  }
}
