package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** The {@code rootfs} of an image configuration. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciImageRootfs.class)
@JsonDeserialize(as = ImmutableOciImageRootfs.class)
public interface OciImageRootfs {
  /** Always {@code layers}. */
  @JsonProperty("type")
  String type();

  /** Digests of the uncompressed layers, in order. */
  @JsonProperty("diff_ids")
  List<String> diffIds();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciImageRootfs}. */
  final class Builder extends ImmutableOciImageRootfs.Builder {}
}
