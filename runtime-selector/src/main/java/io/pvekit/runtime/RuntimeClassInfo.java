package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/** A RuntimeClass: its handler, per-pod overhead and scheduling. */
@Value.Immutable
public abstract class RuntimeClassInfo {
  RuntimeClassInfo() {}

  public abstract String name();

  /** The CRI handler, e.g. {@code proxmox-lxc} or {@code kata-qemu}. */
  public abstract String handler();

  /** {@code overhead.podFixed.cpu} in millicores, counted on top of every pod's requests. */
  @Value.Default
  public long overheadCpuMillis() {
    return 0;
  }

  /** {@code overhead.podFixed.memory} in bytes. */
  @Value.Default
  public long overheadMemoryBytes() {
    return 0;
  }

  /** {@code scheduling.nodeSelector}. */
  public abstract Map<String, String> nodeSelector();

  /** {@code scheduling.tolerations}. */
  public abstract List<Toleration> tolerations();

  /**
   * A builder; name and handler are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link RuntimeClassInfo}. */
  public static final class Builder extends ImmutableRuntimeClassInfo.Builder {
    Builder() {}
  }
}
