package io.pvekit.capi;

import static io.pvekit.capi.ValidationAssert.onlyError;
import static io.pvekit.capi.ValidationAssert.pool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per rule on the cluster-level inputs; worker and pool rules are in the next class. */
class TenantValidationTest {
  private static TenantCluster.Builder valid() {
    return TenantClusterInputs.base().addWorkerPool(pool().build());
  }

  @Test
  void validInput_builds() {
    assertThat(valid().build().objects()).hasSize(9);
  }

  @Test
  void name_mustBeDns1123Label() {
    onlyError(valid().name("Team_A").namespace("ns"), "name", "Team_A");
  }

  @Test
  void name_isRequired() {
    onlyError(valid().name(null).namespace("ns"), "name", "null");
  }

  @Test
  void name_atMost63Characters() {
    String longName = "a".repeat(64);
    TenantValidationException e =
        catchThrowableOfType(
            TenantValidationException.class,
            () -> valid().name(longName).namespace("ns").credentialsSecret("c").build());
    assertThat(e.errors()).extracting(ValidationError::field).contains("name");
  }

  @Test
  void namespace_mustBeDns1123Label() {
    onlyError(valid().namespace("tenant.a"), "namespace", "tenant.a");
  }

  @Test
  void credentialsSecret_mustBeDns1123Label() {
    onlyError(valid().credentialsSecret("Creds"), "credentialsSecret", "Creds");
  }

  @Test
  void kubernetesVersion_mustLookLikeV1MinorPatch() {
    onlyError(valid().kubernetesVersion("1.34"), "kubernetesVersion", "1.34");
  }

  @Test
  void kubernetesVersion_olderThanSupportedIsRefused() {
    ValidationError e =
        onlyError(valid().kubernetesVersion("v1.29.4"), "kubernetesVersion", "v1.29.4");
    assertThat(e.message()).contains("v1.31 to v1.35");
  }

  @Test
  void kubernetesVersion_newerThanSupportedIsRefused() {
    onlyError(valid().kubernetesVersion("v1.36.0"), "kubernetesVersion", "v1.36.0");
  }

  @Test
  void controlPlaneReplicas_atLeastOne() {
    onlyError(valid().controlPlaneReplicas(0), "controlPlaneReplicas", "0");
  }

  @Test
  void serviceType_mustBeAKubernetesServiceType() {
    onlyError(valid().serviceType("Ingress"), "serviceType", "Ingress");
  }

  @Test
  void dataStore_mustBeAName() {
    onlyError(valid().dataStore("My DataStore"), "dataStore", "My DataStore");
  }

  @Test
  void controlPlaneEndpoint_mustBeIpv4() {
    onlyError(
        valid().controlPlaneEndpoint("api.example.com"), "controlPlaneEndpoint", "api.example.com");
  }

  @Test
  void podCidr_mustHaveHostBitsZero() {
    onlyError(valid().podCidr("10.244.0.1/16"), "podCidr", "10.244.0.1/16");
  }

  @Test
  void serviceCidr_mustNotOverlapPodCidr() {
    onlyError(valid().serviceCidr("10.244.128.0/20"), "serviceCidr", "10.244.128.0/20");
  }

  @Test
  void sshKey_mustBeAnOpenSshPublicKey() {
    ValidationError e =
        onlyError(
            valid().sshAuthorizedKeys(List.of("-----BEGIN OPENSSH PRIVATE KEY-----")),
            "sshAuthorizedKeys[0]",
            "-----BEGIN OPENSSH PRIVA...");
    assertThat(e.toString()).doesNotContain("PRIVATE KEY-----");
  }

  @Test
  void kamajiOnly_refusesWorkerPools() {
    onlyError(valid().mode(TenantMode.KAMAJI_ONLY), "workers", "1");
  }

  @Test
  void allowedNodes_atLeastOne() {
    onlyError(valid().allowedNodes(List.of()), "allowedNodes", "[]");
  }

  @Test
  void allowedNodes_mustBeNodeNames() {
    onlyError(valid().allowedNodes(List.of("pve 1")), "allowedNodes", "pve 1");
  }

  @Test
  void workers_atLeastOnePoolInCapiMode() {
    onlyError(TenantClusterInputs.base(), "workers", "[]");
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    TenantValidationException e =
        catchThrowableOfType(
            TenantValidationException.class,
            () ->
                valid()
                    .kubernetesVersion("v1.20.0")
                    .controlPlaneReplicas(0)
                    .controlPlaneEndpoint("x")
                    .build());
    assertThat(e.errors())
        .extracting(ValidationError::field)
        .containsExactly("kubernetesVersion", "controlPlaneReplicas", "controlPlaneEndpoint");
    assertThat(e).isInstanceOf(IllegalArgumentException.class);
  }
}
