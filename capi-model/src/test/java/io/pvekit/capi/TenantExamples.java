package io.pvekit.capi;

import java.util.List;
import java.util.Map;

/** Tenant inputs shared by the tests; the README quotes {@link #teamA}. */
final class TenantExamples {
  private TenantExamples() {}

  static TenantCluster.Builder teamA(TenantMode mode, CapiVersion capi) {
    return mode == TenantMode.KAMAJI_ONLY ? kamajiOnly() : teamA(capi);
  }

  static TenantCluster.Builder kamajiOnly() {
    // README-SNIPPET-START kamaji-only
    TenantCluster.Builder builder =
        TenantCluster.builder()
            .name("team-b")
            .mode(TenantMode.KAMAJI_ONLY) // a bare TenantControlPlane, no Cluster API
            .kubernetesVersion("v1.35.0")
            .controlPlaneReplicas(3)
            .serviceType("LoadBalancer")
            .controlPlaneEndpoint("10.10.1.50");
    // README-SNIPPET-END kamaji-only
    return builder;
  }

  static TenantCluster.Builder teamA(CapiVersion capi) {
    // README-SNIPPET-START builder
    TenantCluster.Builder builder =
        TenantCluster.builder()
            .name("team-a")
            .namespace("tenant-team-a")
            .mode(TenantMode.CAPI) // Cluster + KamajiControlPlane + ProxmoxCluster + workers
            .capiVersion(capi) // CapiVersion.V1BETA2 or V1BETA1
            .kubernetesVersion("v1.34.2")
            .controlPlaneReplicas(2)
            .serviceType("LoadBalancer")
            .dataStore("default")
            .controlPlaneEndpoint("10.10.0.50")
            .allowedNodes(List.of("pve1", "pve2"))
            .ipv4Pool(
                Ipv4Pool.builder()
                    .addRanges("10.10.0.100-10.10.0.149")
                    .prefix(24)
                    .gateway("10.10.0.1")
                    .addDnsServers("10.10.0.1", "1.1.1.1")
                    .build())
            .addWorkerPool(
                WorkerPool.builder()
                    .name("md-0")
                    .replicas(3)
                    .templateId(9000)
                    .sourceNode("pve1")
                    .sockets(1)
                    .cores(4)
                    .memoryMiB(8192)
                    .diskGb(40)
                    .bridge("vmbr0")
                    .vlan(120)
                    .build())
            .sshAuthorizedKeys(List.of("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExample ops@example"))
            .podCidr("10.244.0.0/16")
            .serviceCidr("10.96.0.0/12")
            .labels(Map.of("team", "a"));
    TenantCluster tenant = builder.build(); // throws TenantValidationException listing all errors
    String yaml = tenant.toYaml(); // multi-document YAML, apply order
    // README-SNIPPET-END builder
    if (yaml.isEmpty()) {
      throw new AssertionError("empty YAML");
    }
    return builder;
  }

  static TenantCluster.Builder teamA() {
    return teamA(CapiVersion.V1BETA2);
  }
}
