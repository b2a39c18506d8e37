package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** Memory limits ({@code linux.resources.memory}), in bytes. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciMemory.class)
@JsonDeserialize(as = ImmutableOciMemory.class)
public interface OciMemory {
  /** Memory limit; -1 is unlimited. */
  @JsonProperty("limit")
  OptionalLong limit();

  /** Soft limit. */
  @JsonProperty("reservation")
  OptionalLong reservation();

  /** Memory plus swap limit; -1 is unlimited. */
  @JsonProperty("swap")
  OptionalLong swap();

  /** Deprecated kernel memory limit. */
  @JsonProperty("kernel")
  OptionalLong kernel();

  /** Kernel TCP buffer limit. */
  @JsonProperty("kernelTCP")
  OptionalLong kernelTcp();

  /** Swappiness, 0 to 100. */
  @JsonProperty("swappiness")
  OptionalLong swappiness();

  /** Whether to disable the OOM killer. */
  @JsonProperty("disableOOMKiller")
  Optional<Boolean> disableOomKiller();

  /** Hierarchical accounting (cgroup v1). */
  @JsonProperty("useHierarchy")
  Optional<Boolean> useHierarchy();

  /** Check usage before lowering the limit on update. */
  @JsonProperty("checkBeforeUpdate")
  Optional<Boolean> checkBeforeUpdate();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciMemory}. */
  final class Builder extends ImmutableOciMemory.Builder {}
}
