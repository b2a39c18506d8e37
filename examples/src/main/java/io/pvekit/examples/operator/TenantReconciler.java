package io.pvekit.examples.operator;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pvekit.capi.HealthSummary;
import io.pvekit.capi.Manifests;
import io.pvekit.capi.TenantCluster;
import io.pvekit.capi.TenantClusters;
import io.pvekit.capi.TenantRef;
import io.pvekit.capi.TenantValidationException;
import io.pvekit.capi.ValidationError;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reconciles a {@link TenantClusterRequest} through capi-model: builds and validates the {@code
 * TenantCluster} (including isolation from the tenants already in the cluster, read with {@link
 * TenantClusters#existingTenants()}), applies its objects owned by the request, and reports the
 * tenant's health ({@link TenantClusters#status}) until it is ready. A refusal applies nothing and
 * records a Warning Event naming every problem.
 */
final class TenantReconciler {
  static final String REASON_APPLIED = "TenantApplied";
  static final String REASON_READY = "TenantReady";
  static final String PROVISIONING = "Provisioning";
  static final String REASON_REFUSED = "TenantRefused";

  private final KubernetesClient client;
  private final TenantClusters tenants;
  private final ResourceApplier applier;
  private final EventRecorder events;

  TenantReconciler(
      KubernetesClient client,
      TenantClusters tenants,
      ResourceApplier applier,
      EventRecorder events) {
    this.client = client;
    this.tenants = tenants;
    this.applier = applier;
    this.events = events;
  }

  ReconcileResult reconcile(TenantClusterRequest request) {
    String id = "TenantClusterRequest " + request.getMetadata().getName();
    TenantClusterRequestStatus status = new TenantClusterRequestStatus();
    status.observedGeneration = request.getMetadata().getGeneration();
    List<String> changed = new ArrayList<>();
    TenantCluster tenant = null;
    try {
      tenant =
          TenantRequestMapper.builder(request).existingTenants(tenants.existingTenants()).build();
    } catch (TenantValidationException e) {
      for (ValidationError error : e.errors()) {
        status.problems.add(problem(error.field(), error.value(), error.message()));
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      status.problems.add(problem("spec", "", e.getMessage()));
    }
    if (tenant == null) {
      status.phase = "Refused";
      boolean news = newPhase(request.getStatus(), status);
      if (writeStatus(request, status)) {
        changed.add("status Refused");
      }
      if (news) {
        events.warning(
            request,
            REASON_REFUSED,
            status.problems.stream()
                .map(p -> p.field + " " + p.value + ": " + p.message)
                .collect(Collectors.joining("; ")));
      }
      return new ReconcileResult(id, status.phase, changed, null);
    }
    for (HasMetadata object : tenant.objects()) {
      GenericKubernetesResource generic =
          Manifests.convert(object, GenericKubernetesResource.class);
      Owners.setController(generic, request);
      ResourceApplier.Outcome outcome = applier.apply(generic);
      if (outcome != ResourceApplier.Outcome.UNCHANGED) {
        changed.add(
            outcome.name().toLowerCase(Locale.ROOT)
                + " "
                + generic.getKind()
                + "/"
                + generic.getMetadata().getName());
      }
    }
    HealthSummary health = tenants.status(TenantRef.of(tenant));
    status.phase = health.ready() ? "Ready" : PROVISIONING;
    status.controlPlaneReady = health.controlPlaneReady();
    status.machines = health.machines().size();
    status.readyMachines = (int) health.machines().stream().filter(m -> m.ready()).count();
    status.health.addAll(health.problems());
    status.objects.addAll(TenantRequestMapper.describe(tenant));
    boolean news = newPhase(request.getStatus(), status);
    if (writeStatus(request, status)) {
      changed.add("status " + status.phase);
    }
    // one Event per phase of a generation, not one per machine that comes up
    if (news && health.ready()) {
      events.normal(
          request,
          REASON_READY,
          "control plane "
              + health.controlPlaneVersion()
              + " and "
              + status.machines
              + " machine(s) ready");
    } else if (news) {
      events.normal(
          request,
          REASON_APPLIED,
          "applied "
              + status.objects.size()
              + " objects in namespace "
              + tenant.namespace()
              + " ("
              + tenant.mode()
              + ", Cluster API "
              + tenant.capiVersion().version()
              + ")");
    }
    return new ReconcileResult(id, status.phase, changed, null);
  }

  /** Whether the phase or the generation changed: what deserves an Event. */
  private static boolean newPhase(
      TenantClusterRequestStatus previous, TenantClusterRequestStatus status) {
    return previous == null
        || !status.phase.equals(previous.phase)
        || !java.util.Objects.equals(status.observedGeneration, previous.observedGeneration);
  }

  private static TenantClusterRequestStatus.Problem problem(
      String field, String value, String message) {
    TenantClusterRequestStatus.Problem p = new TenantClusterRequestStatus.Problem();
    p.field = field;
    p.value = value;
    p.message = message;
    return p;
  }

  private boolean writeStatus(TenantClusterRequest request, TenantClusterRequestStatus status) {
    if (status.equals(request.getStatus())) {
      return false;
    }
    TenantClusterRequest copy = client.getKubernetesSerialization().clone(request);
    copy.setStatus(status);
    client.resource(copy).updateStatus();
    return true;
  }
}
