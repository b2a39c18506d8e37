package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** Intel RDT settings ({@code linux.intelRdt}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciIntelRdt.class)
@JsonDeserialize(as = ImmutableOciIntelRdt.class)
public interface OciIntelRdt {
  /** Class of service. */
  @JsonProperty("closID")
  Optional<String> closId();

  /** L3 cache schema. */
  @JsonProperty("l3CacheSchema")
  Optional<String> l3CacheSchema();

  /** Memory bandwidth schema. */
  @JsonProperty("memBwSchema")
  Optional<String> memBwSchema();

  /** Raw schemata lines (runtime-spec 1.2). */
  @JsonProperty("schemata")
  List<String> schemata();

  /** Enable resctrl monitoring. */
  @JsonProperty("enableMonitoring")
  Optional<Boolean> enableMonitoring();

  /** Enable cache monitoring. */
  @JsonProperty("enableCMT")
  Optional<Boolean> enableCmt();

  /** Enable memory bandwidth monitoring. */
  @JsonProperty("enableMBM")
  Optional<Boolean> enableMbm();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciIntelRdt}. */
  final class Builder extends ImmutableOciIntelRdt.Builder {}
}
