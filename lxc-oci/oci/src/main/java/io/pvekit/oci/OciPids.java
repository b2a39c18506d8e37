package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Process number limit ({@code linux.resources.pids}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciPids.class)
@JsonDeserialize(as = ImmutableOciPids.class)
public interface OciPids {
  /** Maximum number of tasks; 0 or negative is unlimited. */
  @JsonProperty("limit")
  long limit();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciPids}. */
  final class Builder extends ImmutableOciPids.Builder {}
}
