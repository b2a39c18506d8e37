package io.pvekit.capi;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class TenantClusterTest {
  static Stream<Arguments> modesAndVersions() {
    return Stream.of(TenantMode.values())
        .flatMap(m -> Stream.of(CapiVersion.values()).map(v -> Arguments.of(m, v)));
  }

  @Test
  void capiMode_objectsInApplyOrder() {
    List<HasMetadata> objects = TenantExamples.teamA().build().objects();
    assertThat(objects)
        .extracting(HasMetadata::getKind)
        .containsExactly(
            "Namespace",
            "ResourceQuota",
            "Cluster",
            "KamajiControlPlane",
            "ProxmoxCluster",
            "KubeadmConfigTemplate",
            "ProxmoxMachineTemplate",
            "MachineDeployment",
            "MachineHealthCheck");
    assertThat(objects.get(0)).isInstanceOf(Namespace.class);
    assertThat(objects.get(1)).isInstanceOf(ResourceQuota.class);
  }

  @Test
  void kamajiOnlyMode_isNamespaceQuotaAndTenantControlPlane() {
    assertThat(TenantExamples.kamajiOnly().build().objects())
        .extracting(HasMetadata::getKind)
        .containsExactly("Namespace", "ResourceQuota", "TenantControlPlane");
  }

  @ParameterizedTest
  @EnumSource(CapiVersion.class)
  void namesReferencesNamespacesAndLabels_agree(CapiVersion v) {
    TenantCluster t = TenantExamples.teamA(v).build();
    for (HasMetadata o : t.objects()) {
      if (!(o instanceof Namespace)) {
        assertThat(o.getMetadata().getNamespace()).as(o.getKind()).isEqualTo("tenant-team-a");
        assertThat(o.getMetadata().getLabels())
            .as(o.getKind())
            .containsEntry(TenantCluster.CLUSTER_NAME_LABEL, "team-a")
            .containsEntry("team", "a");
      }
    }
    Cluster cluster = t.find(Cluster.class).orElseThrow();
    KamajiControlPlane kcp = t.find(KamajiControlPlane.class).orElseThrow();
    ProxmoxCluster pc = t.find(ProxmoxCluster.class).orElseThrow();
    assertThat(cluster.getApiVersion()).isEqualTo("cluster.x-k8s.io/" + v.version());
    assertThat(cluster.getSpec().controlPlaneRef().kind()).isEqualTo("KamajiControlPlane");
    assertThat(cluster.getSpec().controlPlaneRef().name()).isEqualTo(kcp.getMetadata().getName());
    assertThat(cluster.getSpec().infrastructureRef().name()).isEqualTo(pc.getMetadata().getName());
    if (v == CapiVersion.V1BETA2) {
      assertThat(cluster.getSpec().controlPlaneRef().apiGroup())
          .isEqualTo("controlplane.cluster.x-k8s.io");
      assertThat(cluster.getSpec().controlPlaneRef().apiVersion()).isNull();
    } else {
      assertThat(cluster.getSpec().controlPlaneRef().apiVersion())
          .isEqualTo(KamajiControlPlane.API_VERSION);
      assertThat(cluster.getSpec().controlPlaneRef().apiGroup()).isNull();
    }
    // Kamaji trap: external control plane, endpoint = the control plane's service address
    assertThat(pc.getSpec().externalManagedControlPlane()).isTrue();
    assertThat(pc.getSpec().controlPlaneEndpoint().host())
        .isEqualTo(kcp.getSpec().network().serviceAddress())
        .isEqualTo("10.10.0.50");
    assertThat(pc.getSpec().credentialsRef().name()).isEqualTo("team-a-proxmox-credentials");
    MachineDeployment md = t.find(MachineDeployment.class).orElseThrow();
    KubeadmConfigTemplate kct = t.find(KubeadmConfigTemplate.class).orElseThrow();
    ProxmoxMachineTemplate pmt = t.find(ProxmoxMachineTemplate.class).orElseThrow();
    assertThat(md.getSpec().clusterName()).isEqualTo("team-a");
    assertThat(md.getSpec().template().spec().bootstrap().configRef().name())
        .isEqualTo(kct.getMetadata().getName());
    assertThat(md.getSpec().template().spec().infrastructureRef().name())
        .isEqualTo(pmt.getMetadata().getName());
    assertThat(md.getSpec().template().metadata().labels())
        .containsAllEntriesOf(md.getSpec().selector().matchLabels());
    assertThat(pmt.getSpec().template().spec().network().networkDevices().get(0).vlan())
        .isEqualTo(120);
    assertThat(t.network().vlans()).containsExactly(120);
  }

  @ParameterizedTest
  @MethodSource("modesAndVersions")
  void yaml_roundTripsToEqualObjects(TenantMode mode, CapiVersion v) {
    TenantCluster t = TenantExamples.teamA(mode, v).build();
    String yaml = t.toYaml();
    List<HasMetadata> parsed = Manifests.parse(yaml);
    assertThat(parsed).hasSameSizeAs(t.objects());
    assertThat(Manifests.toYaml(parsed)).isEqualTo(yaml);
    for (int i = 0; i < parsed.size(); i++) {
      assertThat(parsed.get(i).getClass()).isEqualTo(t.objects().get(i).getClass());
    }
    assertThat(((CapiResource<?, ?>) parsed.get(parsed.size() - 1)).getSpec()).isNotNull();
  }

  @ParameterizedTest
  @MethodSource("modesAndVersions")
  void json_roundTripsToSameYaml(TenantMode mode, CapiVersion v) {
    TenantCluster t = TenantExamples.teamA(mode, v).build();
    List<HasMetadata> parsed = Manifests.parse(t.toJson());
    assertThat(Manifests.toYaml(parsed)).isEqualTo(t.toYaml());
  }

  @ParameterizedTest
  @MethodSource("modesAndVersions")
  void output_hasNoEmptyListOrObjectExceptKamajiAddons(TenantMode mode, CapiVersion v) {
    String yaml = TenantExamples.teamA(mode, v).build().toYaml();
    assertThat(yaml).doesNotContain("[]").doesNotContain(": null");
    assertThat(yaml.lines().filter(l -> l.endsWith("{}")))
        .allMatch(l -> l.matches(" +(coreDNS|kubeProxy|konnectivity): \\{}"));
  }

  @Test
  void output_fieldOrderIsStable() {
    String yaml = TenantExamples.teamA().build().toYaml();
    assertThat(yaml).isEqualTo(TenantExamples.teamA().build().toYaml());
    String cluster = yaml.substring(yaml.indexOf("kind: Cluster\n") - 40);
    assertThat(cluster.indexOf("apiVersion:"))
        .isLessThan(cluster.indexOf("kind:"))
        .isLessThan(cluster.indexOf("metadata:"));
    assertThat(cluster.indexOf("metadata:")).isLessThan(cluster.indexOf("spec:"));
    assertThat(cluster.indexOf("clusterNetwork:")).isLessThan(cluster.indexOf("controlPlaneRef:"));
  }

  @Test
  void kubeletExtraArgs_v1beta1IsAMap_v1beta2AList() {
    assertThat(TenantExamples.teamA(CapiVersion.V1BETA1).build().toYaml())
        .contains("kubeletExtraArgs:\n            provider-id: ");
    assertThat(TenantExamples.teamA(CapiVersion.V1BETA2).build().toYaml())
        .contains("kubeletExtraArgs:\n          - name: provider-id\n");
  }

  @Test
  void templateSelector_replacesTemplateIdAndSourceNode() {
    TenantCluster t =
        TenantClusterInputs.withPool(
                WorkerPool.builder().name("md-0").addTemplateTags("ubuntu-24.04", "k8s").build())
            .build();
    ProxmoxMachine.Spec spec =
        t.find(ProxmoxMachineTemplate.class).orElseThrow().getSpec().template().spec();
    assertThat(spec.templateID()).isNull();
    assertThat(spec.sourceNode()).isNull();
    assertThat(spec.templateSelector().matchTags()).containsExactly("ubuntu-24.04", "k8s");
  }

  @Test
  void quota_countsReplicasPlusSurge() {
    ResourceQuota q = TenantExamples.teamA().build().find(ResourceQuota.class).orElseThrow();
    assertThat(q.getSpec().getHard().get("count/machines.cluster.x-k8s.io").toString())
        .isEqualTo("4");
    assertThat(q.getMetadata().getNamespace()).isEqualTo("tenant-team-a");
  }

  @Test
  void parse_unknownKindBecomesGeneric_andMissingKindIsRefused() {
    assertThat(Manifests.parse("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n"))
        .singleElement()
        .isInstanceOf(io.fabric8.kubernetes.api.model.GenericKubernetesResource.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Manifests.parse("metadata: {}\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("without apiVersion or kind");
  }
}
