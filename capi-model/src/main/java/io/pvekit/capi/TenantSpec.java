package io.pvekit.capi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The inputs of a tenant cluster, as collected by {@link TenantCluster.Builder}. */
final class TenantSpec {
  String name;
  String namespace;
  String kubernetesVersion;
  TenantMode mode = TenantMode.CAPI;
  CapiVersion capiVersion = CapiVersion.V1BETA2;
  int controlPlaneReplicas = 2;
  String serviceType = "LoadBalancer";
  String dataStore;
  String endpoint;
  List<String> allowedNodes = new ArrayList<>();
  Ipv4Pool ipv4Pool;
  List<WorkerPool> workers = new ArrayList<>();
  List<String> sshKeys = new ArrayList<>();
  String podCidr = "10.244.0.0/16";
  String serviceCidr = "10.96.0.0/12";
  Map<String, String> labels = new LinkedHashMap<>();
  String credentialsSecret;
  boolean credentialsSecretGiven;
  String quotaCpu = "8";
  String quotaMemory = "16Gi";
  List<TenantNetwork> existing = new ArrayList<>();

  TenantSpec copy() {
    TenantSpec c = new TenantSpec();
    c.name = name;
    c.namespace = namespace == null ? name : namespace;
    c.kubernetesVersion = kubernetesVersion;
    c.mode = mode;
    c.capiVersion = capiVersion;
    c.controlPlaneReplicas = controlPlaneReplicas;
    c.serviceType = serviceType;
    c.dataStore = dataStore;
    c.endpoint = endpoint;
    c.allowedNodes = List.copyOf(allowedNodes);
    c.ipv4Pool = ipv4Pool;
    c.workers = List.copyOf(workers);
    c.sshKeys = List.copyOf(sshKeys);
    c.podCidr = podCidr;
    c.serviceCidr = serviceCidr;
    c.labels = new LinkedHashMap<>(labels);
    c.credentialsSecretGiven = credentialsSecret != null;
    c.credentialsSecret =
        credentialsSecret == null ? name + "-proxmox-credentials" : credentialsSecret;
    c.quotaCpu = quotaCpu;
    c.quotaMemory = quotaMemory;
    c.existing = List.copyOf(existing);
    return c;
  }

  TenantNetwork network() {
    Set<Integer> vlans = new LinkedHashSet<>();
    workers.forEach(w -> w.vlan().ifPresent(vlans::add));
    return new TenantNetwork(
        name, namespace, ipv4Pool == null ? List.of() : ipv4Pool.ranges(), endpoint, vlans);
  }
}
