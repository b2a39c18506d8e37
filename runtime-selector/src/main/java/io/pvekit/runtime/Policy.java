package io.pvekit.runtime;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/** The administrator's rules: engine defaults, RuntimeClass names, who may use what, limits. */
@Value.Immutable
public abstract class Policy {
  /** Node label an administrator sets on Proxmox nodes that can run LXC pods. */
  public static final String LXC_NODE_LABEL = "runtime.proxmox.io/lxc";

  Policy() {}

  /** Runtime for {@code runtime: auto} per engine; the engine's preference when absent. */
  public abstract Map<DatabaseEngine, WorkloadRuntime> engineDefaults();

  /**
   * The runtime {@code auto} resolves to for an engine.
   *
   * @param engine the engine
   * @return the runtime
   */
  public WorkloadRuntime defaultRuntime(DatabaseEngine engine) {
    return engineDefaults().getOrDefault(engine, engine.preferredRuntime());
  }

  /** The RuntimeClass LXC pods use. */
  @Value.Default
  public String lxcRuntimeClass() {
    return "proxmox-lxc";
  }

  /** The RuntimeClass VM pods use. */
  @Value.Default
  public String vmRuntimeClass() {
    return "kata";
  }

  /** Runtimes a tenant may use when its namespace does not say. */
  @Value.Default
  public Set<WorkloadRuntime> defaultAllowedRuntimes() {
    return EnumSet.allOf(WorkloadRuntime.class);
  }

  @Value.Default
  public int maxReplicas() {
    return 9;
  }

  /** The most CPU one database pod may request, in millicores. */
  @Value.Default
  public long maxCpuMillisPerPod() {
    return 32_000;
  }

  /** The most memory one database pod may request, in bytes. */
  @Value.Default
  public long maxMemoryBytesPerPod() {
    return 256L << 30;
  }

  /**
   * The RuntimeClass name of a runtime.
   *
   * @param runtime the runtime
   * @return the class, or null for {@link WorkloadRuntime#POD}
   */
  public String runtimeClassOf(WorkloadRuntime runtime) {
    switch (runtime) {
      case LXC:
        return lxcRuntimeClass();
      case VM:
        return vmRuntimeClass();
      default:
        return null;
    }
  }

  /**
   * The defaults: PostgreSQL, MariaDB, Redis and RabbitMQ prefer LXC; ClickHouse, Kafka and etcd
   * prefer VM; every runtime allowed; {@code proxmox-lxc} and {@code kata}.
   *
   * @return the default policy
   */
  public static Policy defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Policy}. */
  public static final class Builder extends ImmutablePolicy.Builder {
    Builder() {}
  }
}
