package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** Execution domain ({@code linux.personality}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciPersonality.class)
@JsonDeserialize(as = ImmutableOciPersonality.class)
public interface OciPersonality {
  /** {@code LINUX} or {@code LINUX32}. */
  @JsonProperty("domain")
  String domain();

  /** Personality flags. */
  @JsonProperty("flags")
  List<String> flags();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciPersonality}. */
  final class Builder extends ImmutableOciPersonality.Builder {}
}
