package io.pvekit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pvekit.testing.CrdValidator;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rendered object, both modes and both Cluster API versions, against the upstream CRDs:
 * structural schema, CEL rules and pruning (no field the API server would drop).
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class CrdSchemaTest {
  private static final CrdValidator CRDS = CrdValidator.upstream("crds");

  static Stream<Arguments> renderedObjects() {
    return Stream.of(TenantMode.values())
        .flatMap(m -> Stream.of(CapiVersion.values()).map(v -> new Object[] {m, v}))
        .flatMap(
            mv ->
                TenantExamples.teamA((TenantMode) mv[0], (CapiVersion) mv[1])
                    .build()
                    .objects()
                    .stream()
                    .filter(o -> o.getApiVersion().contains("/")) // core kinds have no CRD
                    .map(o -> Arguments.of(mv[0], mv[1], o.getKind(), o)));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("renderedObjects")
  void renderedObject_isValidAgainstItsUpstreamCrd(
      TenantMode mode, CapiVersion v, String kind, HasMetadata object) {
    String yaml = Manifests.toYaml(List.of(object));
    assertThat(CRDS.validateYaml(yaml)).as(yaml).isEmpty();
  }

  @Test
  void everyKindOfBothModes_isCovered() {
    assertThat(renderedObjects().map(a -> a.get()[2] + "@" + a.get()[1]).distinct())
        .contains(
            "Cluster@V1BETA1",
            "Cluster@V1BETA2",
            "MachineDeployment@V1BETA1",
            "MachineHealthCheck@V1BETA2",
            "KubeadmConfigTemplate@V1BETA1",
            "KamajiControlPlane@V1BETA2",
            "ProxmoxCluster@V1BETA2",
            "ProxmoxMachineTemplate@V1BETA2",
            "TenantControlPlane@V1BETA2");
  }

  @Test
  void templateSelectorWorkers_areValid() {
    TenantCluster t =
        TenantClusterInputs.withPool(
                WorkerPool.builder().name("md-1").addTemplateTags("ubuntu-24.04").build())
            .build();
    assertThat(CRDS.validateYaml(Manifests.toYaml(t.findAll(ProxmoxMachineTemplate.class))))
        .isEmpty();
  }

  @Test
  void validator_catchesWhatTheBuilderPrevents() {
    // a v1beta2 reference in the v1beta1 form, a TenantControlPlane as controlPlaneRef, and an
    // emitted empty list: the API server would refuse or prune each
    Cluster c = TenantExamples.teamA().build().find(Cluster.class).orElseThrow();
    Cluster bad =
        Cluster.of(
            CapiVersion.V1BETA2,
            c.getMetadata(),
            new Cluster.Spec(
                new Cluster.ClusterNetwork(null, null, new Cluster.CidrBlocks(List.of()), null),
                null,
                ContractRef.to(
                    CapiVersion.V1BETA1, TenantControlPlane.API_VERSION, "TenantControlPlane", "x"),
                c.getSpec().infrastructureRef(),
                null));
    String yaml = Manifests.toYaml(List.of(bad));
    assertThat(CRDS.validateYaml(yaml)).isNotEmpty();
  }

  @Test
  void proxmoxMachineTemplate_withoutTemplate_isRefusedByItsCelRule() {
    ProxmoxMachineTemplate pmt =
        TenantExamples.teamA().build().find(ProxmoxMachineTemplate.class).orElseThrow();
    ProxmoxMachine.Spec s = pmt.getSpec().template().spec();
    ProxmoxMachineTemplate bad = new ProxmoxMachineTemplate();
    bad.setMetadata(pmt.getMetadata());
    bad.setSpec(
        new ProxmoxMachineTemplate.Spec(
            new ProxmoxMachineTemplate.Template(
                new ProxmoxMachine.Spec(
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    true,
                    null,
                    s.numSockets(),
                    s.numCores(),
                    s.memoryMiB(),
                    s.disks(),
                    s.network(),
                    null))));
    assertThat(CRDS.validateYaml(Manifests.toYaml(List.of(bad))))
        .anyMatch(e -> e.contains("templateSelector") || e.contains("templateID"));
  }

  @Test
  void dataStoreAndIpPoolModels_areValid() {
    DataStore etcd = new DataStore();
    etcd.setMetadata(CapiResource.meta("etcd", null, java.util.Map.of()));
    etcd.setSpec(
        new DataStore.Spec(
            "etcd",
            List.of("etcd-0.etcd.kamaji-system.svc.cluster.local:2379"),
            null,
            new DataStore.TlsConfig(
                new DataStore.CertificateAndKey(
                    DataStore.ContentRef.secret("etcd-certs", "kamaji-system", "ca.crt"),
                    DataStore.ContentRef.secret("etcd-certs", "kamaji-system", "ca.key")),
                new DataStore.CertificateAndKey(
                    DataStore.ContentRef.secret("root-client-certs", "kamaji-system", "tls.crt"),
                    DataStore.ContentRef.secret(
                        "root-client-certs", "kamaji-system", "tls.key")))));
    DataStore postgres = new DataStore();
    postgres.setMetadata(CapiResource.meta("postgres", null, java.util.Map.of()));
    postgres.setSpec(
        new DataStore.Spec(
            "PostgreSQL",
            List.of("postgres.kamaji-system.svc:5432"),
            new DataStore.BasicAuth(
                DataStore.ContentRef.secret("pg-auth", "kamaji-system", "username"),
                DataStore.ContentRef.secret("pg-auth", "kamaji-system", "password")),
            null));
    InClusterIPPool pool = new InClusterIPPool();
    pool.setMetadata(CapiResource.meta("team-a-extra", "tenant-team-a", java.util.Map.of()));
    pool.setSpec(
        new InClusterIPPool.Spec(
            List.of("10.20.0.10-10.20.0.50"), 24, "10.20.0.1", List.of("10.20.0.20")));
    String yaml = Manifests.toYaml(List.of(etcd, postgres, pool));
    assertThat(CRDS.validateYaml(yaml)).as(yaml).isEmpty();
    assertThat(Manifests.toYaml(Manifests.parse(yaml))).isEqualTo(yaml);
  }

  @Test
  void etcdDataStore_withoutTls_isRefusedByItsCelRule() {
    DataStore etcd = new DataStore();
    etcd.setMetadata(CapiResource.meta("etcd", null, java.util.Map.of()));
    etcd.setSpec(new DataStore.Spec("etcd", List.of("etcd:2379"), null, null));
    assertThat(CRDS.validateYaml(Manifests.toYaml(List.of(etcd)))).isNotEmpty();
  }
}
