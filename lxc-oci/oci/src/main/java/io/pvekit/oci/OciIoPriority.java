package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** I/O priority ({@code process.ioPriority}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciIoPriority.class)
@JsonDeserialize(as = ImmutableOciIoPriority.class)
public interface OciIoPriority {
  /** Class, for example {@code IOPRIO_CLASS_BE}. */
  @JsonProperty("class")
  String ioClass();

  /** Priority within the class. */
  @JsonProperty("priority")
  int priority();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciIoPriority}. */
  final class Builder extends ImmutableOciIoPriority.Builder {}
}
