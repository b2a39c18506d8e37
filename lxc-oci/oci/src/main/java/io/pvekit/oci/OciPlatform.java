package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** The platform an image runs on. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciPlatform.class)
@JsonDeserialize(as = ImmutableOciPlatform.class)
public interface OciPlatform {
  /** CPU architecture, for example {@code amd64}. */
  @JsonProperty("architecture")
  String architecture();

  /** Operating system, for example {@code linux}. */
  @JsonProperty("os")
  String os();

  /** Operating system version. */
  @JsonProperty("os.version")
  Optional<String> osVersion();

  /** Required operating system features. */
  @JsonProperty("os.features")
  List<String> osFeatures();

  /** CPU variant, for example {@code v8}. */
  @JsonProperty("variant")
  Optional<String> variant();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciPlatform}. */
  final class Builder extends ImmutableOciPlatform.Builder {}
}
