package io.pvekit.capi;

/**
 * The resource kinds pvekit writes, each with the API version it emits. pvekit emits each
 * provider's storage version: Cluster API v1beta2 (CAPI 1.14), CAPMOX v1alpha2 (0.9), the Kamaji
 * control-plane provider v1alpha2 (0.20) and Kamaji v1alpha1.
 */
public enum ResourceKind {
  /** A Cluster API cluster. */
  CLUSTER("Cluster", "cluster.x-k8s.io", "v1beta2", "clusters"),
  /** A set of worker machines that rolls out like a Deployment. */
  MACHINE_DEPLOYMENT("MachineDeployment", "cluster.x-k8s.io", "v1beta2", "machinedeployments"),
  /** Health checks that remediate unhealthy machines. */
  MACHINE_HEALTH_CHECK("MachineHealthCheck", "cluster.x-k8s.io", "v1beta2", "machinehealthchecks"),
  /** The kubeadm bootstrap configuration template for workers. */
  KUBEADM_CONFIG_TEMPLATE(
      "KubeadmConfigTemplate", "bootstrap.cluster.x-k8s.io", "v1beta2", "kubeadmconfigtemplates"),
  /** CAPMOX's cluster infrastructure. */
  PROXMOX_CLUSTER(
      "ProxmoxCluster", "infrastructure.cluster.x-k8s.io", "v1alpha2", "proxmoxclusters"),
  /** CAPMOX's template for worker VMs. */
  PROXMOX_MACHINE_TEMPLATE(
      "ProxmoxMachineTemplate",
      "infrastructure.cluster.x-k8s.io",
      "v1alpha2",
      "proxmoxmachinetemplates"),
  /** A control plane hosted by Kamaji, seen from Cluster API. */
  KAMAJI_CONTROL_PLANE(
      "KamajiControlPlane", "controlplane.cluster.x-k8s.io", "v1alpha2", "kamajicontrolplanes"),
  /** Kamaji's own control-plane resource. */
  TENANT_CONTROL_PLANE(
      "TenantControlPlane", "kamaji.clastix.io", "v1alpha1", "tenantcontrolplanes"),
  /** An in-cluster IP pool used by CAPMOX for node addresses. */
  IN_CLUSTER_IP_POOL("InClusterIPPool", "ipam.cluster.x-k8s.io", "v1alpha2", "inclusterippools");

  private final String kind;
  private final String group;
  private final String version;
  private final String plural;

  ResourceKind(String kind, String group, String version, String plural) {
    this.kind = kind;
    this.group = group;
    this.version = version;
    this.plural = plural;
  }

  /**
   * The Kubernetes kind.
   *
   * @return for example {@code ProxmoxCluster}
   */
  public String kind() {
    return kind;
  }

  /**
   * The API group.
   *
   * @return for example {@code infrastructure.cluster.x-k8s.io}
   */
  public String group() {
    return group;
  }

  /**
   * The version pvekit emits.
   *
   * @return for example {@code v1alpha2}
   */
  public String version() {
    return version;
  }

  /**
   * The plural resource name used in API paths.
   *
   * @return for example {@code proxmoxclusters}
   */
  public String plural() {
    return plural;
  }

  /**
   * The {@code apiVersion} field of a manifest.
   *
   * @return {@code group/version}
   */
  public String apiVersion() {
    return group + "/" + version;
  }
}
