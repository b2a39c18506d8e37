package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.util.List;
import java.util.Map;

/** A Cluster API {@code MachineDeployment}: a worker pool. */
public final class MachineDeployment
    extends CapiResource<MachineDeployment.Spec, MachineDeployment.Status> {
  private static final long serialVersionUID = 1L;

  /** An empty v1beta2 MachineDeployment. */
  public MachineDeployment() {
    this(CapiVersion.V1BETA2);
  }

  /**
   * An empty MachineDeployment of the given version.
   *
   * @param version the Cluster API version
   */
  public MachineDeployment(CapiVersion version) {
    super(version.apiVersion(Cluster.GROUP), "MachineDeployment");
  }

  /**
   * A MachineDeployment with metadata and spec.
   *
   * @param version the Cluster API version
   * @param metadata name, namespace, labels
   * @param spec the spec
   * @return the MachineDeployment
   */
  public static MachineDeployment of(CapiVersion version, ObjectMeta metadata, Spec spec) {
    MachineDeployment md = new MachineDeployment(version);
    md.setMetadata(metadata);
    md.setSpec(spec);
    return md;
  }

  /**
   * The spec.
   *
   * @param clusterName the owning cluster
   * @param replicas how many machines
   * @param selector which machines belong to it
   * @param template the machine template
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(String clusterName, Integer replicas, Selector selector, Template template) {
    /**
     * A copy with another replica count.
     *
     * @param newReplicas the replica count
     * @return the copy
     */
    public Spec withReplicas(int newReplicas) {
      return new Spec(clusterName, newReplicas, selector, template);
    }

    /**
     * A copy with another Kubernetes version in the machine template.
     *
     * @param version for example {@code v1.34.2}
     * @return the copy
     */
    public Spec withVersion(String version) {
      Machine.Spec m = template.spec();
      Machine.Spec updated =
          new Machine.Spec(
              m.clusterName(),
              m.bootstrap(),
              m.infrastructureRef(),
              version,
              m.providerID(),
              m.failureDomain());
      return new Spec(clusterName, replicas, selector, new Template(template.metadata(), updated));
    }
  }

  /**
   * A label selector with equality terms only.
   *
   * @param matchLabels the labels to match
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Selector(Map<String, String> matchLabels) {}

  /**
   * The machine template.
   *
   * @param metadata labels and annotations of the machines
   * @param spec the machine spec
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Template(TemplateMetadata metadata, Machine.Spec spec) {}

  /**
   * Metadata of template-created objects.
   *
   * @param labels the labels
   * @param annotations the annotations
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TemplateMetadata(Map<String, String> labels, Map<String, String> annotations) {}

  /**
   * The observed state.
   *
   * @param phase {@code ScalingUp}, {@code ScalingDown}, {@code Running}, ...
   * @param replicas machines that exist
   * @param readyReplicas machines that are ready
   * @param availableReplicas machines that are available
   * @param upToDateReplicas v1beta2: machines at the current template
   * @param updatedReplicas v1beta1: machines at the current template
   * @param conditions the conditions
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(
      String phase,
      Integer replicas,
      Integer readyReplicas,
      Integer availableReplicas,
      Integer upToDateReplicas,
      Integer updatedReplicas,
      List<Condition> conditions) {}
}
