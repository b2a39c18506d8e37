package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigInteger;
import org.immutables.value.Value;

/** One resource limit ({@code process.rlimits[]}); values are unsigned 64-bit. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciRlimit.class)
@JsonDeserialize(as = ImmutableOciRlimit.class)
public interface OciRlimit {
  /** Limit name such as {@code RLIMIT_NOFILE}. */
  @JsonProperty("type")
  String type();

  /** Soft limit. */
  @JsonProperty("soft")
  BigInteger soft();

  /** Hard limit. */
  @JsonProperty("hard")
  BigInteger hard();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciRlimit}. */
  final class Builder extends ImmutableOciRlimit.Builder {}
}
