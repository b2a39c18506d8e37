package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Kamaji's own {@code TenantControlPlane} ({@code kamaji.clastix.io/v1alpha1}). Use it directly
 * without Cluster API; with Cluster API the KamajiControlPlane creates it, and it can never be a
 * Cluster's {@code controlPlaneRef}.
 */
public final class TenantControlPlane
    extends CapiResource<TenantControlPlane.Spec, TenantControlPlane.Status> {
  private static final long serialVersionUID = 1L;

  /** The API version. */
  public static final String API_VERSION = "kamaji.clastix.io/v1alpha1";

  /** An empty TenantControlPlane. */
  public TenantControlPlane() {
    super(API_VERSION, "TenantControlPlane");
  }

  /**
   * The spec.
   *
   * @param dataStore the DataStore name
   * @param controlPlane deployment and service of the API server
   * @param kubernetes version and kubelet settings
   * @param networkProfile addresses and CIDRs
   * @param addons addons to install
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      String dataStore,
      ControlPlane controlPlane,
      Kubernetes kubernetes,
      NetworkProfile networkProfile,
      KamajiAddons addons) {}

  /**
   * The control plane pods.
   *
   * @param deployment the Deployment settings
   * @param service the Service settings
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ControlPlane(Deployment deployment, Service service) {}

  /**
   * Deployment settings.
   *
   * @param replicas API server replicas
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Deployment(Integer replicas) {}

  /**
   * Service settings.
   *
   * @param serviceType {@code ClusterIP}, {@code NodePort} or {@code LoadBalancer}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Service(String serviceType) {}

  /**
   * Kubernetes settings.
   *
   * @param version for example {@code v1.34.2}
   * @param kubelet kubelet settings
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Kubernetes(String version, KamajiControlPlane.Kubelet kubelet) {}

  /**
   * Network settings.
   *
   * @param address the API server address (the Service's address)
   * @param port the API server port
   * @param podCidr the pod CIDR
   * @param serviceCidr the service CIDR
   * @param certSANs extra subject alternative names
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NetworkProfile(
      String address, Integer port, String podCidr, String serviceCidr, List<String> certSANs) {}

  /**
   * The observed state.
   *
   * @param controlPlaneEndpoint {@code host:port}
   * @param kubeconfig the kubeconfig Secrets Kamaji wrote
   * @param kubernetesResources the state of the API server's Kubernetes objects
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(
      String controlPlaneEndpoint,
      KubeconfigsStatus kubeconfig,
      KubernetesResources kubernetesResources) {}

  /**
   * Kubeconfig Secrets.
   *
   * @param admin the admin kubeconfig Secret
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record KubeconfigsStatus(SecretStatus admin) {}

  /**
   * A Secret written by Kamaji.
   *
   * @param secretName the Secret name
   * @param checksum a checksum of its content
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SecretStatus(String secretName, String checksum) {}

  /**
   * The state of the API server's Kubernetes objects.
   *
   * @param version the version status
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record KubernetesResources(VersionStatus version) {}

  /**
   * Version status.
   *
   * @param status {@code Provisioning}, {@code Ready}, {@code Upgrading}, {@code NotReady}, ...
   * @param version the running version
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record VersionStatus(String status, String version) {}
}
