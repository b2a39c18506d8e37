package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A huge page limit. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciHugepageLimit.class)
@JsonDeserialize(as = ImmutableOciHugepageLimit.class)
public interface OciHugepageLimit {
  /** Page size such as {@code 2MB}. */
  @JsonProperty("pageSize")
  String pageSize();

  /** Limit in bytes. */
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

  /** Builds an {@link OciHugepageLimit}. */
  final class Builder extends ImmutableOciHugepageLimit.Builder {}
}
