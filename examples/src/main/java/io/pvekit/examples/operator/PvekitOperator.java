package io.pvekit.examples.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.pvekit.capi.TenantClusters;
import io.pvekit.runtime.ClickHouse;
import io.pvekit.runtime.DatabaseResource;
import io.pvekit.runtime.Etcd;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.Kafka;
import io.pvekit.runtime.MariaDB;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.PostgreSQL;
import io.pvekit.runtime.RabbitMQ;
import io.pvekit.runtime.Redis;
import io.pvekit.runtime.RuntimeSelector;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An example Kubernetes operator that embeds pvekit, on fabric8 informers: it watches the seven
 * database requests of runtime-selector and this example's {@link TenantClusterRequest}, and
 * reconciles each through a single-threaded work queue.
 *
 * <pre>{@code
 * try (PvekitOperator operator = PvekitOperator.builder().client(kubernetesClient).build()) {
 *   operator.start(); // informers synced, worker running
 *   ...
 * }
 * }</pre>
 */
public final class PvekitOperator implements AutoCloseable {
  /** The model class of each watched database request kind. */
  static final List<Class<? extends DatabaseResource>> DATABASE_TYPES =
      List.of(
          PostgreSQL.class,
          MariaDB.class,
          Redis.class,
          RabbitMQ.class,
          ClickHouse.class,
          Kafka.class,
          Etcd.class);

  private static final String TENANT = "TenantClusterRequest";

  private final KubernetesClient client;
  private final Duration resync;
  private final Duration startTimeout;
  private final Duration tenantPoll;
  private final Consumer<String> log;
  private final DatabaseReconciler databases;
  private final TenantReconciler tenants;
  private final WorkQueue queue;
  private final Map<String, SharedIndexInformer<? extends HasMetadata>> informers =
      new LinkedHashMap<>();

  private PvekitOperator(Builder b) {
    this.client = b.client;
    this.resync = b.resync;
    this.startTimeout = b.startTimeout;
    this.tenantPoll = b.tenantPoll;
    this.log = b.log;
    ResourceApplier applier = new ResourceApplier(client);
    EventRecorder events = new EventRecorder(client, b.clock);
    Supplier<Inventory> inventory =
        b.inventory != null ? b.inventory : () -> Inventory.read(client);
    this.databases =
        new DatabaseReconciler(client, new RuntimeSelector(b.policy), inventory, applier, events);
    this.tenants =
        new TenantReconciler(
            client, TenantClusters.builder().kubernetes(client).build(), applier, events);
    this.queue = new WorkQueue(this::reconcileKey, log);
  }

