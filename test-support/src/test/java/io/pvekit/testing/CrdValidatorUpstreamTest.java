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
    // README-SNIPPET-START
    CrdValidator validator = CrdValidator.upstream("crds");
    List<String> errors =
        validator.validateYaml(PROXMOX_CLUSTER.replace("[\"10.0.0.20-10.0.0.30\"]", "[]"));
    assertThat(errors)
        .containsExactly(
            "doc 1 (ProxmoxCluster/demo): spec.ipv4Config: IPv4Config addresses must be provided");
    validator.assertValidYaml(PROXMOX_CLUSTER); // throws AssertionError listing every error
    // README-SNIPPET-END
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
}
