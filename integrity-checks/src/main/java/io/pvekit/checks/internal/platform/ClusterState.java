package io.pvekit.checks.internal.platform;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ServiceReference;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.Evidence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Management-cluster checks of webhooks, KubeVirt, storage classes and pending pods. */
final class ClusterState {
  private ClusterState() {}

  static CheckOutcome webhooks(CheckContext c) {
    CheckOutcome.Collector out = CheckOutcome.collect();
    var reg = c.kubernetes().admissionRegistration().v1();
    List<ServiceReference> services = new ArrayList<>();
    List<String> names = new ArrayList<>();
    for (var cfg : reg.validatingWebhookConfigurations().list().getItems()) {
      for (var w : cfg.getWebhooks()) {
        if (w.getClientConfig() != null && w.getClientConfig().getService() != null) {
          services.add(w.getClientConfig().getService());
          names.add("webhook " + cfg.getMetadata().getName() + "/" + w.getName());
        }
      }
    }
    for (var cfg : reg.mutatingWebhookConfigurations().list().getItems()) {
      for (var w : cfg.getWebhooks()) {
        if (w.getClientConfig() != null && w.getClientConfig().getService() != null) {
          services.add(w.getClientConfig().getService());
          names.add("webhook " + cfg.getMetadata().getName() + "/" + w.getName());
        }
      }
    }
    for (int i = 0; i < services.size(); i++) {
      ServiceReference s = services.get(i);
      Endpoints ep =
          c.kubernetes().endpoints().inNamespace(s.getNamespace()).withName(s.getName()).get();
      long ready =
          ep == null ? 0 : ep.getSubsets().stream().mapToLong(x -> x.getAddresses().size()).sum();
      out.check(
          ready > 0,
          names.get(i),
          "service " + s.getNamespace() + "/" + s.getName() + ": " + ready + " ready endpoints");
    }
    return out.failIfAny(
        services.size() + " webhooks have ready endpoints", "%d webhooks have no ready endpoint");
  }

  static CheckOutcome kubevirt(CheckContext c) throws Exception {
    List<GenericKubernetesResource> all = Kube.all(c, Kube.KUBEVIRT);
    if (all.isEmpty()) {
      return CheckOutcome.fail(
          "no KubeVirt object exists", Evidence.problem("kubevirt", "not installed"));
    }
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource k : all) {
      String phase = Kube.text(k, "status.phase");
      out.check(phase.equals("Deployed"), Kube.ref(k), "phase " + phase);
    }
    return out.failIfAny("KubeVirt is deployed", "KubeVirt is not deployed");
  }

  static CheckOutcome defaultStorageClass(CheckContext c) {
    List<StorageClass> classes = c.kubernetes().storage().v1().storageClasses().list().getItems();
    CheckOutcome.Collector out = CheckOutcome.collect();
    List<String> defaults = new ArrayList<>();
    for (StorageClass s : classes) {
      Map<String, String> a = s.getMetadata().getAnnotations();
      boolean d = a != null && "true".equals(a.get("storageclass.kubernetes.io/is-default-class"));
      if (d) {
        defaults.add(s.getMetadata().getName());
      }
      out.ok(
          "storageclass " + s.getMetadata().getName(),
          s.getProvisioner() + (d ? " (default)" : ""));
    }
    if (defaults.size() != 1) {
      out.problem("default storageclass", defaults.isEmpty() ? "none" : "several: " + defaults);
    }
    return out.failIfAny("one default StorageClass: " + defaults, "no single default StorageClass");
  }

  /** When the pod became Pending: its first condition's transition, else its creation. */
  static Instant pendingSince(Pod p) {
    return p.getStatus().getConditions().stream()
        .map(x -> x.getLastTransitionTime())
        .filter(t -> t != null)
        .map(Instant::parse)
        .min(Instant::compareTo)
        .orElseGet(
            () ->
                p.getMetadata().getCreationTimestamp() == null
                    ? Instant.now()
                    : Instant.parse(p.getMetadata().getCreationTimestamp()));
  }

  static CheckOutcome pendingPods(CheckContext c) throws Exception {
    Instant now = c.clock().instant();
    CheckOutcome.Collector out = CheckOutcome.collect();
    int pending = 0;
    for (Pod p : Kube.pods(c)) {
      if (p.getStatus() != null && "Pending".equals(p.getStatus().getPhase())) {
        pending++;
        Duration age = Duration.between(pendingSince(p), now);
        if (age.toMinutes() >= 10) {
          out.problem(
              Kube.ref(p),
              "Pending for "
                  + age.toMinutes()
                  + " min"
                  + Kube.podProblem(p)
                      .filter(x -> !x.equals("phase Pending"))
                      .map(x -> ": " + x)
                      .orElse(""));
        }
      }
    }
    out.ok("pods", Kube.pods(c).size() + " pods, " + pending + " Pending");
    return out.failIfAny("no pod has been Pending for 10 minutes", "%d pods are stuck Pending");
  }
}
