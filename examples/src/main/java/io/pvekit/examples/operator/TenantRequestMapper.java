package io.pvekit.examples.operator;

import io.pvekit.capi.CapiVersion;
import io.pvekit.capi.Ipv4Pool;
import io.pvekit.capi.TenantCluster;
import io.pvekit.capi.TenantMode;
import io.pvekit.capi.WorkerPool;
import java.util.List;

/** Maps a {@link TenantClusterRequestSpec} onto capi-model's {@link TenantCluster.Builder}. */
final class TenantRequestMapper {
  private TenantRequestMapper() {}

  /**
   * The builder for a request; {@code build()} validates it.
   *
   * @throws IllegalArgumentException naming the field when a value cannot even be mapped
   */
  static TenantCluster.Builder builder(TenantClusterRequest request) {
    TenantClusterRequestSpec spec = request.getSpec();
    if (spec == null) {
      throw new IllegalArgumentException("spec: missing");
    }
    String name = request.getMetadata().getName();
    TenantCluster.Builder b =
        TenantCluster.builder()
            .name(name)
            .namespace(spec.namespace == null ? name : spec.namespace)
            .mode(mode(spec.mode));
    if (spec.capiVersion != null) {
      b.capiVersion(CapiVersion.parse(spec.capiVersion));
    }
    if (spec.kubernetesVersion != null) {
      b.kubernetesVersion(spec.kubernetesVersion);
    }
    if (spec.controlPlaneReplicas != null) {
      b.controlPlaneReplicas(spec.controlPlaneReplicas);
    }
    if (spec.serviceType != null) {
      b.serviceType(spec.serviceType);
    }
    if (spec.dataStore != null) {
      b.dataStore(spec.dataStore);
    }
    if (spec.controlPlaneEndpoint != null) {
      b.controlPlaneEndpoint(spec.controlPlaneEndpoint);
    }
    if (!spec.allowedNodes.isEmpty()) {
      b.allowedNodes(spec.allowedNodes);
    }
    if (spec.ipv4Pool != null) {
      b.ipv4Pool(pool(spec.ipv4Pool));
    }
    for (int i = 0; i < spec.workerPools.size(); i++) {
      b.addWorkerPool(worker(spec.workerPools.get(i), i));
    }
    if (!spec.sshAuthorizedKeys.isEmpty()) {
      b.sshAuthorizedKeys(spec.sshAuthorizedKeys);
    }
    if (spec.podCidr != null) {
      b.podCidr(spec.podCidr);
    }
    if (spec.serviceCidr != null) {
      b.serviceCidr(spec.serviceCidr);
    }
    if (request.getMetadata().getLabels() != null) {
      b.labels(request.getMetadata().getLabels());
    }
    return b;
  }

  private static TenantMode mode(String mode) {
    if (mode == null || mode.equals("capi")) {
      return TenantMode.CAPI;
    }
    if (mode.equals("kamaji-only")) {
      return TenantMode.KAMAJI_ONLY;
    }
    throw new IllegalArgumentException("mode: '" + mode + "' is not capi or kamaji-only");
  }

  private static Ipv4Pool pool(TenantClusterRequestSpec.Ipv4PoolSpec p) {
    if (p.gateway == null) {
      throw new IllegalArgumentException("ipv4Pool.gateway: missing; set the network's gateway");
    }
    Ipv4Pool.Builder b = Ipv4Pool.builder().gateway(p.gateway).addAllRanges(p.ranges);
    b.addAllDnsServers(p.dnsServers);
    if (p.prefix != null) {
      b.prefix(p.prefix);
    }
    return b.build();
  }

  private static WorkerPool worker(TenantClusterRequestSpec.WorkerPoolSpec w, int index) {
    if (w.name == null) {
      throw new IllegalArgumentException("workerPools[" + index + "].name: missing");
    }
    WorkerPool.Builder b = WorkerPool.builder().name(w.name);
    if (w.replicas != null) {
      b.replicas(w.replicas);
    }
    if (w.templateId != null) {
      b.templateId(w.templateId);
    }
    if (w.sourceNode != null) {
      b.sourceNode(w.sourceNode);
    }
    if (w.sockets != null) {
      b.sockets(w.sockets);
    }
    if (w.cores != null) {
      b.cores(w.cores);
    }
    if (w.memoryMiB != null) {
      b.memoryMiB(w.memoryMiB);
    }
    if (w.diskGb != null) {
      b.diskGb(w.diskGb);
    }
    if (w.bridge != null) {
      b.bridge(w.bridge);
    }
    if (w.vlan != null) {
      b.vlan(w.vlan);
    }
    return b.build();
  }

  static List<String> describe(TenantCluster tenant) {
    return tenant.objects().stream()
        .map(o -> o.getKind() + "/" + o.getMetadata().getName())
        .toList();
  }
}
