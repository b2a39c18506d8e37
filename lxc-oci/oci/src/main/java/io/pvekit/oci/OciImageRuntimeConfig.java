package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** The {@code config} of an image configuration: defaults for containers. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciImageRuntimeConfig.class)
@JsonDeserialize(as = ImmutableOciImageRuntimeConfig.class)
public interface OciImageRuntimeConfig {
  /** {@code user}, {@code uid}, {@code user:group} or {@code uid:gid}. */
  @JsonProperty("User")
  Optional<String> user();

  /** Ports, keys like {@code 8080/tcp}. */
  @JsonProperty("ExposedPorts")
  Map<String, Object> exposedPorts();

  /** Environment in {@code KEY=value} form. */
  @JsonProperty("Env")
  List<String> env();

  /** Command prefix. */
  @JsonProperty("Entrypoint")
  List<String> entrypoint();

  /** Default arguments. */
  @JsonProperty("Cmd")
  List<String> cmd();

  /** Paths of volumes. */
  @JsonProperty("Volumes")
  Map<String, Object> volumes();

  /** Working directory. */
  @JsonProperty("WorkingDir")
  Optional<String> workingDir();

  /** Labels. */
  @JsonProperty("Labels")
  Map<String, String> labels();

  /** Signal that stops the container. */
  @JsonProperty("StopSignal")
  Optional<String> stopSignal();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciImageRuntimeConfig}. */
  final class Builder extends ImmutableOciImageRuntimeConfig.Builder {}
}
