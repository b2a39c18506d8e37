package io.pvekit.checks;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.pvekit.proxmox.ProxmoxClient;
import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * What checks run against: the management cluster's Kubernetes client, the Proxmox VE client, the
 * settings and a clock, plus a per-run cache so that checks reading the same list (all pods, all
 * nodes) ask the API once. Thread-safe.
 */
public final class CheckContext {
  private final KubernetesClient kubernetes;
  private final ProxmoxClient proxmox;
  private final CheckSettings settings;
  private final Clock clock;
  private final ConcurrentMap<String, CompletableFuture<Object>> cache = new ConcurrentHashMap<>();

  private CheckContext(
      KubernetesClient kubernetes, ProxmoxClient proxmox, CheckSettings settings, Clock clock) {
    this.kubernetes = Objects.requireNonNull(kubernetes, "kubernetes");
    this.proxmox = Objects.requireNonNull(proxmox, "proxmox");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * A context with default settings and the system clock.
   *
   * @param kubernetes the management cluster
   * @param proxmox the Proxmox VE API
   * @return the context
   */
  public static CheckContext of(KubernetesClient kubernetes, ProxmoxClient proxmox) {
    return of(kubernetes, proxmox, CheckSettings.defaults(), Clock.systemUTC());
  }

  /**
   * A context.
   *
   * @param kubernetes the management cluster
   * @param proxmox the Proxmox VE API
   * @param settings what the checks expect
   * @param clock the clock for ages and skews
   * @return the context
   */
  public static CheckContext of(
      KubernetesClient kubernetes, ProxmoxClient proxmox, CheckSettings settings, Clock clock) {
    return new CheckContext(kubernetes, proxmox, settings, clock);
  }

  /**
   * The management cluster.
   *
   * @return the client
   */
  public KubernetesClient kubernetes() {
    return kubernetes;
  }

  /**
   * The Proxmox VE API.
   *
   * @return the client
   */
  public ProxmoxClient proxmox() {
    return proxmox;
  }

  /**
   * What the checks expect.
   *
   * @return the settings
   */
  public CheckSettings settings() {
    return settings;
  }

  /**
   * The clock.
   *
   * @return the clock
   */
  public Clock clock() {
    return clock;
  }

  /**
   * The value for {@code key}, loaded once per context: concurrent callers wait for the first load,
   * and a load that failed fails every caller with the same exception.
   *
   * @param key what is loaded, for example {@code k8s:pods}
   * @param loader loads it
   * @param <T> its type
   * @return the value
   * @throws Exception what the loader threw
   */
  @SuppressWarnings("unchecked")
  public <T> T cached(String key, Supplier<T> loader) throws Exception {
    CompletableFuture<Object> mine = new CompletableFuture<>();
    CompletableFuture<Object> existing = cache.putIfAbsent(key, mine);
    if (existing == null) {
      try {
        mine.complete(loader.get());
      } catch (RuntimeException | Error e) {
        mine.completeExceptionally(e);
      }
      existing = mine;
    }
    try {
      return (T) existing.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception) {
        throw (Exception) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw e;
    }
  }
}
