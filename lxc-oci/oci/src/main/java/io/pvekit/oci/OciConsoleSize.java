package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** Terminal size ({@code process.consoleSize}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciConsoleSize.class)
@JsonDeserialize(as = ImmutableOciConsoleSize.class)
public interface OciConsoleSize {
  /** Rows. */
  @JsonProperty("height")
  long height();

  /** Columns. */
  @JsonProperty("width")
  long width();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciConsoleSize}. */
  final class Builder extends ImmutableOciConsoleSize.Builder {}
}
