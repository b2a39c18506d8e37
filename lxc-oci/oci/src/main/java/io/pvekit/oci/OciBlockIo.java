package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** Block I/O limits ({@code linux.resources.blockIO}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciBlockIo.class)
@JsonDeserialize(as = ImmutableOciBlockIo.class)
public interface OciBlockIo {
  /** Default weight. */
  @JsonProperty("weight")
  OptionalInt weight();

  /** Weight for tasks of the cgroup itself (CFQ). */
  @JsonProperty("leafWeight")
  OptionalInt leafWeight();

  /** Per-device weights. */
  @JsonProperty("weightDevice")
  List<OciWeightDevice> weightDevice();

  /** Read bytes per second. */
  @JsonProperty("throttleReadBpsDevice")
  List<OciThrottleDevice> throttleReadBpsDevice();

  /** Write bytes per second. */
  @JsonProperty("throttleWriteBpsDevice")
  List<OciThrottleDevice> throttleWriteBpsDevice();

  /** Read operations per second. */
  @JsonProperty("throttleReadIOPSDevice")
  List<OciThrottleDevice> throttleReadIopsDevice();

  /** Write operations per second. */
  @JsonProperty("throttleWriteIOPSDevice")
  List<OciThrottleDevice> throttleWriteIopsDevice();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciBlockIo}. */
  final class Builder extends ImmutableOciBlockIo.Builder {}
}
