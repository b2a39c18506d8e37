package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** CPU limits ({@code linux.resources.cpu}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciCpu.class)
@JsonDeserialize(as = ImmutableOciCpu.class)
public interface OciCpu {
  /** Relative weight (cgroup v1 shares). */
  @JsonProperty("shares")
  OptionalLong shares();

  /** CFS quota in microseconds per period; -1 is unlimited. */
  @JsonProperty("quota")
  OptionalLong quota();

  /** CFS burst in microseconds. */
  @JsonProperty("burst")
  OptionalLong burst();

  /** CFS period in microseconds. */
  @JsonProperty("period")
  OptionalLong period();

  /** Realtime runtime in microseconds. */
  @JsonProperty("realtimeRuntime")
  OptionalLong realtimeRuntime();

  /** Realtime period in microseconds. */
  @JsonProperty("realtimePeriod")
  OptionalLong realtimePeriod();

  /** CPUs, for example {@code 0-3,7}. */
  @JsonProperty("cpus")
  Optional<String> cpus();

  /** Memory nodes. */
  @JsonProperty("mems")
  Optional<String> mems();

  /** SCHED_IDLE for the cgroup (1) or not (0). */
  @JsonProperty("idle")
  OptionalLong idle();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciCpu}. */
  final class Builder extends ImmutableOciCpu.Builder {}
}
