package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** A device node to create ({@code linux.devices[]}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciDevice.class)
@JsonDeserialize(as = ImmutableOciDevice.class)
public interface OciDevice {
  /** {@code c}, {@code b}, {@code u} or {@code p}. */
  @JsonProperty("type")
  String type();

  /** Path in the container. */
  @JsonProperty("path")
  String path();

  /** Major number. */
  @JsonProperty("major")
  OptionalLong major();

  /** Minor number. */
  @JsonProperty("minor")
  OptionalLong minor();

  /** Permission bits. */
  @JsonProperty("fileMode")
  OptionalInt fileMode();

  /** Owner. */
  @JsonProperty("uid")
  OptionalLong uid();

  /** Group. */
  @JsonProperty("gid")
  OptionalLong gid();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciDevice}. */
  final class Builder extends ImmutableOciDevice.Builder {}
}
