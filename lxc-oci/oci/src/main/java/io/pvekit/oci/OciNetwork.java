package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** net_cls and net_prio settings ({@code linux.resources.network}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciNetwork.class)
@JsonDeserialize(as = ImmutableOciNetwork.class)
public interface OciNetwork {
  /** net_cls class id. */
  @JsonProperty("classID")
  OptionalLong classId();

  /** net_prio priorities per interface. */
  @JsonProperty("priorities")
  List<OciNetworkPriority> priorities();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciNetwork}. */
  final class Builder extends ImmutableOciNetwork.Builder {}
}
