package io.pvekit.capi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns validated inputs into the tenant's objects, in apply order. */
final class TenantRenderer {
  static final int API_PORT = 6443;
  static final String PROVIDER_ID_ARG = "proxmox://'{{ ds.meta_data.instance_id }}'";

  private final TenantSpec s;

  private TenantRenderer(TenantSpec s) {
    this.s = s;
  }

  static List<HasMetadata> render(TenantSpec spec) {
    return new TenantRenderer(spec).objects();
  }

  private List<HasMetadata> objects() {
    List<HasMetadata> out = new ArrayList<>();
    out.add(namespace());
    out.add(quota());
    if (s.mode == TenantMode.KAMAJI_ONLY) {
      out.add(tenantControlPlane());
      return out;
    }
    KamajiControlPlane kcp = kamajiControlPlane();
    ProxmoxCluster pc = proxmoxCluster();
    out.add(cluster(kcp, pc));
    out.add(kcp);
    out.add(pc);
    for (WorkerPool w : s.workers) {
      KubeadmConfigTemplate kct = kubeadmConfigTemplate(w);
      ProxmoxMachineTemplate pmt = proxmoxMachineTemplate(w);
      out.add(kct);
      out.add(pmt);
      out.add(machineDeployment(w, kct, pmt));
    }
    out.add(
        MachineHealthCheck.forNodes(
            s.capiVersion,
            meta(s.name + "-workers"),
            s.name,
            Map.of(TenantCluster.CLUSTER_NAME_LABEL, s.name),
            Duration.ofMinutes(10),
            Duration.ofMinutes(5)));
    return out;
  }

  private Map<String, String> labels() {
    Map<String, String> l = new LinkedHashMap<>(s.labels);
    l.put(TenantCluster.CLUSTER_NAME_LABEL, s.name);
    return l;
  }

  private ObjectMeta meta(String name) {
    return CapiResource.meta(name, s.namespace, labels());
  }

  private Namespace namespace() {
    Map<String, String> l = new LinkedHashMap<>(s.labels);
    l.put(TenantCluster.TENANT_LABEL, s.name);
    return new NamespaceBuilder()
        .withNewMetadata()
        .withName(s.namespace)
        .withLabels(l)
        .endMetadata()
        .build();
  }

  /**
   * Caps what one tenant can take from the management cluster: Kamaji runs the tenant's API servers
   * as pods in the tenant namespace, and Cluster API objects count as machines.
   */
  private ResourceQuota quota() {
    int machines = s.workers.stream().mapToInt(w -> w.replicas() + w.maxSurge()).sum();
    Map<String, Quantity> hard = new LinkedHashMap<>();
    hard.put("requests.cpu", new Quantity(s.quotaCpu));
    hard.put("requests.memory", new Quantity(s.quotaMemory));
    hard.put("pods", new Quantity("40"));
    hard.put("services.loadbalancers", new Quantity("1"));
    if (s.mode == TenantMode.CAPI) {
      hard.put(
          "count/machines.cluster.x-k8s.io", new Quantity(String.valueOf(Math.max(machines, 1))));
    }
    return new ResourceQuotaBuilder()
        .withMetadata(meta(s.name + "-quota"))
        .withNewSpec()
        .withHard(hard)
        .endSpec()
        .build();
  }

  private KamajiControlPlane.Kubelet kubelet() {
    return new KamajiControlPlane.Kubelet(
        "systemd", List.of("InternalIP", "ExternalIP", "Hostname"));
  }

  private TenantControlPlane tenantControlPlane() {
    TenantControlPlane tcp = new TenantControlPlane();
    tcp.setMetadata(meta(s.name));
    tcp.setSpec(
        new TenantControlPlane.Spec(
            s.dataStore,
            new TenantControlPlane.ControlPlane(
                new TenantControlPlane.Deployment(s.controlPlaneReplicas),
                new TenantControlPlane.Service(s.serviceType)),
            new TenantControlPlane.Kubernetes(s.kubernetesVersion, kubelet()),
            new TenantControlPlane.NetworkProfile(
                s.endpoint, API_PORT, s.podCidr, s.serviceCidr, List.of()),
            KamajiAddons.DEFAULTS));
    return tcp;
  }

  private KamajiControlPlane kamajiControlPlane() {
    KamajiControlPlane kcp = new KamajiControlPlane();
    kcp.setMetadata(meta(s.name));
    kcp.setSpec(
        new KamajiControlPlane.Spec(
            s.dataStore,
            KamajiAddons.DEFAULTS,
            kubelet(),
            new KamajiControlPlane.Network(s.serviceType, s.endpoint, List.of()),
            s.controlPlaneReplicas,
            s.kubernetesVersion));
    return kcp;
  }

