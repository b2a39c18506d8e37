package io.pvekit.examples.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.DatabaseResource;
import io.pvekit.runtime.DatabaseStatus;
import io.pvekit.runtime.Decision;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.Manifests;
import io.pvekit.runtime.RuntimeSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reconciles one database request: decides its runtime against the inventory, applies the
 * operator's resources (owned by the request) when accepted, and writes the decision into the
 * request's status. A refusal creates nothing and records a Warning Event with what to change.
 */
final class DatabaseReconciler {
  static final String REASON_ACCEPTED = "RuntimeDecided";
  static final String REASON_REFUSED = "RuntimeRefused";
  static final String REASON_INVALID = "InvalidSpec";

  private final KubernetesClient client;
  private final RuntimeSelector selector;
  private final Supplier<Inventory> inventory;
  private final ResourceApplier applier;
  private final EventRecorder events;

  DatabaseReconciler(
      KubernetesClient client,
      RuntimeSelector selector,
      Supplier<Inventory> inventory,
      ResourceApplier applier,
      EventRecorder events) {
    this.client = client;
    this.selector = selector;
    this.inventory = inventory;
    this.applier = applier;
    this.events = events;
  }

  ReconcileResult reconcile(DatabaseResource request) {
    String id =
        request.getKind()
            + " "
            + request.getMetadata().getNamespace()
            + "/"
            + request.getMetadata().getName();
    Long generation = request.getMetadata().getGeneration();
    DatabaseRequest parsed;
    try {
      parsed = DatabaseRequest.of(request);
    } catch (IllegalArgumentException e) {
      // the CRD's schema catches most of this; what it cannot (e.g. 0 memory) lands here
      DatabaseStatus status = invalid(e.getMessage(), generation);
      List<String> changed = new ArrayList<>();
      if (writeStatus(request, status)) {
        events.warning(request, REASON_INVALID, e.getMessage());
        changed.add("status");
      }
      return new ReconcileResult(id, status.getPhase(), changed, null);
    }
    Decision decision = selector.decide(parsed, inventory.get());
    DatabaseStatus previous = request.getStatus();
    if (!decision.accepted() && acceptedAt(previous, generation)) {
      // The spec did not change since it was accepted: only the cluster did, and the database's
      // own pods now count against its capacity. A running database is not undone by that; a new
      // generation of the spec is decided afresh.
      return new ReconcileResult(
          id, previous.getPhase(), List.of(), "kept: now " + refusal(decision));
    }
    DatabaseStatus status = decision.toStatus(generation);
    List<String> changed = new ArrayList<>();
    if (decision.accepted()) {
      for (GenericKubernetesResource object : Manifests.render(decision)) {
        Owners.setController(object, request);
        ResourceApplier.Outcome outcome = applier.apply(object);
        if (outcome != ResourceApplier.Outcome.UNCHANGED) {
          changed.add(
              outcome.name().toLowerCase(java.util.Locale.ROOT)
                  + " "
                  + object.getKind()
                  + "/"
                  + object.getMetadata().getName());
        }
      }
    }
    boolean news =
        previous == null
            || !status.getPhase().equals(previous.getPhase())
            || !java.util.Objects.equals(generation, previous.getObservedGeneration());
    if (writeStatus(request, status)) {
      changed.add("status " + status.getPhase());
    }
    // one Event per decision of a generation, not one per changed candidate list
    if (news) {
      if (decision.accepted()) {
        events.normal(
            request,
            REASON_ACCEPTED,
            "runtime "
                + status.getRuntime()
                + decision.runtimeClassName().map(c -> " (RuntimeClass " + c + ")").orElse("")
                + "; candidate nodes: "
                + String.join(", ", decision.candidateNodes()));
      } else {
        events.warning(request, REASON_REFUSED, refusal(decision));
      }
    }
    return new ReconcileResult(id, status.getPhase(), changed, null);
  }

  /** The failed constraints, each saying what to change. */
  static String refusal(Decision decision) {
    return decision.violations().stream()
        .map(r -> r.constraint() + ": " + r.message())
        .collect(Collectors.joining("; "));
  }

  private static boolean acceptedAt(DatabaseStatus status, Long generation) {
    return status != null
        && "Accepted".equals(status.getPhase())
        && java.util.Objects.equals(status.getObservedGeneration(), generation);
  }

  private static DatabaseStatus invalid(String message, Long generation) {
    DatabaseStatus status = new DatabaseStatus();
    status.setPhase("Refused");
    DatabaseStatus.DecisionReason reason = new DatabaseStatus.DecisionReason();
    reason.setConstraint("SPEC");
    reason.setPassed(false);
    reason.setMessage(message);
    status.setReasons(List.of(reason));
    status.setObservedGeneration(generation);
    return status;
  }

  /** Writes the status when it differs from the request's; true when it did. */
  private boolean writeStatus(DatabaseResource request, DatabaseStatus status) {
    var json = client.getKubernetesSerialization();
    if (request.getStatus() != null
        && json.asJson(request.getStatus()).equals(json.asJson(status))) {
      return false;
    }
    DatabaseResource copy = json.clone(request);
    copy.setStatus(status);
    client.resource(copy).updateStatus();
    return true;
  }
}
