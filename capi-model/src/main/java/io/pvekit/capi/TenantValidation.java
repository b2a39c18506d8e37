package io.pvekit.capi;

import io.pvekit.capi.internal.Ipv4;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Every rule a tenant cluster's input must pass; one error per problem, naming field and value. */
final class TenantValidation {
  /** The oldest Kubernetes minor pvekit accepts (Cluster API v1.14's workload cluster floor). */
  static final int MIN_MINOR = 31;

  /** The newest Kubernetes minor pvekit accepts (Kamaji 26.8's newest, v1.35). */
  static final int MAX_MINOR = 35;

  static final int MIN_CPUS = 2;
  static final int MIN_MEMORY_MIB = 2048;
  static final int MIN_DISK_GB = 20;
  static final int MIN_TEMPLATE_ID = 100;

  private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern VERSION = Pattern.compile("v1\\.(\\d+)\\.(\\d+)");
  private static final Set<String> SERVICE_TYPES = Set.of("ClusterIP", "NodePort", "LoadBalancer");
  private static final Set<String> NIC_MODELS = Set.of("virtio", "e1000", "rtl8139", "vmxnet3");
  private static final Pattern SSH_KEY =
      Pattern.compile("(ssh-(ed25519|rsa|dss)|ecdsa-sha2-nistp(256|384|521)|sk-\\S+) \\S+( .*)?");

  private final TenantSpec s;
  private final List<ValidationError> errors = new ArrayList<>();

  private TenantValidation(TenantSpec s) {
    this.s = s;
  }

  static List<ValidationError> validate(TenantSpec spec) {
    TenantValidation v = new TenantValidation(spec);
    v.run();
    return v.errors;
  }

  private void error(String field, Object value, String message) {
    errors.add(new ValidationError(field, String.valueOf(value), message));
  }

  private void run() {
    dnsLabel("name", s.name, 63);
    dnsLabel("namespace", s.namespace, 63);
    if (s.credentialsSecretGiven) {
      dnsLabel("credentialsSecret", s.credentialsSecret, 253);
    }
    version();
    if (s.controlPlaneReplicas < 1) {
      error("controlPlaneReplicas", s.controlPlaneReplicas, "must be at least 1");
    }
    if (!SERVICE_TYPES.contains(s.serviceType)) {
      error("serviceType", s.serviceType, "must be one of ClusterIP, NodePort, LoadBalancer");
    }
    if (s.dataStore != null) {
      dnsLabel("dataStore", s.dataStore, 253);
    }
    Optional<Long> endpoint = Ipv4.parse(s.endpoint);
    if (endpoint.isEmpty()) {
      error("controlPlaneEndpoint", s.endpoint, "must be an IPv4 address");
    }
    Optional<Ipv4.Range> pods = cidr("podCidr", s.podCidr);
    Optional<Ipv4.Range> services = cidr("serviceCidr", s.serviceCidr);
    if (pods.isPresent() && services.isPresent() && pods.get().overlaps(services.get())) {
      error(
          "serviceCidr", s.serviceCidr, "overlaps podCidr " + s.podCidr + "; pick disjoint CIDRs");
    }
    for (int i = 0; i < s.sshKeys.size(); i++) {
      String key = s.sshKeys.get(i);
      if (key == null || !SSH_KEY.matcher(key.trim()).matches()) {
        error("sshAuthorizedKeys[" + i + "]", abbreviate(key), "is not an OpenSSH public key");
      }
    }
    if (s.mode == TenantMode.CAPI) {
      capi(endpoint, pods, services);
    } else if (!s.workers.isEmpty()) {
      error(
          "workers",
          s.workers.size(),
          "worker pools need mode CAPI; a bare TenantControlPlane declares no workers");
    }
    isolation(endpoint);
  }

  private void capi(
      Optional<Long> endpoint, Optional<Ipv4.Range> pods, Optional<Ipv4.Range> services) {
    if (s.allowedNodes.isEmpty()) {
      error("allowedNodes", "[]", "name at least one Proxmox node workers may run on");
    }
    for (String node : s.allowedNodes) {
      dnsLabel("allowedNodes", node, 63);
    }
    if (s.workers.isEmpty()) {
      error("workers", "[]", "add at least one worker pool");
    }
    Set<String> names = new HashSet<>();
    long needed = 0;
    for (WorkerPool w : s.workers) {
      if (!names.add(w.name())) {
        error("workers[" + w.name() + "].name", w.name(), "is used by two worker pools");
      }
      worker(w);
      needed += Math.max(0, w.replicas()) + Math.max(0, w.maxSurge());
    }
    if (s.ipv4Pool == null) {
      error("ipv4Pool", "null", "set the workers' IPv4 pool (ranges, prefix, gateway, DNS)");
    } else {
      pool(s.ipv4Pool, endpoint, needed, pods, services);
    }
  }

