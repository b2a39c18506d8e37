package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Optional;
import org.immutables.value.Value;

/** One namespace ({@code linux.namespaces[]}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciNamespace.class)
@JsonDeserialize(as = ImmutableOciNamespace.class)
public interface OciNamespace {
  /** Type: pid, network, mount, ipc, uts, user, cgroup or time. */
  @JsonProperty("type")
  String type();

  /** Namespace file to join instead of creating a new namespace. */
  @JsonProperty("path")
  Optional<String> path();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciNamespace}. */
  final class Builder extends ImmutableOciNamespace.Builder {}
}
