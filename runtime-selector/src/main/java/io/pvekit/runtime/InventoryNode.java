package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.Taint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/** One Kubernetes node as the engine sees it: labels, taints, room and runtime handlers. */
@Value.Immutable
public abstract class InventoryNode {
  InventoryNode() {}

  public abstract String name();

  public abstract Map<String, String> labels();

  public abstract List<Taint> taints();

  /** {@code status.allocatable.cpu} in millicores. */
  public abstract long allocatableCpuMillis();

  /** {@code status.allocatable.memory} in bytes. */
  public abstract long allocatableMemoryBytes();

  /** CPU already requested by the pods on the node (overhead included), in millicores. */
  @Value.Default
  public long requestedCpuMillis() {
    return 0;
  }

  /** Memory already requested by the pods on the node (overhead included), in bytes. */
  @Value.Default
  public long requestedMemoryBytes() {
    return 0;
  }

  /** The CRI runtime handlers the node reports in {@code status.runtimeHandlers}. */
  public abstract Set<String> runtimeHandlers();

  /** {@code spec.unschedulable} (cordoned). */
  @Value.Default
  public boolean unschedulable() {
    return false;
  }

  /** Free CPU in millicores. */
  @Value.Derived
  public long freeCpuMillis() {
    return allocatableCpuMillis() - requestedCpuMillis();
  }

  /** Free memory in bytes. */
  @Value.Derived
  public long freeMemoryBytes() {
    return allocatableMemoryBytes() - requestedMemoryBytes();
  }

  /**
   * A builder; name and allocatable resources are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link InventoryNode}. */
  public static final class Builder extends ImmutableInventoryNode.Builder {
    Builder() {}
  }
}