  private void worker(WorkerPool w) {
    String f = "workers[" + w.name() + "].";
    dnsLabel(f + "name", w.name(), 63);
    if (s.name != null && (s.name + "-" + w.name()).length() > 63) {
      error(f + "name", w.name(), "name and pool name together must fit in 62 characters");
    }
    if (w.replicas() < 0) {
      error(f + "replicas", w.replicas(), "must not be negative");
    }
    if (w.maxSurge() < 0) {
      error(f + "maxSurge", w.maxSurge(), "must not be negative");
    }
    boolean byId = w.templateId().isPresent();
    boolean byTags = !w.templateTags().isEmpty();
    if (byId == byTags) {
      error(
          f + "templateId",
          w.templateId().map(String::valueOf).orElse("unset"),
          "set exactly one of templateId and templateTags (now "
              + (byId ? "both" : "neither")
              + ")");
    }
    if (byId && w.templateId().get() < MIN_TEMPLATE_ID) {
      error(f + "templateId", w.templateId().get(), "Proxmox VM IDs start at 100");
    }
    if (byId && w.sourceNode().isEmpty()) {
      error(f + "sourceNode", "unset", "templateId needs the node that holds the template");
    }
    w.sourceNode().ifPresent(n -> dnsLabel(f + "sourceNode", n, 63));
    if (w.sockets() < 1) {
      error(f + "sockets", w.sockets(), "must be at least 1");
    }
    if (w.cores() < 1 || (w.sockets() >= 1 && w.sockets() * w.cores() < MIN_CPUS)) {
      error(
          f + "cores", w.cores(), "kubeadm needs at least " + MIN_CPUS + " CPUs (sockets x cores)");
    }
    if (w.memoryMiB() < MIN_MEMORY_MIB) {
      error(f + "memoryMiB", w.memoryMiB(), "must be at least " + MIN_MEMORY_MIB + " for a node");
    }
    if (w.diskGb() < MIN_DISK_GB) {
      error(f + "diskGb", w.diskGb(), "must be at least " + MIN_DISK_GB + " for a node image");
    }
    if (w.bridge().isBlank()) {
      error(f + "bridge", w.bridge(), "name the Proxmox bridge, for example vmbr0");
    }
    if (w.vlan().isPresent() && (w.vlan().get() < 1 || w.vlan().get() > 4094)) {
      error(f + "vlan", w.vlan().get(), "must be 1-4094");
    }
    if (!NIC_MODELS.contains(w.networkModel())) {
      error(f + "networkModel", w.networkModel(), "must be one of virtio, e1000, rtl8139, vmxnet3");
    }
  }

  private void pool(
      Ipv4Pool p,
      Optional<Long> endpoint,
      long needed,
      Optional<Ipv4.Range> pods,
      Optional<Ipv4.Range> services) {
    Optional<Long> gateway = Ipv4.parse(p.gateway());
    if (gateway.isEmpty()) {
      error("ipv4Pool.gateway", p.gateway(), "must be an IPv4 address");
    }
    boolean prefixOk = p.prefix() >= 1 && p.prefix() <= 30;
    if (!prefixOk) {
      error("ipv4Pool.prefix", p.prefix(), "must be 1-30");
    }
    if (p.ranges().isEmpty()) {
      error("ipv4Pool.ranges", "[]", "add at least one address range");
    }
    if (p.dnsServers().isEmpty()) {
      error("ipv4Pool.dnsServers", "[]", "add at least one DNS server");
    }
    for (String dns : p.dnsServers()) {
      if (Ipv4.parse(dns).isEmpty()) {
        error("ipv4Pool.dnsServers", dns, "must be an IPv4 address");
      }
    }
    Ipv4.Range net =
        gateway.isPresent() && prefixOk ? Ipv4.network(gateway.get(), p.prefix()) : null;
    List<Ipv4.Range> parsed = new ArrayList<>();
    long size = 0;
    for (String text : p.ranges()) {
      Optional<Ipv4.Range> r = Ipv4.parseRange(text);
      if (r.isEmpty()) {
        error("ipv4Pool.ranges", text, "must be a-b, a/prefix or a single IPv4 address");
        continue;
      }
      Ipv4.Range range = r.get();
      if (net != null && !net.contains(range)) {
        error("ipv4Pool.ranges", text, "is outside the network " + net + " of gateway/prefix");
      }
      if (gateway.isPresent() && range.contains(gateway.get())) {
        error("ipv4Pool.ranges", text, "contains the gateway " + p.gateway());
      }
      if (endpoint.isPresent() && range.contains(endpoint.get())) {
        error("ipv4Pool.ranges", text, "contains the control-plane endpoint " + s.endpoint);
      }
      if (pods.isPresent() && range.overlaps(pods.get())) {
        error("ipv4Pool.ranges", text, "overlaps podCidr " + s.podCidr);
      }
      if (services.isPresent() && range.overlaps(services.get())) {
        error("ipv4Pool.ranges", text, "overlaps serviceCidr " + s.serviceCidr);
      }
      for (Ipv4.Range other : parsed) {
        if (other.overlaps(range)) {
          error("ipv4Pool.ranges", text, "overlaps another range of the pool " + other);
        }
      }
      parsed.add(range);
      size += range.size();
    }
    if (errorsAbout("ipv4Pool.ranges") == 0 && size < needed) {
      error(
          "ipv4Pool.ranges",
          String.join(",", p.ranges()),
          "hold "
              + size
              + " addresses but the workers need "
              + needed
              + " (replicas plus rollout surge of every pool)");
    }
  }

