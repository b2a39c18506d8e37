package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** The container's root file system ({@code root}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciRoot.class)
@JsonDeserialize(as = ImmutableOciRoot.class)
public interface OciRoot {
  /** Path to the root file system, absolute or relative to the bundle. */
  @JsonProperty("path")
  String path();

  /** Whether the root file system is mounted read-only. */
  @JsonProperty("readonly")
  @Value.Default
  default boolean readonly() {
    return false;
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciRoot}. */
  final class Builder extends ImmutableOciRoot.Builder {}
}
