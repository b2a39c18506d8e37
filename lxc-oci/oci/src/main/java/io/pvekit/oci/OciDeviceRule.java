package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** A device cgroup rule ({@code linux.resources.devices[]}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciDeviceRule.class)
@JsonDeserialize(as = ImmutableOciDeviceRule.class)
public interface OciDeviceRule {
  /** Whether the rule allows or denies. */
  @JsonProperty("allow")
  boolean allow();

  /** {@code a}, {@code c} or {@code b}; absent means all. */
  @JsonProperty("type")
  Optional<String> type();

  /** Major number; absent means all. */
  @JsonProperty("major")
  OptionalLong major();

  /** Minor number; absent means all. */
  @JsonProperty("minor")
  OptionalLong minor();

  /** Any of {@code r}, {@code w}, {@code m}. */
  @JsonProperty("access")
  Optional<String> access();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciDeviceRule}. */
  final class Builder extends ImmutableOciDeviceRule.Builder {}
}
