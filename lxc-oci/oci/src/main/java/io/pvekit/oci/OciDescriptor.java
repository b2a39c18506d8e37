package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** A content descriptor of the OCI image spec: what a blob is, its digest and size. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciDescriptor.class)
@JsonDeserialize(as = ImmutableOciDescriptor.class)
public interface OciDescriptor {
  /** Media type of the referenced content. */
  @JsonProperty("mediaType")
  String mediaType();

  /** Digest, for example {@code sha256:...}. */
  @JsonProperty("digest")
  String digest();

  /** Size in bytes. */
  @JsonProperty("size")
  long size();

  /** Where else the content can be fetched. */
  @JsonProperty("urls")
  List<String> urls();

  /** Annotations, such as {@code org.opencontainers.image.ref.name}. */
  @JsonProperty("annotations")
  Map<String, String> annotations();

  /** Platform of a manifest in an index. */
  @JsonProperty("platform")
  Optional<OciPlatform> platform();

  /** Artifact type (image-spec 1.1). */
  @JsonProperty("artifactType")
  Optional<String> artifactType();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciDescriptor}. */
  final class Builder extends ImmutableOciDescriptor.Builder {}
}
