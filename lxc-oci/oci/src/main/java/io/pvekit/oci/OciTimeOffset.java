package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** A clock offset of the time namespace. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciTimeOffset.class)
@JsonDeserialize(as = ImmutableOciTimeOffset.class)
public interface OciTimeOffset {
  /** Seconds. */
  @JsonProperty("secs")
  OptionalLong secs();

  /** Nanoseconds. */
  @JsonProperty("nanosecs")
  OptionalLong nanosecs();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciTimeOffset}. */
  final class Builder extends ImmutableOciTimeOffset.Builder {}
}
