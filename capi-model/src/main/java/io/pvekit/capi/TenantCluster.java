package io.pvekit.capi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One tenant Kubernetes cluster on Proxmox VE as a consistent set of objects: names,
 * cross-references, namespace and {@code cluster.x-k8s.io/cluster-name} labels agree, and every
 * object matches its upstream CRD. Built and checked by {@link #builder()}; immutable.
 */
public final class TenantCluster {
  /** The label Cluster API uses to tie objects to their cluster. */
  public static final String CLUSTER_NAME_LABEL = "cluster.x-k8s.io/cluster-name";

  /** The label pvekit puts on a tenant's namespace. */
  public static final String TENANT_LABEL = "pvekit.io/tenant";

  /** The label pvekit puts on a worker pool's machines. */
  public static final String POOL_LABEL = "pvekit.io/worker-pool";

  private final TenantSpec spec;
  private final List<HasMetadata> objects;

  TenantCluster(TenantSpec spec, List<HasMetadata> objects) {
    this.spec = spec;
    this.objects = List.copyOf(objects);
  }

  /**
   * A builder.
   *
   * @return an empty builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The cluster name.
   *
   * @return the name
   */
  public String name() {
    return spec.name;
  }

  /**
   * The namespace every object lives in.
   *
   * @return the namespace
   */
  public String namespace() {
    return spec.namespace;
  }

  /**
   * The mode.
   *
   * @return CAPI or KAMAJI_ONLY
   */
  public TenantMode mode() {
    return spec.mode;
  }

  /**
   * The Cluster API version of the core objects.
   *
   * @return the version
   */
  public CapiVersion capiVersion() {
    return spec.capiVersion;
  }

  /**
   * The Kubernetes version.
   *
   * @return for example {@code v1.34.2}
   */
  public String kubernetesVersion() {
    return spec.kubernetesVersion;
  }

  /**
   * The worker pools (empty in KAMAJI_ONLY mode).
   *
   * @return the pools
   */
  public List<WorkerPool> workerPools() {
    return spec.workers;
  }

  /**
   * Every object in apply order: Namespace, ResourceQuota, then the cluster's objects.
   *
   * @return the objects (typed: {@link Cluster}, {@link KamajiControlPlane}, ...)
   */
  public List<HasMetadata> objects() {
    return objects;
  }

  /**
   * The first object of a type.
   *
   * @param type for example {@code Cluster.class}
   * @param <T> the type
   * @return the object if this tenant has one
   */
  public <T extends HasMetadata> Optional<T> find(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /**
   * Every object of a type.
   *
   * @param type for example {@code MachineDeployment.class}
   * @param <T> the type
   * @return the objects, in order
   */
  public <T extends HasMetadata> List<T> findAll(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * Multi-document YAML of {@link #objects()}.
   *
   * @return the YAML
   */
  public String toYaml() {
    return Manifests.toYaml(objects);
  }

  /**
   * A JSON {@code v1/List} of {@link #objects()}.
   *
   * @return the JSON
   */
  public String toJson() {
    return Manifests.toJson(objects);
  }

  /**
   * The network resources this tenant holds (for isolation checks of later tenants).
   *
   * @return the tenant's network
   */
  public TenantNetwork network() {
    return spec.network();
  }

  /** Collects a tenant cluster's inputs; {@link #build()} checks them all at once. */
  public static final class Builder {
    private final TenantSpec s = new TenantSpec();

    Builder() {}

    /**
     * The cluster name (a DNS-1123 label).
     *
     * @param name for example {@code team-a}
     * @return this builder
     */
    public Builder name(String name) {
      s.name = name;
      return this;
    }

    /**
     * The namespace (a DNS-1123 label; one per tenant). Defaults to the cluster name.
     *
     * @param namespace the namespace
     * @return this builder
     */
    public Builder namespace(String namespace) {
      s.namespace = namespace;
      return this;
    }

    /**
     * The Kubernetes version, {@code v1.MINOR.PATCH}.
     *
     * @param version for example {@code v1.34.2}
     * @return this builder
     */
    public Builder kubernetesVersion(String version) {
      s.kubernetesVersion = version;
      return this;
    }

    /**
     * CAPI with Kamaji (default) or a bare TenantControlPlane.
     *
     * @param mode the mode
     * @return this builder
     */
    public Builder mode(TenantMode mode) {
      s.mode = mode;
      return this;
    }

    /**
     * The Cluster API version of the core objects (default v1beta2).
     *
     * @param version the version
     * @return this builder
     */
    public Builder capiVersion(CapiVersion version) {
      s.capiVersion = version;
      return this;
    }

    /**
     * API server replicas (default 2).
     *
     * @param replicas at least 1
     * @return this builder
     */
    public Builder controlPlaneReplicas(int replicas) {
      s.controlPlaneReplicas = replicas;
      return this;
    }

    /**
     * How Kamaji exposes the API server (default {@code LoadBalancer}).
     *
     * @param serviceType {@code ClusterIP}, {@code NodePort} or {@code LoadBalancer}
     * @return this builder
     */
    public Builder serviceType(String serviceType) {
      s.serviceType = serviceType;
      return this;
    }

    /**
     * The Kamaji DataStore (default: Kamaji's default DataStore).
     *
     * @param dataStore the DataStore name
     * @return this builder
     */
    public Builder dataStore(String dataStore) {
      s.dataStore = dataStore;
      return this;
    }

    /**
     * The control-plane endpoint: the address of the Kamaji API server Service.
     *
     * @param address an IPv4 address
     * @return this builder
     */
    public Builder controlPlaneEndpoint(String address) {
      s.endpoint = address;
      return this;
    }

    /**
     * Proxmox nodes workers may run on (at least one).
     *
     * @param nodes node names
     * @return this builder
     */
    public Builder allowedNodes(List<String> nodes) {
      s.allowedNodes = new ArrayList<>(nodes);
      return this;
    }

    /**
     * The workers' IPv4 pool.
     *
     * @param pool the pool
     * @return this builder
     */
    public Builder ipv4Pool(Ipv4Pool pool) {
      s.ipv4Pool = pool;
      return this;
    }

    /**
     * Adds a worker pool.
     *
     * @param pool the pool
     * @return this builder
     */
    public Builder addWorkerPool(WorkerPool pool) {
      s.workers.add(pool);
      return this;
    }

    /**
     * SSH public keys for the workers' {@code root} user.
     *
     * @param keys OpenSSH public keys
     * @return this builder
     */
    public Builder sshAuthorizedKeys(List<String> keys) {
      s.sshKeys = new ArrayList<>(keys);
      return this;
    }

    /**
     * The pod CIDR (default {@code 10.244.0.0/16}).
     *
     * @param cidr the CIDR
     * @return this builder
     */
    public Builder podCidr(String cidr) {
      s.podCidr = cidr;
      return this;
    }

    /**
     * The service CIDR (default {@code 10.96.0.0/12}).
     *
     * @param cidr the CIDR
     * @return this builder
     */
    public Builder serviceCidr(String cidr) {
      s.serviceCidr = cidr;
      return this;
    }

    /**
     * Labels added to every object.
     *
     * @param labels the labels
     * @return this builder
     */
    public Builder labels(Map<String, String> labels) {
      s.labels = new LinkedHashMap<>(labels);
      return this;
    }

    /**
     * The Secret (in the tenant namespace) with the Proxmox credentials CAPMOX uses (keys {@code
     * url}, {@code token}, {@code secret}). Default {@code <name>-proxmox-credentials}.
     *
     * @param secretName the Secret name
     * @return this builder
     */
    public Builder credentialsSecret(String secretName) {
      s.credentialsSecret = secretName;
      return this;
    }

    /**
     * The tenant's ResourceQuota in the management cluster (default 8 CPUs, 16Gi, 40 pods).
     *
     * @param cpu total CPU requests of the control-plane pods, for example {@code 8}
     * @param memory total memory requests, for example {@code 16Gi}
     * @return this builder
     */
    public Builder quota(String cpu, String memory) {
      s.quotaCpu = cpu;
      s.quotaMemory = memory;
      return this;
    }

    /**
     * The tenants that already exist; a new tenant whose IP ranges, endpoint, VLANs or namespace
     * overlap one of theirs is refused.
     *
     * @param tenants the existing tenants
     * @return this builder
     */
    public Builder existingTenants(List<TenantNetwork> tenants) {
      s.existing = new ArrayList<>(tenants);
      return this;
    }

    /**
     * Checks every input and builds the objects.
     *
     * @return the tenant cluster
     * @throws TenantValidationException listing every problem, each naming field and value
     */
    public TenantCluster build() {
      TenantSpec spec = s.copy();
      List<ValidationError> errors = TenantValidation.validate(spec);
      if (!errors.isEmpty()) {
        throw new TenantValidationException(errors);
      }
      return new TenantCluster(spec, TenantRenderer.render(spec));
    }
  }
}
