package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** A per-device block I/O weight. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciWeightDevice.class)
@JsonDeserialize(as = ImmutableOciWeightDevice.class)
public interface OciWeightDevice {
  /** Major number. */
  @JsonProperty("major")
  long major();

  /** Minor number. */
  @JsonProperty("minor")
  long minor();

  /** Weight. */
  @JsonProperty("weight")
  OptionalInt weight();

  /** Leaf weight (CFQ). */
  @JsonProperty("leafWeight")
  OptionalInt leafWeight();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciWeightDevice}. */
  final class Builder extends ImmutableOciWeightDevice.Builder {}
}
