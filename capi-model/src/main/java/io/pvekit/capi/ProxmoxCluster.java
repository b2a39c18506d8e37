package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * CAPMOX's {@code ProxmoxCluster} ({@code infrastructure.cluster.x-k8s.io/v1alpha2}, CAPMOX v0.9).
 * With Kamaji the control plane runs outside Proxmox: {@code externalManagedControlPlane} must be
 * true and {@code controlPlaneEndpoint} must equal the control plane's service address.
 */
public final class ProxmoxCluster extends CapiResource<ProxmoxCluster.Spec, ProxmoxCluster.Status> {
  private static final long serialVersionUID = 1L;

  /** The API version ({@code infrastructure.cluster.x-k8s.io/v1alpha2}). */
  public static final String API_VERSION = "infrastructure.cluster.x-k8s.io/v1alpha2";

  /** An empty ProxmoxCluster. */
  public ProxmoxCluster() {
    super(API_VERSION, "ProxmoxCluster");
  }

  /**
   * The spec.
   *
   * @param controlPlaneEndpoint the API server endpoint
   * @param externalManagedControlPlane true when the control plane is not made of Proxmox VMs
   * @param allowedNodes Proxmox nodes machines may be placed on
   * @param ipv4Config the IPv4 pool for machines (CAPMOX turns it into an InClusterIPPool)
   * @param dnsServers DNS servers for machines (at least one)
   * @param credentialsRef the Secret with {@code url}, {@code token}, {@code secret}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      ApiEndpoint controlPlaneEndpoint,
      Boolean externalManagedControlPlane,
      List<String> allowedNodes,
      IpConfig ipv4Config,
      List<String> dnsServers,
      SecretRef credentialsRef) {}

  /**
   * An IP pool configuration.
   *
   * @param addresses ranges ({@code a.b.c.d-a.b.c.e}), CIDRs or single addresses
   * @param prefix the network prefix length
   * @param gateway the default gateway
   * @param metric the route metric (CAPMOX defaults it to 100)
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record IpConfig(List<String> addresses, Integer prefix, String gateway, Integer metric) {}

  /**
   * A Secret reference.
   *
   * @param name the Secret name
   * @param namespace the Secret namespace
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SecretRef(String name, String namespace) {}

  /**
   * The observed state.
   *
   * @param conditions the conditions (v1beta2 style)
   * @param initialization provisioning flags
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(List<Condition> conditions, Initialization initialization) {}

  /**
   * Provisioning flags.
   *
   * @param provisioned the infrastructure is ready
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Initialization(Boolean provisioned) {}
}
