package io.pvekit.examples;

import io.pvekit.capi.CapiVersion;
import io.pvekit.capi.Ipv4Pool;
import io.pvekit.capi.TenantCluster;
import io.pvekit.capi.TenantMode;
import io.pvekit.capi.WorkerPool;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The tenant cluster inputs shared by {@code tenant render} and {@code tenant apply}. */
final class TenantInputOptions {
  @Option(names = "--name", required = true, description = "Cluster name (DNS-1123 label).")
  String name;

  @Option(names = "--namespace", description = "Namespace (default: the cluster name).")
  String namespace;

  @Option(
      names = "--k8s-version",
      required = true,
      description = "Kubernetes version, e.g. v1.34.2.")
  String k8sVersion;

  @Option(names = "--cp-replicas", defaultValue = "2", description = "API server replicas.")
  int cpReplicas;

  @Option(
      names = "--service-type",
      defaultValue = "LoadBalancer",
      description = "ClusterIP, NodePort or LoadBalancer (default: ${DEFAULT-VALUE}).")
  String serviceType;

  @Option(names = "--datastore", description = "Kamaji DataStore name.")
  String dataStore;

  @Option(names = "--endpoint", required = true, description = "Control-plane endpoint (IPv4).")
  String endpoint;

  @Option(names = "--ip-range", description = "Worker IP range a-b, a/n or a (repeatable).")
  List<String> ipRanges = new ArrayList<>();

  @Option(names = "--prefix", defaultValue = "24", description = "Network prefix length.")
  int prefix;

  @Option(names = "--gateway", description = "Default gateway of the worker network.")
  String gateway;

  @Option(names = "--dns", description = "DNS server (repeatable).")
  List<String> dns = new ArrayList<>();

  @Option(names = "--node", description = "Proxmox node workers may use (repeatable).")
  List<String> nodes = new ArrayList<>();

  @Option(
      names = "--source-node",
      description = "Node holding the template (default: first --node).")
  String sourceNode;

  @Option(names = "--template-id", description = "Template VM ID.")
  Integer templateId;

  @Option(
      names = "--template-tag",
      description = "Select the template by tag instead (repeatable).")
  List<String> templateTags = new ArrayList<>();

  @Option(names = "--pool", defaultValue = "md-0", description = "Worker pool name.")
  String pool;

  @Option(names = "--workers", defaultValue = "1", description = "Worker replicas.")
  int workers;

  @Option(names = "--sockets", defaultValue = "1", description = "CPU sockets per worker.")
  int sockets;

  @Option(names = "--cores", defaultValue = "2", description = "Cores per socket.")
  int cores;

  @Option(names = "--memory-mib", defaultValue = "4096", description = "Memory per worker (MiB).")
  int memoryMiB;

  @Option(names = "--disk-gb", defaultValue = "20", description = "Boot disk per worker (GB).")
  int diskGb;

  @Option(names = "--bridge", defaultValue = "vmbr0", description = "Proxmox bridge.")
  String bridge;

  @Option(names = "--vlan", description = "VLAN tag of the workers' NIC.")
  Integer vlan;

  @Option(names = "--ssh-key", description = "SSH public key for root (repeatable).")
  List<String> sshKeys = new ArrayList<>();

  @Option(names = "--pod-cidr", defaultValue = "10.244.0.0/16", description = "Pod CIDR.")
  String podCidr;

  @Option(names = "--service-cidr", defaultValue = "10.96.0.0/12", description = "Service CIDR.")
  String serviceCidr;

  @Option(
      names = "--capi-version",
      defaultValue = "v1beta2",
      description = "Cluster API version: v1beta1 or v1beta2 (default: ${DEFAULT-VALUE}).")
  String capiVersion;

  @Option(
      names = "--mode",
      defaultValue = "capi",
      description =
          "capi (Cluster API + KamajiControlPlane) or kamaji-only (default: ${DEFAULT-VALUE}).")
  String mode;

  TenantMode mode() {
    switch (mode.toLowerCase(Locale.ROOT)) {
      case "capi":
        return TenantMode.CAPI;
      case "kamaji-only":
        return TenantMode.KAMAJI_ONLY;
      default:
        throw new IllegalArgumentException(
            "--mode: '" + mode + "' is not supported; use capi or kamaji-only");
    }
  }

  CapiVersion capiVersion() {
    return CapiVersion.parse(capiVersion);
  }

  /** The builder with every option set; build() validates. */
  TenantCluster.Builder builder() {
    TenantMode m = mode();
    TenantCluster.Builder b =
        TenantCluster.builder()
            .name(name)
            .namespace(namespace)
            .mode(m)
            .capiVersion(capiVersion())
            .kubernetesVersion(k8sVersion)
            .controlPlaneReplicas(cpReplicas)
            .serviceType(serviceType)
            .dataStore(dataStore)
            .controlPlaneEndpoint(endpoint)
            .sshAuthorizedKeys(sshKeys)
            .podCidr(podCidr)
            .serviceCidr(serviceCidr);
    if (m == TenantMode.KAMAJI_ONLY) {
      return b;
    }
    b.allowedNodes(nodes);
    if (gateway != null) {
      b.ipv4Pool(
          Ipv4Pool.builder()
              .ranges(ipRanges)
              .prefix(prefix)
              .gateway(gateway)
              .dnsServers(dns)
              .build());
    }
    WorkerPool.Builder w =
        WorkerPool.builder()
            .name(pool)
            .replicas(workers)
            .sockets(sockets)
            .cores(cores)
            .memoryMiB(memoryMiB)
            .diskGb(diskGb)
            .bridge(bridge)
            .templateTags(templateTags);
    if (templateId != null) {
      w.templateId(templateId);
      String source = sourceNode != null ? sourceNode : nodes.isEmpty() ? null : nodes.get(0);
      if (source != null) {
        w.sourceNode(source);
      }
    }
    if (vlan != null) {
      w.vlan(vlan);
    }
    return b.addWorkerPool(w.build());
  }
}
