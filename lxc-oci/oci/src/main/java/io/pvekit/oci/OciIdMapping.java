package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A range of ids mapped from the container to the host. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciIdMapping.class)
@JsonDeserialize(as = ImmutableOciIdMapping.class)
public interface OciIdMapping {
  /** First id in the container. */
  @JsonProperty("containerID")
  long containerId();

  /** First id on the host. */
  @JsonProperty("hostID")
  long hostId();

  /** Number of ids. */
  @JsonProperty("size")
  long size();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciIdMapping}. */
  final class Builder extends ImmutableOciIdMapping.Builder {}
}
