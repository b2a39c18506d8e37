package io.pvekit.examples.apps;

import io.pvekit.capi.CapiVersion;
import io.pvekit.capi.Ipv4Pool;
import io.pvekit.capi.TenantCluster;
import io.pvekit.capi.TenantMode;
import io.pvekit.capi.TenantValidationException;
import io.pvekit.capi.ValidationError;
import io.pvekit.capi.WorkerPool;
import java.io.PrintWriter;
import java.util.List;

/**
 * Renders a tenant Kubernetes cluster (Cluster API + CAPMOX + Kamaji) with capi-model and prints
 * the manifests as YAML, ready for {@code kubectl apply -f -}. The builder validates everything
 * before anything is printed, so a bad input yields a list of errors and no half a manifest.
 *
 * <pre>
 * java io.pvekit.examples.apps.RenderTenant team-a 3 120 | kubectl apply -f -
 * </pre>
 */
public final class RenderTenant {
  private RenderTenant() {}

  /**
   * Command-line entry point.
   *
   * @param args tenant name, worker count, VLAN tag
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    if (args.length != 3) {
      err.println("usage: RenderTenant NAME WORKERS VLAN");
      System.exit(2);
    }
    System.exit(run(args[0], args[1], args[2], out, err));
  }

  /**
   * Renders the tenant.
   *
   * @param name the tenant name (a DNS label); the namespace is {@code tenant-<name>}
   * @param workers how many worker VMs the {@code md-0} pool has
   * @param vlan the VLAN tag of the workers' network
   * @param out where the YAML goes
   * @param err where errors go, one per line naming the field and the value
   * @return 0 when rendered, 1 when the tenant is invalid, 2 when a number is malformed
   */
  public static int run(
      String name, String workers, String vlan, PrintWriter out, PrintWriter err) {
    int replicas;
    int vlanTag;
    try {
      replicas = Integer.parseInt(workers);
      vlanTag = Integer.parseInt(vlan);
    } catch (NumberFormatException e) {
      err.println("error: WORKERS and VLAN must be numbers: " + e.getMessage());
      return 2;
    }
    TenantCluster tenant;
    try {
      tenant = builder(name, replicas, vlanTag).build();
    } catch (TenantValidationException e) {
      for (ValidationError error : e.errors()) {
        err.println("invalid: " + error);
      }
      return 1;
    }
    out.print(tenant.toYaml());
    out.flush();
    return 0;
  }

  /**
   * The tenant this app renders, not yet validated: one CAPI v1beta2 cluster with a Kamaji control
   * plane and one worker pool cloned from template 9000 (the demo builds the same one).
   *
   * @param name the cluster's name; its namespace is {@code tenant-<name>}
   * @param replicas workers in pool {@code md-0}
   * @param vlan the workers' VLAN tag
   * @return the builder; {@code build()} validates
   */
  public static TenantCluster.Builder builder(String name, int replicas, int vlan) {
    return TenantCluster.builder()
        .name(name)
        .namespace("tenant-" + name)
        .mode(TenantMode.CAPI)
        .capiVersion(CapiVersion.V1BETA2)
        .kubernetesVersion("v1.34.2")
        .controlPlaneReplicas(2)
        .serviceType("LoadBalancer")
        .dataStore("default")
        .controlPlaneEndpoint("10.10.0.50")
        .allowedNodes(List.of("pve1"))
        .ipv4Pool(
            Ipv4Pool.builder()
                .addRanges("10.10.0.100-10.10.0.149")
                .prefix(24)
                .gateway("10.10.0.1")
                .addDnsServers("10.10.0.1")
                .build())
        .addWorkerPool(
            WorkerPool.builder()
                .name("md-0")
                .replicas(replicas)
                .templateId(9000)
                .sourceNode("pve1")
                .sockets(1)
                .cores(2)
                .memoryMiB(4096)
                .diskGb(20)
                .bridge("vmbr0")
                .vlan(vlan)
                .build());
  }
}
