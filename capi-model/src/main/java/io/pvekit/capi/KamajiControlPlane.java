package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The Kamaji Cluster API control-plane provider's {@code KamajiControlPlane} ({@code
 * controlplane.cluster.x-k8s.io/v1alpha2}; provider v0.20 serves only v1alpha2). It is the
 * Cluster's {@code controlPlaneRef}; the provider creates the TenantControlPlane from it.
 */
public final class KamajiControlPlane
    extends CapiResource<KamajiControlPlane.Spec, KamajiControlPlane.Status> {
  private static final long serialVersionUID = 1L;

  /** The API version. */
  public static final String API_VERSION = "controlplane.cluster.x-k8s.io/v1alpha2";

  /** An empty KamajiControlPlane. */
  public KamajiControlPlane() {
    super(API_VERSION, "KamajiControlPlane");
  }

  /**
   * The spec.
   *
   * @param dataStoreName the Kamaji DataStore
   * @param addons addons to install
   * @param kubelet kubelet settings for joining nodes
   * @param network how the API server is exposed
   * @param replicas API server replicas
   * @param version the Kubernetes version, for example {@code v1.34.2}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      String dataStoreName,
      KamajiAddons addons,
      Kubelet kubelet,
      Network network,
      Integer replicas,
      String version) {
    /**
     * A copy with another version.
     *
     * @param newVersion the Kubernetes version
     * @return the copy
     */
    public Spec withVersion(String newVersion) {
      return new Spec(dataStoreName, addons, kubelet, network, replicas, newVersion);
    }
  }

  /**
   * Kubelet settings.
   *
   * @param cgroupfs {@code systemd} or {@code cgroupfs}
   * @param preferredAddressTypes the node address types the API server prefers
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Kubelet(String cgroupfs, List<String> preferredAddressTypes) {}

  /**
   * How the tenant API server is exposed.
   *
   * @param serviceType {@code ClusterIP}, {@code NodePort} or {@code LoadBalancer}
   * @param serviceAddress the address the Service gets (the control-plane endpoint)
   * @param certSANs extra subject alternative names
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Network(String serviceType, String serviceAddress, List<String> certSANs) {}

  /**
   * The observed state.
   *
   * @param ready the control plane answers
   * @param externalManagedControlPlane always true for Kamaji
   * @param initialization provisioning flags
   * @param version the running version
   * @param replicas API server replicas
   * @param readyReplicas ready API server replicas
   * @param conditions the conditions
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(
      Boolean ready,
      Boolean externalManagedControlPlane,
      Initialization initialization,
      String version,
      Integer replicas,
      Integer readyReplicas,
      List<Condition> conditions) {}

  /**
   * Provisioning flags.
   *
   * @param controlPlaneInitialized the API server answers
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Initialization(Boolean controlPlaneInitialized) {}
}
