package io.pvekit.capi;

import static io.pvekit.capi.ValidationAssert.onlyError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Multi-tenant isolation (plan test 1.2): a new tenant must not overlap an existing one. */
class TenantIsolationTest {
  private static TenantNetwork other(List<String> ranges, String endpoint, Set<Integer> vlans) {
    return new TenantNetwork("team-z", "tenant-team-z", ranges, endpoint, vlans);
  }

  private static TenantCluster.Builder teamAWith(TenantNetwork existing) {
    return TenantExamples.teamA().existingTenants(List.of(existing));
  }

  @Test
  void disjointTenants_areAccepted() {
    TenantNetwork z = other(List.of("10.10.0.200-10.10.0.220"), "10.10.0.51", Set.of(121));
    assertThat(teamAWith(z).build().network().vlans()).containsExactly(120);
  }

  @Test
  void namespace_ofAnotherTenantIsRefused() {
    TenantNetwork z = new TenantNetwork("team-z", "tenant-team-a", List.of(), "", Set.of());
    onlyError(teamAWith(z), "namespace", "tenant-team-a");
  }

  @Test
  void ipRanges_overlappingAnotherTenantAreRefused() {
    TenantNetwork z = other(List.of("10.10.0.140-10.10.0.160"), "", Set.of());
    ValidationError e = onlyError(teamAWith(z), "ipv4Pool.ranges", "10.10.0.100-10.10.0.149");
    assertThat(e.message()).contains("tenant-team-z/team-z");
  }

  @Test
  void endpoint_ofAnotherTenantIsRefused() {
    onlyError(
        teamAWith(other(List.of(), "10.10.0.50", Set.of())), "controlPlaneEndpoint", "10.10.0.50");
  }

  @Test
  void endpoint_insideAnotherTenantsRangeIsRefused() {
    onlyError(
        teamAWith(other(List.of("10.10.0.40-10.10.0.60"), "", Set.of())),
        "controlPlaneEndpoint",
        "10.10.0.50");
  }

  @Test
  void ranges_containingAnotherTenantsEndpointAreRefused() {
    onlyError(
        teamAWith(other(List.of(), "10.10.0.120", Set.of())),
        "ipv4Pool.ranges",
        "10.10.0.100-10.10.0.149");
  }

  @Test
  void vlan_ofAnotherTenantIsRefused() {
    onlyError(teamAWith(other(List.of(), "", Set.of(120))), "workers.vlan", "120");
  }

  @Test
  void theSameTenant_reappliedIsNotAConflict() {
    TenantNetwork self = TenantExamples.teamA().build().network();
    assertThat(teamAWith(self).build().name()).isEqualTo("team-a");
  }

  @Test
  void eachTenant_getsItsOwnNamespaceAndQuota() {
    TenantCluster a = TenantExamples.teamA().build();
    TenantCluster b = TenantExamples.kamajiOnly().existingTenants(List.of(a.network())).build();
    assertThat(a.namespace()).isNotEqualTo(b.namespace());
    assertThat(
            b.find(io.fabric8.kubernetes.api.model.ResourceQuota.class)
                .orElseThrow()
                .getMetadata()
                .getNamespace())
        .isEqualTo(b.namespace());
  }
}
