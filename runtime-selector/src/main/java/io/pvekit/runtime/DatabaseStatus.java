package io.pvekit.runtime;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import java.util.ArrayList;
import java.util.List;

/** {@code status} of a database request: the runtime decision and one reason per constraint. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DatabaseStatus {
  @JsonPropertyDescription("Accepted or Refused.")
  @PrinterColumn(name = "Decision")
  private String phase;

  @JsonPropertyDescription("The decided runtime: pod, lxc or vm.")
  @PrinterColumn(name = "Runtime")
  private String runtime;

  @JsonPropertyDescription("The RuntimeClass the pods use; absent for pod.")
  private String runtimeClassName;

  @JsonPropertyDescription("Nodes with room for one pod of this database.")
  private List<String> candidateNodes = new ArrayList<>();

  @JsonPropertyDescription("One entry per constraint checked, passed or failed.")
  private List<DecisionReason> reasons = new ArrayList<>();

  @JsonPropertyDescription("The metadata.generation this decision was made for.")
  private Long observedGeneration;

  /**
   * Accepted or Refused.
   *
   * @return the phase
   */
  public String getPhase() {
    return phase;
  }

  /**
   * Sets the phase.
   *
   * @param phase Accepted or Refused
   */
  public void setPhase(String phase) {
    this.phase = phase;
  }

  /**
   * The decided runtime.
   *
   * @return pod, lxc or vm
   */
  public String getRuntime() {
    return runtime;
  }

  /**
   * Sets the decided runtime.
   *
   * @param runtime pod, lxc or vm
   */
  public void setRuntime(String runtime) {
    this.runtime = runtime;
  }

  /**
   * The RuntimeClass of the pods.
   *
   * @return the name, or null for pod
   */
  public String getRuntimeClassName() {
    return runtimeClassName;
  }

  /**
   * Sets the RuntimeClass of the pods.
   *
   * @param runtimeClassName the name
   */
  public void setRuntimeClassName(String runtimeClassName) {
    this.runtimeClassName = runtimeClassName;
  }

  /**
   * Nodes with room for a pod.
   *
   * @return node names
   */
  public List<String> getCandidateNodes() {
    return candidateNodes;
  }

  /**
   * Sets the candidate nodes.
   *
   * @param candidateNodes node names
   */
  public void setCandidateNodes(List<String> candidateNodes) {
    this.candidateNodes = candidateNodes;
  }

  /**
   * One reason per constraint.
   *
   * @return the reasons
   */
  public List<DecisionReason> getReasons() {
    return reasons;
  }

  /**
   * Sets the reasons.
   *
   * @param reasons the reasons
   */
  public void setReasons(List<DecisionReason> reasons) {
    this.reasons = reasons;
  }

  /**
   * The generation decided on.
   *
   * @return the generation
   */
  public Long getObservedGeneration() {
    return observedGeneration;
  }

  /**
   * Sets the generation decided on.
   *
   * @param observedGeneration the generation
   */
  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  /** One constraint's outcome in {@code status.reasons}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public static class DecisionReason {
    private String constraint;
    private boolean passed;
    private String message;

    /**
     * The constraint's name.
     *
     * @return e.g. {@code CAPACITY}
     */
    public String getConstraint() {
      return constraint;
    }

    /**
     * Sets the constraint's name.
     *
     * @param constraint the name
     */
    public void setConstraint(String constraint) {
      this.constraint = constraint;
    }

    /**
     * Whether the constraint holds.
     *
     * @return true when passed
     */
    public boolean isPassed() {
      return passed;
    }

    /**
     * Sets whether the constraint holds.
     *
     * @param passed true when passed
     */
    public void setPassed(boolean passed) {
      this.passed = passed;
    }

    /**
     * What was checked, and for a failure what to change.
     *
     * @return the message
     */
    public String getMessage() {
      return message;
    }

    /**
     * Sets the message.
     *
     * @param message the message
     */
    public void setMessage(String message) {
      this.message = message;
    }
  }
}
