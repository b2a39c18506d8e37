package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** RDMA limits of one device. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciRdma.class)
@JsonDeserialize(as = ImmutableOciRdma.class)
public interface OciRdma {
  /** Maximum HCA handles. */
  @JsonProperty("hcaHandles")
  OptionalLong hcaHandles();

  /** Maximum HCA objects. */
  @JsonProperty("hcaObjects")
  OptionalLong hcaObjects();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciRdma}. */
  final class Builder extends ImmutableOciRdma.Builder {}
}
