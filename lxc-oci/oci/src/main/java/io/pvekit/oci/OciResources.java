package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Cgroup resource limits ({@code linux.resources}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciResources.class)
@JsonDeserialize(as = ImmutableOciResources.class)
public interface OciResources {
  /** Device cgroup rules, applied in order. */
  @JsonProperty("devices")
  List<OciDeviceRule> devices();

  /** Memory limits. */
  @JsonProperty("memory")
  Optional<OciMemory> memory();

  /** CPU limits. */
  @JsonProperty("cpu")
  Optional<OciCpu> cpu();

  /** Process number limit. */
  @JsonProperty("pids")
  Optional<OciPids> pids();

  /** Block I/O limits. */
  @JsonProperty("blockIO")
  Optional<OciBlockIo> blockIo();

  /** Huge page limits. */
  @JsonProperty("hugepageLimits")
  List<OciHugepageLimit> hugepageLimits();

  /** net_cls / net_prio settings. */
  @JsonProperty("network")
  Optional<OciNetwork> network();

  /** RDMA limits keyed by device name. */
  @JsonProperty("rdma")
  Map<String, OciRdma> rdma();

  /** Raw cgroup v2 files and values. */
  @JsonProperty("unified")
  Map<String, String> unified();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciResources}. */
  final class Builder extends ImmutableOciResources.Builder {}
}
