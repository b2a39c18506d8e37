package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** Scheduling policy ({@code process.scheduler}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciScheduler.class)
@JsonDeserialize(as = ImmutableOciScheduler.class)
public interface OciScheduler {
  /** Policy, for example {@code SCHED_OTHER}. */
  @JsonProperty("policy")
  String policy();

  /** Nice value. */
  @JsonProperty("nice")
  OptionalInt nice();

  /** Static priority. */
  @JsonProperty("priority")
  OptionalInt priority();

  /** Scheduler flags. */
  @JsonProperty("flags")
  List<String> flags();

  /** SCHED_DEADLINE runtime. */
  @JsonProperty("runtime")
  OptionalLong runtime();

  /** SCHED_DEADLINE deadline. */
  @JsonProperty("deadline")
  OptionalLong deadline();

  /** SCHED_DEADLINE period. */
  @JsonProperty("period")
  OptionalLong period();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciScheduler}. */
  final class Builder extends ImmutableOciScheduler.Builder {}
}