  /**
   * A builder.
   *
   * @return an empty builder; the client is required
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts an informer per kind and the worker, and waits until every informer has listed its
   * objects (each of which is then queued).
   *
   * @throws IllegalStateException when already started, or when the informers do not sync within
   *     the start timeout
   */
  public void start() {
    if (!informers.isEmpty()) {
      throw new IllegalStateException("already started; build another operator to start again");
    }
    for (Class<? extends DatabaseResource> type : DATABASE_TYPES) {
      inform(HasMetadata.getKind(type), client.resources(type).inAnyNamespace());
    }
    inform(TENANT, client.resources(TenantClusterRequest.class));
    queue.start();
    List<CompletableFuture<Void>> started = new ArrayList<>();
    informers.values().forEach(i -> started.add(i.start().toCompletableFuture()));
    try {
      CompletableFuture.allOf(started.toArray(CompletableFuture[]::new))
          .get(startTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException | TimeoutException e) {
      close();
      throw new IllegalStateException(
          "informers did not start within "
              + startTimeout
              + " (are the CRDs installed and may the operator list them?): "
              + e.getMessage(),
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new IllegalStateException("interrupted while starting the informers", e);
    }
    log.accept("watching " + String.join(", ", informers.keySet()));
  }

  private <T extends HasMetadata> void inform(
      String kind, io.fabric8.kubernetes.client.dsl.Informable<T> source) {
    SharedIndexInformer<T> informer = source.runnableInformer(resync.toMillis());
    informer.addEventHandler(
        new ResourceEventHandler<T>() {
          @Override
          public void onAdd(T obj) {
            queue.add(key(kind, obj));
          }

          @Override
          public void onUpdate(T oldObj, T newObj) {
            queue.add(key(kind, newObj));
          }

          @Override
          public void onDelete(T obj, boolean finalStateUnknown) {
            log.accept(
                kind + " " + name(obj) + ": deleted; Kubernetes garbage-collects what it owned");
          }
        });
    informers.put(kind, informer);
  }

  private static String key(String kind, HasMetadata o) {
    return kind + "/" + name(o);
  }

  private static String name(HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    return ns == null ? o.getMetadata().getName() : ns + "/" + o.getMetadata().getName();
  }

  private void reconcileKey(String key) {
    int slash = key.indexOf('/');
    String kind = key.substring(0, slash);
    Object cached = informers.get(kind).getStore().getByKey(key.substring(slash + 1));
    if (cached == null) {
      return; // deleted since it was queued
    }
    ReconcileResult result =
        cached instanceof TenantClusterRequest t
            ? tenants.reconcile(t)
            : databases.reconcile((DatabaseResource) cached);
    if (!result.changed().isEmpty() || result.note() != null) {
      log.accept(result.toString());
    }
    if (TenantReconciler.PROVISIONING.equals(result.phase())) {
      // nothing tells the operator when Cluster API's machines come up: look again
      queue.addAfter(key, tenantPoll);
    }
  }

  /**
   * Reconciles every request in the cluster once, in the calling thread, without informers: what
   * {@code pvekit operator run --once} does.
   *
   * @return one result per request; a request whose reconcile failed has phase {@code Error}
   */
  public List<ReconcileResult> reconcileAll() {
    List<ReconcileResult> results = new ArrayList<>();
    for (Class<? extends DatabaseResource> type : DATABASE_TYPES) {
      for (DatabaseResource r : client.resources(type).inAnyNamespace().list().getItems()) {
        results.add(guarded(r, () -> databases.reconcile(r)));
      }
    }
    for (TenantClusterRequest r : client.resources(TenantClusterRequest.class).list().getItems()) {
      results.add(guarded(r, () -> tenants.reconcile(r)));
    }
    return results;
  }

  private static ReconcileResult guarded(HasMetadata r, Supplier<ReconcileResult> reconcile) {
    try {
      return reconcile.get();
    } catch (RuntimeException e) {
      return new ReconcileResult(r.getKind() + " " + name(r), "Error", List.of(), e.toString());
    }
  }

  /** Stops the informers and the worker; does not close the client. */
  @Override
  public void close() {
    informers.values().forEach(SharedIndexInformer::stop);
    queue.close();
  }

  /** Builds a {@link PvekitOperator}. */
  public static final class Builder {
    private KubernetesClient client;
    private Policy policy = Policy.defaults();
    private Supplier<Inventory> inventory;
    private Duration resync = Duration.ofMinutes(10);
    private Duration startTimeout = Duration.ofSeconds(60);
    private Duration tenantPoll = Duration.ofSeconds(30);
    private Consumer<String> log = line -> {};
    private Clock clock = Clock.systemUTC();

    Builder() {}

    /**
     * The cluster to operate on (required); not closed by the operator.
     *
     * @param client a fabric8 client
     * @return this builder
     */
    public Builder client(KubernetesClient client) {
      this.client = client;
      return this;
    }

    /**
     * The runtime policy (default {@link Policy#defaults()}).
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder policy(Policy policy) {
      this.policy = policy;
      return this;
    }

    /**
     * Where the inventory comes from on each decision (default: read from the cluster with {@link
     * Inventory#read}).
     *
     * @param inventory the source
     * @return this builder
     */
    public Builder inventory(Supplier<Inventory> inventory) {
      this.inventory = inventory;
      return this;
    }

    /**
     * How often every request is reconciled again even without a change (default 10 minutes).
     *
     * @param resync the period
     * @return this builder
     */
    public Builder resync(Duration resync) {
      this.resync = resync;
      return this;
    }

    /**
     * How long {@link PvekitOperator#start()} waits for the informers (default 60 s).
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = timeout;
      return this;
    }

    /**
     * How often a provisioning tenant's health is read again until it is ready (default 30 s).
     *
     * @param interval the interval
     * @return this builder
     */
    public Builder tenantPoll(Duration interval) {
      this.tenantPoll = interval;
      return this;
    }

    /**
     * Where a line per change and per failure goes (default nowhere).
     *
     * @param log the sink; called from the worker thread
     * @return this builder
     */
    public Builder log(Consumer<String> log) {
      this.log = log;
      return this;
    }

    /**
     * The clock of Event timestamps (default the system clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * Builds the operator (nothing runs until {@code start()}).
     *
     * @return the operator
     * @throws IllegalStateException without a client
     */
    public PvekitOperator build() {
      if (client == null) {
        throw new IllegalStateException("client: set the Kubernetes client to operate on");
      }
      return new PvekitOperator(this);
    }
  }
}
