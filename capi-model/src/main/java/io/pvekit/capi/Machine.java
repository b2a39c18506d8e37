package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A Cluster API {@code Machine}: pvekit reads these (the MachineDeployment's MachineSet creates
 * them). Its {@link Spec} is also the template spec of a {@link MachineDeployment}.
 */
public final class Machine extends CapiResource<Machine.Spec, Machine.Status> {
  private static final long serialVersionUID = 1L;

  /** An empty v1beta2 Machine. */
  public Machine() {
    this(CapiVersion.V1BETA2);
  }

  /**
   * An empty Machine of the given version.
   *
   * @param version the Cluster API version
   */
  public Machine(CapiVersion version) {
    super(version.apiVersion(Cluster.GROUP), "Machine");
  }

  /**
   * The machine spec.
   *
   * @param clusterName the owning cluster
   * @param bootstrap where the bootstrap data comes from
   * @param infrastructureRef the infrastructure machine (template, in a MachineDeployment)
   * @param version the Kubernetes version, for example {@code v1.34.2}
   * @param providerID set by the infrastructure provider, for example {@code proxmox://UUID}
   * @param failureDomain the failure domain
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      String clusterName,
      Bootstrap bootstrap,
      ContractRef infrastructureRef,
      String version,
      String providerID,
      String failureDomain) {}

  /**
   * The bootstrap source.
   *
   * @param configRef the bootstrap config (template, in a MachineDeployment)
   * @param dataSecretName a ready bootstrap data Secret instead
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Bootstrap(ContractRef configRef, String dataSecretName) {}

  /**
   * The observed state (both versions' fields).
   *
   * @param phase {@code Pending}, {@code Provisioning}, {@code Provisioned}, {@code Running}, ...
   * @param nodeRef the node this machine became
   * @param conditions the conditions ({@code Ready}, {@code NodeReady}, {@code
   *     InfrastructureReady}, ...)
   * @param initialization v1beta2 provisioning flags
   * @param bootstrapReady v1beta1
   * @param infrastructureReady v1beta1
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(
      String phase,
      NodeRef nodeRef,
      List<Condition> conditions,
      Initialization initialization,
      Boolean bootstrapReady,
      Boolean infrastructureReady) {}

  /**
   * The workload cluster node of a machine.
   *
   * @param name the node name
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NodeRef(String name) {}

  /**
   * v1beta2 initialization flags of a Machine.
   *
   * @param infrastructureProvisioned the VM exists
   * @param bootstrapDataSecretCreated the bootstrap data exists
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Initialization(
      Boolean infrastructureProvisioned, Boolean bootstrapDataSecretCreated) {}
}
