package io.pvekit.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The validator on the real upstream CRDs: CAPMOX, Kamaji and Cluster API rules. */
@Requires(Prerequisite.SHARED_UPSTREAM)
class CrdValidatorUpstreamTest {
  private static final String PROXMOX_CLUSTER =
      """
      apiVersion: infrastructure.cluster.x-k8s.io/v1alpha2
      kind: ProxmoxCluster
      metadata:
        name: demo
        namespace: default
        labels:
          cluster.x-k8s.io/cluster-name: demo
      spec:
        controlPlaneEndpoint:
          host: 10.0.0.10
          port: 6443
        ipv4Config:
          addresses: ["10.0.0.20-10.0.0.30"]
          prefix: 24
          gateway: 10.0.0.1
        dnsServers: ["10.0.0.1"]
        allowedNodes: ["pve1"]
      """;

  private final CrdValidator crds = CrdValidator.upstream("crds");

  @Test
  void acceptsAValidProxmoxCluster() {
    assertThat(crds.validateYaml(PROXMOX_CLUSTER)).isEmpty();
    crds.assertValidYaml(PROXMOX_CLUSTER);
  }

  @Test
  void readmeExample() {
    // README: crd-validator
    CrdValidator validator = CrdValidator.upstream("crds");
    List<String> errors =
        validator.validateYaml(PROXMOX_CLUSTER.replace("[\"10.0.0.20-10.0.0.30\"]", "[]"));
    assertThat(errors)
        .containsExactly(
            "doc 1 (ProxmoxCluster/demo): spec.ipv4Config: IPv4Config addresses must be provided");
    validator.assertValidYaml(PROXMOX_CLUSTER); // throws AssertionError listing every error
    // README: crd-validator end
  }

  @Test
  void capmoxCelRuleRejectsAnIpv4ConfigWithoutAddresses() {
    String yaml = PROXMOX_CLUSTER.replace("[\"10.0.0.20-10.0.0.30\"]", "[]");
    assertThat(crds.validateYaml(yaml))
        .containsExactly(
            "doc 1 (ProxmoxCluster/demo): spec.ipv4Config: IPv4Config addresses must be provided");
  }

  @Test
  void capmoxCelRuleNeedsOneIpConfig() {
    String yaml = PROXMOX_CLUSTER.replaceAll("(?s)  ipv4Config:.*?gateway: 10.0.0.1\n", "");
    assertThat(crds.validateYaml(yaml))
        .singleElement()
        .asString()
        .isEqualTo(
            "doc 1 (ProxmoxCluster/demo): spec: Invalid value: \"object\": no such key: ipv4Config"
                + " evaluating rule: self.ipv4Config != null || self.ipv6Config != null");
  }

  @Test
  void reportsFieldsTheApiServerWouldPrune() {
    String yaml = PROXMOX_CLUSTER.replace("  dnsServers:", "  dnsServer: [\"x\"]\n  dnsServers:");
    assertThat(crds.validateYaml(yaml))
        .containsExactly(
            "doc 1 (ProxmoxCluster/demo): spec.dnsServer: unknown field, the API server would"
                + " prune it");
  }

  @Test
  void namesTheServedVersionsWhenTheVersionDoesNotExist() {
    String yaml = PROXMOX_CLUSTER.replace("v1alpha2", "v1alpha9");
    assertThat(crds.validateYaml(yaml))
        .containsExactly(
            "doc 1 (ProxmoxCluster/demo): apiVersion: infrastructure.cluster.x-k8s.io/v1alpha9 of"
                + " ProxmoxCluster does not exist; served: [infrastructure.cluster.x-k8s.io/v1alpha1,"
                + " infrastructure.cluster.x-k8s.io/v1alpha2]");
  }

  @Test
  void kamajiSampleTenantControlPlaneIsValid() throws IOException {
    String sample =
        Files.readString(
            SharedData.upstream(
                "crds/templates/kamaji-26.8.2-edge/kamaji_v1alpha1_tenantcontrolplane.yaml"));
    crds.assertValidYaml(sample);
  }

