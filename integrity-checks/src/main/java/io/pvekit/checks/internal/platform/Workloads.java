package io.pvekit.checks.internal.platform;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckFunction;
import io.pvekit.checks.CheckOutcome;
import java.util.List;
import java.util.Optional;

/** Check functions for deployments and daemon sets, with the cause when pods are not healthy. */
final class Workloads {
  private Workloads() {}

  /** Every named deployment exists and has all replicas available; causes from its pods. */
  static CheckFunction deploymentsAvailable(String namespace, String... names) {
    return c -> {
      CheckOutcome.Collector out = CheckOutcome.collect();
      for (String name : names) {
        deployment(c, out, namespace, name);
      }
      return out.failIfAny(
          names.length == 1
              ? "deployment " + namespace + "/" + names[0] + " is available"
              : "all " + names.length + " deployments in " + namespace + " are available",
          "%d problems with deployments in " + namespace);
    };
  }

  static void deployment(CheckContext c, CheckOutcome.Collector out, String ns, String name)
      throws Exception {
    String subject = "deployment " + ns + "/" + name;
    Optional<Deployment> found = Kube.deployment(c, ns, name);
    if (found.isEmpty()) {
      out.problem(subject, "not found: the component is not installed");
      return;
    }
    Deployment d = found.get();
    int want =
        d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
    int available =
        d.getStatus() == null || d.getStatus().getAvailableReplicas() == null
            ? 0
            : d.getStatus().getAvailableReplicas();
    if (want > 0 && available >= want) {
      out.ok(subject, available + "/" + want + " replicas available");
      return;
    }
    out.problem(subject, available + "/" + want + " replicas available");
    for (Pod p : Kube.podsOf(c, d)) {
      Kube.podProblem(p).ifPresent(why -> out.problem(Kube.ref(p), why));
    }
  }

  /** A daemon set exists and has a ready pod on every node it schedules to. */
  static CheckFunction daemonSetReady(String namespace, String name) {
    return c -> {
      String subject = "daemonset " + namespace + "/" + name;
      DaemonSet ds = c.kubernetes().apps().daemonSets().inNamespace(namespace).withName(name).get();
      if (ds == null) {
        return CheckOutcome.fail(
            subject + " is not installed", io.pvekit.checks.Evidence.problem(subject, "not found"));
      }
      int want = ds.getStatus() == null ? 0 : nz(ds.getStatus().getDesiredNumberScheduled());
      int ready = ds.getStatus() == null ? 0 : nz(ds.getStatus().getNumberReady());
      CheckOutcome.Collector out = CheckOutcome.collect();
      out.check(want > 0 && ready >= want, subject, ready + "/" + want + " pods ready");
      if (ready < want) {
        for (Pod p : Kube.pods(c)) {
          boolean owned =
              namespace.equals(p.getMetadata().getNamespace())
                  && p.getMetadata().getOwnerReferences().stream()
                      .anyMatch(o -> o.getName().equals(name));
          if (owned) {
            Kube.podProblem(p).ifPresent(why -> out.problem(Kube.ref(p), why));
          }
        }
      }
      return out.failIfAny(
          subject + " is ready on every node", subject + " is not ready (%d problems)");
    };
  }

  static int nz(Integer i) {
    return i == null ? 0 : i;
  }

  static List<String> list(String... s) {
    return List.of(s);
  }
}
