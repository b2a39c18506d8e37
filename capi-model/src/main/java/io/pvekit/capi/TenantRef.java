package io.pvekit.capi;

/**
 * Which tenant cluster a lifecycle call is about, and how it was declared.
 *
 * @param namespace the namespace
 * @param name the cluster name
 * @param mode CAPI or KAMAJI_ONLY
 * @param capiVersion the Cluster API version its core objects were written in
 */
public record TenantRef(String namespace, String name, TenantMode mode, CapiVersion capiVersion) {
  /**
   * The reference of a built tenant cluster.
   *
   * @param tenant the tenant cluster
   * @return its reference
   */
  public static TenantRef of(TenantCluster tenant) {
    return new TenantRef(tenant.namespace(), tenant.name(), tenant.mode(), tenant.capiVersion());
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }
}
