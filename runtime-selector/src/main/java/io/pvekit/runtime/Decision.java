package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/** Where a database runs and why: the runtime, its RuntimeClass, candidate nodes and reasons. */
@Value.Immutable
public abstract class Decision {
  Decision() {}

  public abstract DatabaseRequest request();

  public abstract WorkloadRuntime runtime();

  /** The RuntimeClass of the pods; empty for {@link WorkloadRuntime#POD}. */
  public abstract Optional<String> runtimeClassName();

  /** Node labels the pods must select (the RuntimeClass's and, for LXC, the LXC node label). */
  public abstract Map<String, String> nodeSelector();

  /** Tolerations the pods need (the RuntimeClass's). */
  public abstract List<Toleration> tolerations();

  /** CPU one pod costs a node and the quota: request plus RuntimeClass overhead, millicores. */
  public abstract long podCpuMillis();

  /** Memory one pod costs: request plus RuntimeClass overhead, bytes. */
  public abstract long podMemoryBytes();

  /** Nodes with room for one pod, most free memory first (at most 20). */
  public abstract List<String> candidateNodes();

  /** One reason per constraint checked, in order. */
  public abstract List<Reason> reasons();

  /** True when every constraint passed. */
  @Value.Derived
  public boolean accepted() {
    return reasons().stream().allMatch(Reason::passed);
  }

  /** The failed constraints. */
  public List<Reason> violations() {
    return reasons().stream().filter(r -> !r.passed()).collect(Collectors.toList());
  }

  /**
   * This decision as a request resource's {@code status}.
   *
   * @param generation the resource's {@code metadata.generation}, or null
   * @return the status
   */
  public DatabaseStatus toStatus(Long generation) {
    DatabaseStatus status = new DatabaseStatus();
    status.setPhase(accepted() ? "Accepted" : "Refused");
    status.setRuntime(runtime().annotationValue());
    status.setRuntimeClassName(runtimeClassName().orElse(null));
    status.setCandidateNodes(new ArrayList<>(candidateNodes()));
    List<DatabaseStatus.DecisionReason> list = new ArrayList<>();
    for (Reason r : reasons()) {
      DatabaseStatus.DecisionReason d = new DatabaseStatus.DecisionReason();
      d.setConstraint(r.constraint().name());
      d.setPassed(r.passed());
      d.setMessage(r.message());
      list.add(d);
    }
    status.setReasons(list);
    status.setObservedGeneration(generation);
    return status;
  }

  /**
   * The decision as text, one reason per line.
   *
   * @return the text
   */
  public String explain() {
    StringBuilder sb = new StringBuilder();
    DatabaseRequest r = request();
    sb.append(r.engine().kind())
        .append(' ')
        .append(r.namespace())
        .append('/')
        .append(r.name())
        .append(": ")
        .append(accepted() ? "ACCEPTED" : "REFUSED")
        .append(", runtime ")
        .append(runtime().annotationValue());
    runtimeClassName().ifPresent(c -> sb.append(" (RuntimeClass ").append(c).append(')'));
    sb.append('\n');
    for (Reason reason : reasons()) {
      sb.append("  ").append(reason).append('\n');
    }
    if (accepted()) {
      sb.append("  candidate nodes: ").append(String.join(", ", candidateNodes())).append('\n');
    }
    return sb.toString();
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Decision}. */
  public static final class Builder extends ImmutableDecision.Builder {
    Builder() {}
  }
}
