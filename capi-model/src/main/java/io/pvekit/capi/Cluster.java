package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;

/** A Cluster API {@code Cluster} ({@code cluster.x-k8s.io}, v1beta1 or v1beta2). */
public final class Cluster extends CapiResource<Cluster.Spec, Cluster.Status> {
  private static final long serialVersionUID = 1L;

  /** The API group. */
  public static final String GROUP = "cluster.x-k8s.io";

  /** An empty v1beta2 Cluster (Jackson uses this when reading). */
  public Cluster() {
    this(CapiVersion.V1BETA2);
  }

  /**
   * An empty Cluster of the given version.
   *
   * @param version the Cluster API version
   */
  public Cluster(CapiVersion version) {
    super(version.apiVersion(GROUP), "Cluster");
  }

  /**
   * A Cluster with metadata and spec.
   *
   * @param version the Cluster API version
   * @param metadata name, namespace, labels
   * @param spec the spec
   * @return the Cluster
   */
  public static Cluster of(CapiVersion version, ObjectMeta metadata, Spec spec) {
    Cluster c = new Cluster(version);
    c.setMetadata(metadata);
    c.setSpec(spec);
    return c;
  }

  /**
   * The Cluster API version of this object.
   *
   * @return v1beta1 or v1beta2, from {@code apiVersion}
   */
  public CapiVersion capiVersion() {
    return CapiVersion.ofApiVersion(getApiVersion());
  }

  /**
   * The Cluster spec.
   *
   * @param clusterNetwork pod and service CIDRs
   * @param controlPlaneEndpoint set by the control plane provider; leave null with Kamaji
   * @param controlPlaneRef the control plane (a KamajiControlPlane, never a TenantControlPlane)
   * @param infrastructureRef the infrastructure cluster (a ProxmoxCluster)
   * @param paused stops reconciliation while true
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      ClusterNetwork clusterNetwork,
      ApiEndpoint controlPlaneEndpoint,
      ContractRef controlPlaneRef,
      ContractRef infrastructureRef,
      Boolean paused) {}

  /**
   * The cluster network.
   *
   * @param apiServerPort the API server port
   * @param services service CIDRs
   * @param pods pod CIDRs
   * @param serviceDomain the service domain, for example {@code cluster.local}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ClusterNetwork(
      Integer apiServerPort, CidrBlocks services, CidrBlocks pods, String serviceDomain) {}

  /**
   * A list of CIDR blocks.
   *
   * @param cidrBlocks at least one CIDR
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record CidrBlocks(List<String> cidrBlocks) {}

  /**
   * The observed state (both versions' fields; each controller version fills its own).
   *
   * @param phase for example {@code Provisioned}
   * @param conditions the conditions ({@code Available}, {@code ControlPlaneAvailable} in v1beta2;
   *     {@code Ready}, {@code ControlPlaneReady} in v1beta1)
   * @param initialization v1beta2 provisioning flags
   * @param controlPlaneReady v1beta1
   * @param infrastructureReady v1beta1
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(
      String phase,
      List<Condition> conditions,
      Initialization initialization,
      Boolean controlPlaneReady,
      Boolean infrastructureReady) {}

  /**
   * v1beta2 initialization flags of a Cluster.
   *
   * @param infrastructureProvisioned the infrastructure cluster is provisioned
   * @param controlPlaneInitialized the control plane answers
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Initialization(
      Boolean infrastructureProvisioned, Boolean controlPlaneInitialized) {}
}
