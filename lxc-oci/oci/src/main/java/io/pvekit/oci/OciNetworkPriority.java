package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import org.immutables.value.Value;

/** A net_prio priority of one interface. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciNetworkPriority.class)
@JsonDeserialize(as = ImmutableOciNetworkPriority.class)
public interface OciNetworkPriority {
  /** Interface name. */
  @JsonProperty("name")
  String name();

  /** Priority. */
  @JsonProperty("priority")
  long priority();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciNetworkPriority}. */
  final class Builder extends ImmutableOciNetworkPriority.Builder {}
}
