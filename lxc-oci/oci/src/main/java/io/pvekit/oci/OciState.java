package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** The container state the runtime reports and passes to hooks on their standard input. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciState.class)
@JsonDeserialize(as = ImmutableOciState.class)
public interface OciState {
  /** Runtime-spec version of the state. */
  @JsonProperty("ociVersion")
  String ociVersion();

  /** Container id. */
  @JsonProperty("id")
  String id();

  /** {@code creating}, {@code created}, {@code running} or {@code stopped}. */
  @JsonProperty("status")
  String status();

  /** Process id of the container process, as seen by the runtime. */
  @JsonProperty("pid")
  OptionalInt pid();

  /** Absolute path of the bundle. */
  @JsonProperty("bundle")
  String bundle();

  /** The annotations of the bundle. */
  @JsonProperty("annotations")
  Map<String, String> annotations();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciState}. */
  final class Builder extends ImmutableOciState.Builder {}
}
