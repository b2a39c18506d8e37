package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The in-cluster IPAM provider's {@code InClusterIPPool} ({@code ipam.cluster.x-k8s.io/v1alpha2}).
 * CAPMOX creates one from each ProxmoxCluster's {@code ipv4Config}; declare more for additional
 * network devices.
 */
public final class InClusterIPPool
    extends CapiResource<InClusterIPPool.Spec, InClusterIPPool.Status> {
  private static final long serialVersionUID = 1L;

  /** The API version. */
  public static final String API_VERSION = "ipam.cluster.x-k8s.io/v1alpha2";

  /** An empty InClusterIPPool. */
  public InClusterIPPool() {
    super(API_VERSION, "InClusterIPPool");
  }

  /**
   * The spec.
   *
   * @param addresses ranges, CIDRs or single addresses
   * @param prefix the prefix length
   * @param gateway the gateway (never handed out)
   * @param excludedAddresses addresses never handed out
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      List<String> addresses, Integer prefix, String gateway, List<String> excludedAddresses) {}

  /**
   * The observed state.
   *
   * @param ipAddresses address counts
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(AddressCounts ipAddresses) {}

  /**
   * Address counts.
   *
   * @param total addresses in the pool
   * @param used addresses handed out
   * @param free addresses left
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record AddressCounts(Integer total, Integer used, Integer free) {}
}
