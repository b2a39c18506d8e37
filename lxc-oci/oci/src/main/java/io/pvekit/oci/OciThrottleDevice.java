package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A per-device block I/O rate limit. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciThrottleDevice.class)
@JsonDeserialize(as = ImmutableOciThrottleDevice.class)
public interface OciThrottleDevice {
  /** Major number. */
  @JsonProperty("major")
  long major();

  /** Minor number. */
  @JsonProperty("minor")
  long minor();

  /** Rate per second. */
  @JsonProperty("rate")
  long rate();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciThrottleDevice}. */
  final class Builder extends ImmutableOciThrottleDevice.Builder {}
}
