package io.pvekit.capi;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.ProxmoxClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;

/**
 * The lifecycle of tenant clusters in a management cluster: apply, wait, kubeconfig, scale,
 * upgrade, delete and verify. Thread-safe; it does not own (or close) the clients it is given.
 *
 * <pre>{@code
 * TenantClusters tenants = TenantClusters.builder().kubernetes(kube).proxmox(pve).build();
 * tenants.apply(tenant);
 * tenants.waitReady(TenantRef.of(tenant), Duration.ofMinutes(20), System.out::println);
 * String kubeconfig = tenants.kubeconfig(TenantRef.of(tenant));
 * }</pre>
 */
public final class TenantClusters {
  private final KubeStore store;
  private final TenantStatusReader reader;
  private final ProxmoxClient proxmox;
  private final Duration pollInterval;
  private final Clock clock;
  private final TenantWaiter waiter;

  private TenantClusters(Builder b) {
    this.store = new KubeStore(b.kubernetes);
    this.reader = new TenantStatusReader(store);
    this.proxmox = b.proxmox;
    this.pollInterval = b.pollInterval;
    this.clock = b.clock;
    this.waiter = new TenantWaiter(reader, pollInterval, clock);
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
   * Applies every object of the tenant with server-side apply (field manager {@code pvekit}).
   * Applying the same tenant again changes nothing.
   *
   * @param tenant the tenant cluster
   * @return {@code Kind/name} of every applied object, in order
   */
  public List<String> apply(TenantCluster tenant) {
    List<String> applied = new ArrayList<>();
    for (HasMetadata o : tenant.objects()) {
      store.apply(o);
      applied.add(o.getKind() + "/" + o.getMetadata().getName());
    }
    return applied;
  }

  /**
   * Reads the tenant's health once.
   *
   * @param ref the tenant
   * @return the health summary
   */
  public HealthSummary status(TenantRef ref) {
    return reader.read(ref);
  }

  /**
   * Waits until the tenant is ready, reporting progress.
   *
   * @param ref the tenant
   * @param timeout how long to wait
   * @param events receives each progress event once
   * @return the ready health summary
   * @throws TenantClusterException.Timeout when not ready in time (with the last health)
   * @throws TenantClusterException.ProvisioningFailed when a machine failed for good
   */
  public HealthSummary waitReady(TenantRef ref, Duration timeout, Consumer<TenantEvent> events) {
    return waiter.waitFor(ref, timeout, events, HealthSummary::ready, "ready");
  }

  /**
   * The tenant's admin kubeconfig, from the Secret Kamaji writes ({@code <name>-admin-kubeconfig},
   * key {@code admin.conf}, or the one named in the TenantControlPlane's status).
   *
   * @param ref the tenant
   * @return the kubeconfig YAML
   * @throws TenantClusterException.NotFound when Kamaji has not written it (yet)
   */
  public String kubeconfig(TenantRef ref) {
    String secretName =
        store
            .get(TenantControlPlane::new, TenantControlPlane.class, ref.namespace(), ref.name())
            .map(TenantControlPlane::getStatus)
            .map(TenantControlPlane.Status::kubeconfig)
            .map(TenantControlPlane.KubeconfigsStatus::admin)
            .map(TenantControlPlane.SecretStatus::secretName)
            .orElse(ref.name() + "-admin-kubeconfig");
    Secret secret =
        store.client().secrets().inNamespace(ref.namespace()).withName(secretName).get();
    String data =
        secret == null || secret.getData() == null ? null : secret.getData().get("admin.conf");
    if (data == null) {
      throw new TenantClusterException.NotFound(
          "tenant "
              + ref
              + ": no admin kubeconfig in Secret "
              + ref.namespace()
              + "/"
              + secretName
              + " (key admin.conf); Kamaji writes it once the control plane is up: waitReady first");
    }
    return new String(Base64.getDecoder().decode(data), StandardCharsets.UTF_8);
  }

  /**
   * Sets a worker pool's replica count (and the tenant quota's machine count with it).
   *
   * @param ref the tenant (mode CAPI)
   * @param pool the pool name as given to the builder
   * @param replicas the new count, 0 or more
   * @throws TenantClusterException.NotFound when the pool does not exist
   */
  public void scale(TenantRef ref, String pool, int replicas) {
    if (replicas < 0) {
      throw new IllegalArgumentException("replicas: '" + replicas + "' must not be negative");
    }
    requireCapi(ref, "scale");
    CapiVersion v = ref.capiVersion();
    String name = ref.name() + "-" + pool;
    if (store
        .get(() -> new MachineDeployment(v), MachineDeployment.class, ref.namespace(), name)
        .isEmpty()) {
      throw new TenantClusterException.NotFound(
          "tenant " + ref + ": no worker pool '" + pool + "' (MachineDeployment " + name + ")");
    }
    store.mergePatch(
        new MachineDeployment(v),
        ref.namespace(),
        name,
        "{\"spec\":{\"replicas\":" + replicas + "}}");
    int machines = 0;
    for (MachineDeployment md :
        store.list(
            () -> new MachineDeployment(v), MachineDeployment.class, ref.namespace(), ref.name())) {
      Integer r = md.getSpec().replicas();
      machines += (r == null ? 1 : r) + 1;
    }
    var quota =
        store
            .client()
            .resourceQuotas()
            .inNamespace(ref.namespace())
            .withName(ref.name() + "-quota");
    if (quota.get() != null) {
      quota.patch(
          io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
              io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
          "{\"spec\":{\"hard\":{\"count/machines.cluster.x-k8s.io\":\"" + machines + "\"}}}");
    }
  }

  /**
   * Upgrades the Kubernetes version: the control plane first, waiting until it runs the new
   * version, then every worker pool, waiting until all machines are ready again.
   *
   * @param ref the tenant
   * @param version the new version, for example {@code v1.35.0}
   * @param timeout for each of the two phases
   * @param events progress events
   * @return the health after the upgrade
   */
  public HealthSummary upgrade(
      TenantRef ref, String version, Duration timeout, Consumer<TenantEvent> events) {
    String problem = TenantValidation.versionProblem(version);
    if (problem != null) {
      throw new TenantValidationException(
          List.of(new ValidationError("kubernetesVersion", version, problem)));
    }
    if (ref.mode() == TenantMode.KAMAJI_ONLY) {
      store.mergePatch(
          new TenantControlPlane(),
          ref.namespace(),
          ref.name(),
          "{\"spec\":{\"kubernetes\":{\"version\":\"" + version + "\"}}}");
      return waiter.waitFor(
          ref,
          timeout,
          events,
          h -> h.controlPlaneReady() && version.equals(h.controlPlaneVersion()),
          "running " + version);
    }
    store.mergePatch(
        new KamajiControlPlane(),
        ref.namespace(),
        ref.name(),
        "{\"spec\":{\"version\":\"" + version + "\"}}");
    waiter.waitFor(
        ref,
        timeout,
        events,
        h -> h.controlPlaneReady() && version.equals(h.controlPlaneVersion()),
        "control plane at " + version);
    CapiVersion v = ref.capiVersion();
    for (MachineDeployment md :
        store.list(
            () -> new MachineDeployment(v), MachineDeployment.class, ref.namespace(), ref.name())) {
      store.mergePatch(
          new MachineDeployment(v),
          ref.namespace(),
          md.getMetadata().getName(),
          "{\"spec\":{\"template\":{\"spec\":{\"version\":\"" + version + "\"}}}}");
    }
    return waiter.waitFor(
        ref,
        timeout,
        events,
        h ->
            h.ready()
                && h.pools().stream().allMatch(p -> version.equals(p.version()))
                && h.machines().stream().allMatch(m -> version.equals(m.version())),
        "workers at " + version);
  }

  /**
   * Deletes the tenant and checks that nothing is left: the Cluster (or TenantControlPlane) first,
   * so the controllers remove machines and VMs, then the remaining templates, health checks, quota
   * and namespace; then looks for leftover objects and Proxmox VMs of the cluster (named after its
   * MachineDeployments, as CAPMOX names VMs after their machines).
   *
   * @param ref the tenant
   * @param timeout how long to wait for the controllers
   * @return what is left; {@link DeletionReport#clean()} when nothing
   */
  public DeletionReport delete(TenantRef ref, Duration timeout) {
    return new TenantDeletion(store, proxmox, pollInterval, clock).delete(ref, timeout);
  }

  /**
   * The network resources of every tenant in the management cluster, for {@link
   * TenantCluster.Builder#existingTenants}.
   *
   * @return one entry per ProxmoxCluster and per TenantControlPlane without a Cluster
   */
  public List<TenantNetwork> existingTenants() {
    return TenantInventory.read(store);
  }

  private static void requireCapi(TenantRef ref, String what) {
    if (ref.mode() != TenantMode.CAPI) {
      throw new IllegalArgumentException(
          "tenant "
              + ref
              + ": "
              + what
              + " needs mode CAPI; a bare TenantControlPlane has no pools");
    }
  }

  static boolean belongsTo(ClusterResource vm, List<String> prefixes) {
    String name = vm.name().orElse("");
    return !vm.template() && prefixes.stream().anyMatch(name::startsWith);
  }

  /** Builds {@link TenantClusters}. */
  public static final class Builder {
    private KubernetesClient kubernetes;
    private ProxmoxClient proxmox;
    private Duration pollInterval = Duration.ofSeconds(5);
    private Clock clock = Clock.systemUTC();

    Builder() {}

    /**
     * The management cluster (required).
     *
     * @param client a fabric8 client
     * @return this builder
     */
    public Builder kubernetes(KubernetesClient client) {
      this.kubernetes = client;
      return this;
    }

    /**
     * The Proxmox cluster the tenants' VMs run on; needed to verify that deletion left no VM.
     *
     * @param client a pvekit Proxmox client
     * @return this builder
     */
    public Builder proxmox(ProxmoxClient client) {
      this.proxmox = client;
      return this;
    }

    /**
     * How often to read the status while waiting (default 5 s).
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      this.pollInterval = interval;
      return this;
    }

    /**
     * The clock timeouts are measured with (default the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws IllegalStateException without a Kubernetes client
     */
    public TenantClusters build() {
      if (kubernetes == null) {
        throw new IllegalStateException("kubernetes: set the management cluster's client");
      }
      return new TenantClusters(this);
    }
  }
}