  private void isolation(Optional<Long> endpoint) {
    List<Ipv4.Range> mine = new ArrayList<>();
    if (s.ipv4Pool != null && s.mode == TenantMode.CAPI) {
      s.ipv4Pool.ranges().forEach(t -> Ipv4.parseRange(t).ifPresent(mine::add));
    }
    Set<Integer> myVlans = s.network().vlans();
    for (TenantNetwork other : s.existing) {
      String who = "tenant " + other.namespace() + "/" + other.name();
      if (other.name().equals(s.name) && other.namespace().equals(s.namespace)) {
        continue; // the same tenant, re-applied
      }
      if (other.namespace().equals(s.namespace)) {
        error("namespace", s.namespace, "belongs to " + who + "; every tenant needs its own");
      }
      List<Ipv4.Range> theirs = new ArrayList<>();
      other.ipRanges().forEach(t -> Ipv4.parseRange(t).ifPresent(theirs::add));
      for (Ipv4.Range r : mine) {
        for (Ipv4.Range t : theirs) {
          if (r.overlaps(t)) {
            error("ipv4Pool.ranges", r, "overlaps " + t + " of " + who);
          }
        }
      }
      Optional<Long> theirEndpoint = Ipv4.parse(other.endpoint());
      if (endpoint.isPresent()) {
        if (theirEndpoint.isPresent() && theirEndpoint.get().equals(endpoint.get())) {
          error("controlPlaneEndpoint", s.endpoint, "is the endpoint of " + who);
        }
        for (Ipv4.Range t : theirs) {
          if (t.contains(endpoint.get())) {
            error("controlPlaneEndpoint", s.endpoint, "is inside " + t + " of " + who);
          }
        }
      }
      if (theirEndpoint.isPresent()) {
        for (Ipv4.Range r : mine) {
          if (r.contains(theirEndpoint.get())) {
            error("ipv4Pool.ranges", r, "contains the endpoint " + other.endpoint() + " of " + who);
          }
        }
      }
      for (Integer vlan : myVlans) {
        if (other.vlans().contains(vlan)) {
          error("workers.vlan", vlan, "VLAN " + vlan + " is used by " + who);
        }
      }
    }
  }

  private long errorsAbout(String field) {
    return errors.stream().filter(e -> e.field().equals(field)).count();
  }

  private void version() {
    String problem = versionProblem(s.kubernetesVersion);
    if (problem != null) {
      error("kubernetesVersion", s.kubernetesVersion, problem);
    }
  }

  /** What is wrong with a Kubernetes version, or null when it is supported. */
  static String versionProblem(String v) {
    Matcher m = v == null ? null : VERSION.matcher(v);
    if (m == null || !m.matches()) {
      return "must look like v1.34.2";
    }
    int minor = Integer.parseInt(m.group(1));
    if (minor < MIN_MINOR || minor > MAX_MINOR) {
      return "Kamaji 26.8 and Cluster API v1.14 support v1." + MIN_MINOR + " to v1." + MAX_MINOR;
    }
    return null;
  }

  private Optional<Ipv4.Range> cidr(String field, String text) {
    Optional<Ipv4.Range> r = Ipv4.parseCidr(text);
    if (r.isEmpty()) {
      error(field, text, "must be an IPv4 CIDR with host bits zero, for example 10.244.0.0/16");
    }
    return r;
  }

  private void dnsLabel(String field, String value, int max) {
    if (value == null || value.isEmpty()) {
      error(field, value, "is required");
    } else if (value.length() > max || !DNS_LABEL.matcher(value).matches()) {
      error(
          field,
          value,
          "must be a DNS-1123 label: lower-case letters, digits and '-', at most "
              + max
              + " characters, starting and ending with a letter or digit");
    }
  }

  private static String abbreviate(String s) {
    return s == null ? "null" : s.length() > 24 ? s.substring(0, 24) + "..." : s;
  }
}
