package io.pvekit.capi;

import java.util.List;
import java.util.Set;

/**
 * The network resources a tenant cluster holds; used to refuse a new tenant that would overlap an
 * existing one. {@link TenantCluster#network()} gives a new tenant's, the lifecycle service reads
 * those of the tenants in a management cluster.
 *
 * @param name the tenant cluster's name
 * @param namespace its namespace
 * @param ipRanges its worker IP ranges, as written in the ProxmoxCluster
 * @param endpoint its control-plane endpoint address, empty when unknown
 * @param vlans the VLAN tags its workers use
 */
public record TenantNetwork(
    String name, String namespace, List<String> ipRanges, String endpoint, Set<Integer> vlans) {
  /** Copies the collections. */
  public TenantNetwork {
    ipRanges = List.copyOf(ipRanges);
    vlans = Set.copyOf(vlans);
    endpoint = endpoint == null ? "" : endpoint;
  }
}