  @Test
  void kamajiKonnectivitySampleHasTheKnownUpstreamDefect() throws IOException {
    String sample =
        Files.readString(
            SharedData.upstream(
                "crds/templates/kamaji-26.8.2-edge/"
                    + "kamaji_v1alpha1_tenantcontrolplane_konnectivity.yaml"));
    assertThat(crds.validateYaml(sample))
        .anyMatch(e -> e.contains("spec.deployment: unknown field"))
        .anyMatch(e -> e.contains("spec.service: unknown field"));
    assertThatThrownBy(() -> crds.assertValidYaml(sample))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("spec.deployment: unknown field, the API server would prune it");
  }

  private static final String PROXMOX_MACHINE =
      """
      apiVersion: infrastructure.cluster.x-k8s.io/v1alpha2
      kind: ProxmoxMachine
      metadata:
        name: demo-cp-0
      spec:
        sourceNode: pve1
        templateID: 100
        network:
          networkDevices:
          - name: net1
            bridge: vmbr1
            mtu: 1500
        vmIDRange:
          start: 1000
          end: 1100
      """;

  private static final String CAPI_CLUSTER =
      """
      apiVersion: cluster.x-k8s.io/v1beta2
      kind: Cluster
      metadata:
        name: demo
      spec:
        clusterNetwork:
          pods:
            cidrBlocks: [192.168.0.0/16]
        controlPlaneRef:
          apiGroup: controlplane.cluster.x-k8s.io
          kind: KamajiControlPlane
          name: demo
        infrastructureRef:
          apiGroup: infrastructure.cluster.x-k8s.io
          kind: ProxmoxCluster
          name: demo
      """;

  @Test
  void capmoxProxmoxMachineRules() {
    assertThat(crds.validateYaml(PROXMOX_MACHINE)).isEmpty();
    assertThat(crds.validateYaml(PROXMOX_MACHINE.replace("mtu: 1500", "mtu: 500")))
        .containsExactly(
            "doc 1 (ProxmoxMachine/demo-cp-0): spec.network.networkDevices[0].mtu: invalid MTU"
                + " value");
    assertThat(crds.validateYaml(PROXMOX_MACHINE.replace("end: 1100", "end: 999")))
        .containsExactly(
            "doc 1 (ProxmoxMachine/demo-cp-0): spec.vmIDRange: end should be greater than or"
                + " equal to start");
    assertThat(
            crds.validateYaml(
                PROXMOX_MACHINE.replace(
                    "  templateID: 100\n",
                    "  templateID: 100\n  templateSelector: {matchTags: [k8s]}\n")))
        .contains(
            "doc 1 (ProxmoxMachine/demo-cp-0): spec: must define either a SourceNode with a"
                + " TemplateID or a TemplateSelector");
  }

  @Test
  void capiV1beta2MinItems() {
    assertThat(crds.validateYaml(CAPI_CLUSTER)).isEmpty();
    assertThat(crds.validateYaml(CAPI_CLUSTER.replace("[192.168.0.0/16]", "[]")))
        .containsExactly(
            "doc 1 (Cluster/demo): spec.clusterNetwork.pods.cidrBlocks: Invalid value: 0 items:"
                + " should have at least 1 items");
  }

  @Test
  void kamajiTenantControlPlaneRules() throws IOException {
    String sample =
        Files.readString(
            SharedData.upstream(
                "crds/templates/kamaji-26.8.2-edge/kamaji_v1alpha1_tenantcontrolplane.yaml"));
    assertThat(
            crds.validateYaml(
                sample.replace(
                    "  networkProfile:\n", "  networkProfile:\n    podCidr: 10.0.0.0/33\n")))
        .containsExactly(
            "doc 1 (TenantControlPlane/k8s-133): spec.networkProfile.podCidr: podCidr must be"
                + " empty or a valid CIDR");
    assertThat(
            crds.validateYaml(
                sample.replace(
                    "  networkProfile:\n",
                    "  networkProfile:\n    advertiseAddress: 10.0.0.300\n")))
        .containsExactly(
            "doc 1 (TenantControlPlane/k8s-133): spec.networkProfile.advertiseAddress:"
                + " advertiseAddress must be a valid IP address");
    assertThat(
            crds.validateYaml(
                sample.replace("mode: DaemonSet", "mode: Deployment\n        replicas: 0")))
        .containsExactly(
            "doc 1 (TenantControlPlane/k8s-133): spec.addons.konnectivity.agent: replicas must be"
                + " 0 (or unset) when mode is DaemonSet, and greater than 0 (or unset) when mode is"
                + " Deployment");
    assertThat(
            crds.validateYaml(
                sample.replace(
                    "      serviceType: LoadBalancer",
                    "      serviceType: ClusterIP\n    ingress: {hostname: a.example}\n"
                        + "    gateway: {hostname: b.example}")))
        .contains(
            "doc 1 (TenantControlPlane/k8s-133): spec.controlPlane: using both ingress and gateway"
                + " is not supported");
  }

