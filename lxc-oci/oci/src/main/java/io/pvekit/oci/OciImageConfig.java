package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** An image configuration: platform, the defaults for the container and the layer diff ids. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciImageConfig.class)
@JsonDeserialize(as = ImmutableOciImageConfig.class)
public interface OciImageConfig {
  /** When the image was created (RFC 3339). */
  @JsonProperty("created")
  Optional<String> created();

  /** Who made the image. */
  @JsonProperty("author")
  Optional<String> author();

  /** CPU architecture. */
  @JsonProperty("architecture")
  String architecture();

  /** Operating system. */
  @JsonProperty("os")
  String os();

  /** CPU variant. */
  @JsonProperty("variant")
  Optional<String> variant();

  /** Defaults for a container from this image. */
  @JsonProperty("config")
  Optional<OciImageRuntimeConfig> config();

  /** The layers' uncompressed digests. */
  @JsonProperty("rootfs")
  OciImageRootfs rootfs();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciImageConfig}. */
  final class Builder extends ImmutableOciImageConfig.Builder {}
}
