package io.pvekit.capi;

/** Helpers that swap one input of a builder. */
final class TenantClusterInputs {
  private TenantClusterInputs() {}

  /** The base example with one given worker pool. */
  static TenantCluster.Builder withPool(WorkerPool pool) {
    TenantCluster.Builder b = base();
    return b.addWorkerPool(pool);
  }

  /** The example without worker pools. */
  static TenantCluster.Builder base() {
    return TenantCluster.builder()
        .name("team-a")
        .namespace("tenant-team-a")
        .kubernetesVersion("v1.34.2")
        .controlPlaneEndpoint("10.10.0.50")
        .allowedNodes(java.util.List.of("pve1"))
        .ipv4Pool(
            Ipv4Pool.builder()
                .addRanges("10.10.0.100-10.10.0.149")
                .prefix(24)
                .gateway("10.10.0.1")
                .addDnsServers("10.10.0.1")
                .build());
  }
}