  @Test
  void upstreamSamplesWithoutPlaceholdersAreValid() throws IOException {
    for (String sample :
        List.of(
            "crds/templates/capmox-v0.9.0/examples/cluster.yaml",
            "crds/templates/capmox-v0.9.0/examples/cluster-calico.yaml",
            "crds/templates/capmox-v0.9.0/examples/cluster-cilium.yaml",
            "crds/templates/kamaji-cp-provider-v0.20.0/controlplane_v1alpha2_kamajicontrolplane.yaml",
            "crds/templates/kamaji-cp-provider-v0.20.0/"
                + "controlplane_v1alpha2_kamajicontrolplanetemplate.yaml",
            "crds/templates/kamaji-26.8.2-edge/kamaji_v1alpha1_datastore_etcd.yaml",
            "crds/templates/kamaji-26.8.2-edge/kamaji_v1alpha1_datastore_postgresql_gold.yaml")) {
      assertThat(crds.validateYaml(Files.readString(SharedData.upstream(sample))))
          .as(sample)
          .isEmpty();
    }
  }

  @Test
  void operatorCrdRule() {
    CrdValidator cnpg =
        CrdValidator.upstream("operator-crds/cnpg-v1.30.0_postgresql.cnpg.io_clusters.yaml");
    String cluster =
        """
        apiVersion: postgresql.cnpg.io/v1
        kind: Cluster
        metadata: {name: db}
        spec:
          instances: 3
          storage: {size: 1Gi}
        """;
    assertThat(cnpg.validateYaml(cluster)).isEmpty();
    assertThat(
            cnpg.validateYaml(
                cluster
                    + "  imageName: ghcr.io/cloudnative-pg/postgresql:17\n"
                    + "  imageCatalogRef: {apiGroup: postgresql.cnpg.io, kind: ImageCatalog,"
                    + " name: c, major: 17}\n"))
        .containsExactly(
            "doc 1 (Cluster/db): spec: imageName and imageCatalogRef are mutually exclusive");
  }

  @Test
  void legacyContractServesOnlyItsOwnVersions() {
    CrdValidator legacy = CrdValidator.upstream("crds/legacy/v1beta1-contract");
    assertThat(legacy.validateYaml(CAPI_CLUSTER))
        .containsExactly(
            "doc 1 (Cluster/demo): apiVersion: cluster.x-k8s.io/v1beta2 of Cluster does not exist;"
                + " served: [cluster.x-k8s.io/v1beta1]");
    assertThat(legacy.validateYaml(CAPI_CLUSTER.replace("v1beta2", "v1alpha4")))
        .containsExactly(
            "doc 1 (Cluster/demo): apiVersion: cluster.x-k8s.io/v1alpha4 of Cluster is not served;"
                + " served: [cluster.x-k8s.io/v1beta1]");
    String v1alpha1 = PROXMOX_CLUSTER.replace("v1alpha2", "v1alpha1");
    assertThat(legacy.validateYaml(v1alpha1)).isEmpty();
  }

  @Test
  void aCrdLoadedLaterReplacesOneOfTheSameName() {
    CrdValidator newerThenLegacy = CrdValidator.upstream("crds", "crds/legacy/v1beta1-contract");
    assertThat(newerThenLegacy.validateYaml(PROXMOX_CLUSTER))
        .containsExactly(
            "doc 1 (ProxmoxCluster/demo): apiVersion: infrastructure.cluster.x-k8s.io/v1alpha2 of"
                + " ProxmoxCluster does not exist; served: [infrastructure.cluster.x-k8s.io/v1alpha1]");
    assertThat(
            CrdValidator.upstream("crds/legacy/v1beta1-contract", "crds")
                .validateYaml(PROXMOX_CLUSTER))
        .isEmpty();
  }
}
