package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** CPU affinity while the runtime execs the process ({@code process.execCPUAffinity}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciCpuAffinity.class)
@JsonDeserialize(as = ImmutableOciCpuAffinity.class)
public interface OciCpuAffinity {
  /** Affinity before the process is moved to its cgroup. */
  @JsonProperty("initial")
  Optional<String> initial();

  /** Affinity after the process is moved to its cgroup. */
  @JsonProperty("final")
  Optional<String> finalCpus();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciCpuAffinity}. */
  final class Builder extends ImmutableOciCpuAffinity.Builder {}
}
