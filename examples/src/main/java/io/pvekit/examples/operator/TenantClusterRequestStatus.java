package io.pvekit.examples.operator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** {@code status} of a {@link TenantClusterRequest}: what the operator did, or why it refused. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TenantClusterRequestStatus {
  @JsonPropertyDescription(
      "Provisioning (applied, not ready yet), Ready (control plane, infrastructure and every"
          + " machine ready) or Refused.")
  @PrinterColumn(name = "Phase")
  public String phase;

  @JsonPropertyDescription("Whether the tenant's control plane answers.")
  public Boolean controlPlaneReady;

  @JsonPropertyDescription("Machines ready, of all the tenant's machines.")
  public Integer readyMachines;

  @JsonPropertyDescription("Machines of the tenant.")
  public Integer machines;

  @JsonPropertyDescription("What is not healthy yet: failed machines, false conditions.")
  public List<String> health = new ArrayList<>();

  @JsonPropertyDescription("Kind/name of every object applied, in apply order.")
  public List<String> objects = new ArrayList<>();

  @JsonPropertyDescription("Why the request was refused: one entry per problem, what to change.")
  public List<Problem> problems = new ArrayList<>();

  @JsonPropertyDescription("The metadata.generation this status was written for.")
  public Long observedGeneration;

  /** One validation problem of the spec. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public static class Problem {
    @JsonPropertyDescription("The field, e.g. ipv4Pool.ranges.")
    public String field;

    @JsonPropertyDescription("The offending value.")
    public String value;

    @JsonPropertyDescription("What is wrong and what to change.")
    public String message;

    @Override
    public boolean equals(Object o) {
      return o instanceof Problem p
          && Objects.equals(field, p.field)
          && Objects.equals(value, p.value)
          && Objects.equals(message, p.message);
    }

    @Override
    public int hashCode() {
      return Objects.hash(field, value, message);
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TenantClusterRequestStatus s
        && Objects.equals(phase, s.phase)
        && Objects.equals(controlPlaneReady, s.controlPlaneReady)
        && Objects.equals(readyMachines, s.readyMachines)
        && Objects.equals(machines, s.machines)
        && Objects.equals(health, s.health)
        && Objects.equals(objects, s.objects)
        && Objects.equals(problems, s.problems)
        && Objects.equals(observedGeneration, s.observedGeneration);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        phase,
        controlPlaneReady,
        readyMachines,
        machines,
        health,
        objects,
        problems,
        observedGeneration);
  }
}
