package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** Capability sets ({@code process.capabilities}), names like {@code CAP_CHOWN}. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciCapabilities.class)
@JsonDeserialize(as = ImmutableOciCapabilities.class)
public interface OciCapabilities {
  /** Bounding set. */
  @JsonProperty("bounding")
  List<String> bounding();

  /** Effective set. */
  @JsonProperty("effective")
  List<String> effective();

  /** Inheritable set. */
  @JsonProperty("inheritable")
  List<String> inheritable();

  /** Permitted set. */
  @JsonProperty("permitted")
  List<String> permitted();

  /** Ambient set. */
  @JsonProperty("ambient")
  List<String> ambient();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciCapabilities}. */
  final class Builder extends ImmutableOciCapabilities.Builder {}
}
