package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.math.BigInteger;
import java.util.Optional;
import org.immutables.value.Value;

/** An argument condition of a seccomp rule; values are unsigned 64-bit. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciSyscallArg.class)
@JsonDeserialize(as = ImmutableOciSyscallArg.class)
public interface OciSyscallArg {
  /** Argument index, 0 to 5. */
  @JsonProperty("index")
  int index();

  /** Value, or the mask for {@code SCMP_CMP_MASKED_EQ}. */
  @JsonProperty("value")
  BigInteger value();

  /** Second value: the datum for {@code SCMP_CMP_MASKED_EQ}. */
  @JsonProperty("valueTwo")
  Optional<BigInteger> valueTwo();

  /** Comparison, for example {@code SCMP_CMP_EQ}. */
  @JsonProperty("op")
  String op();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciSyscallArg}. */
  final class Builder extends ImmutableOciSyscallArg.Builder {}
}