  private ProxmoxCluster proxmoxCluster() {
    ProxmoxCluster pc = new ProxmoxCluster();
    pc.setMetadata(meta(s.name));
    Ipv4Pool p = s.ipv4Pool;
    pc.setSpec(
        new ProxmoxCluster.Spec(
            new ApiEndpoint(s.endpoint, API_PORT),
            true,
            s.allowedNodes,
            new ProxmoxCluster.IpConfig(p.ranges(), p.prefix(), p.gateway(), null),
            p.dnsServers(),
            new ProxmoxCluster.SecretRef(s.credentialsSecret, s.namespace)));
    return pc;
  }

  private Cluster cluster(KamajiControlPlane kcp, ProxmoxCluster pc) {
    return Cluster.of(
        s.capiVersion,
        meta(s.name),
        new Cluster.Spec(
            new Cluster.ClusterNetwork(
                null,
                new Cluster.CidrBlocks(List.of(s.serviceCidr)),
                new Cluster.CidrBlocks(List.of(s.podCidr)),
                null),
            null,
            ContractRef.to(s.capiVersion, kcp),
            ContractRef.to(s.capiVersion, pc),
            null));
  }

  private KubeadmConfigTemplate kubeadmConfigTemplate(WorkerPool w) {
    KubeadmConfigTemplate kct = new KubeadmConfigTemplate(s.capiVersion);
    kct.setMetadata(meta(s.name + "-" + w.name()));
    List<KubeadmConfigTemplate.User> users =
        s.sshKeys.isEmpty()
            ? List.of()
            : List.of(new KubeadmConfigTemplate.User("root", s.sshKeys, null));
    kct.setSpec(
        new KubeadmConfigTemplate.Spec(
            new KubeadmConfigTemplate.Template(
                new KubeadmConfigTemplate.ConfigSpec(
                    new KubeadmConfigTemplate.JoinConfiguration(
                        new KubeadmConfigTemplate.NodeRegistration(
                            "{{ local_hostname }}",
                            null,
                            KubeletExtraArgs.of(
                                s.capiVersion, Map.of("provider-id", PROVIDER_ID_ARG)))),
                    users,
                    List.of()))));
    return kct;
  }

  private ProxmoxMachineTemplate proxmoxMachineTemplate(WorkerPool w) {
    ProxmoxMachineTemplate pmt = new ProxmoxMachineTemplate();
    pmt.setMetadata(meta(s.name + "-" + w.name()));
    ProxmoxMachine.TemplateSelector selector =
        w.templateTags().isEmpty()
            ? null
            : new ProxmoxMachine.TemplateSelector(w.templateTags(), null);
    ProxmoxMachine.NetworkDevice net0 =
        new ProxmoxMachine.NetworkDevice(
            "net0", w.bridge(), w.networkModel(), w.vlan().orElse(null), List.of(), List.of());
    pmt.setSpec(
        new ProxmoxMachineTemplate.Spec(
            new ProxmoxMachineTemplate.Template(
                new ProxmoxMachine.Spec(
                    null,
                    null,
                    w.sourceNode().orElse(null),
                    w.templateId().orElse(null),
                    selector,
                    List.of(),
                    null,
                    true,
                    null,
                    w.sockets(),
                    w.cores(),
                    w.memoryMiB(),
                    new ProxmoxMachine.Disks(
                        new ProxmoxMachine.BootVolume(w.bootDevice(), w.diskGb())),
                    new ProxmoxMachine.Network(List.of(net0)),
                    List.of()))));
    return pmt;
  }

  private MachineDeployment machineDeployment(
      WorkerPool w, KubeadmConfigTemplate kct, ProxmoxMachineTemplate pmt) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(TenantCluster.CLUSTER_NAME_LABEL, s.name);
    selector.put(TenantCluster.POOL_LABEL, w.name());
    return MachineDeployment.of(
        s.capiVersion,
        meta(s.name + "-" + w.name()),
        new MachineDeployment.Spec(
            s.name,
            w.replicas(),
            new MachineDeployment.Selector(selector),
            new MachineDeployment.Template(
                new MachineDeployment.TemplateMetadata(selector, Map.of()),
                new Machine.Spec(
                    s.name,
                    new Machine.Bootstrap(ContractRef.to(s.capiVersion, kct), null),
                    ContractRef.to(s.capiVersion, pmt),
                    s.kubernetesVersion,
                    null,
                    null))));
  }
}
