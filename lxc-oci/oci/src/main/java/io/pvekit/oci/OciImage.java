package io.pvekit.oci;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One image of an {@link OciImageLayout}, resolved for a platform: its manifest's digest, its
 * configuration and its layers, all verified against their digests when they were read. Unpack it
 * with {@link ImageUnpacker}.
 */
@Value.Immutable
public interface OciImage {
  /** The layout directory the image's blobs are in. */
  Path layout();

  /** The tag it was resolved from ({@code org.opencontainers.image.ref.name}), if any. */
  String reference();

  /** The manifest's descriptor. */
  OciDescriptor manifest();

  /** The image configuration. */
  OciImageConfig config();

  /** The layers, bottom first. */
  List<OciDescriptor> layers();

  /** The manifest's annotations. */
  Map<String, String> annotations();

  /**
   * The platform of the image, from its configuration.
   *
   * @return for example {@code linux/amd64}
   */
  default String platform() {
    return config().os()
        + "/"
        + config().architecture()
        + config().variant().map(v -> "/" + v).orElse("");
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciImage}. */
  final class Builder extends ImmutableOciImage.Builder {}
}
