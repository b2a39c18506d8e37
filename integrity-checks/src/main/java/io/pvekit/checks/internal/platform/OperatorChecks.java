package io.pvekit.checks.internal.platform;

import static io.pvekit.checks.internal.platform.Def.check;
import static io.pvekit.checks.internal.platform.Workloads.deploymentsAvailable;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.pvekit.checks.Check;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.Severity;
import java.util.ArrayList;
import java.util.List;

/** Database and infrastructure operators: deployments available, with the cause when not. */
public final class OperatorChecks {
  /** One operator: check id, title, namespace and deployment of a usual install. */
  record Operator(String id, String title, String namespace, String deployment, String install) {}

  static final List<Operator> OPERATORS =
      List.of(
          new Operator(
              "operators.cloudnative-pg",
              "CloudNativePG (PostgreSQL)",
              "cnpg-system",
              "cnpg-controller-manager",
              "helm upgrade --install cnpg cnpg/cloudnative-pg"),
          new Operator(
              "operators.mariadb",
              "mariadb-operator",
              "mariadb-operator",
              "mariadb-operator",
              "helm upgrade --install mariadb-operator mariadb-operator/mariadb-operator"),
          new Operator(
              "operators.redis",
              "Redis operator (spotahome)",
              "redis-operator",
              "redis-operator",
              "helm upgrade --install redis-operator redis-operator/redis-operator"),
          new Operator(
              "operators.rabbitmq",
              "RabbitMQ cluster operator",
              "rabbitmq-system",
              "rabbitmq-cluster-operator",
              "kubectl apply -f cluster-operator.yml"),
          new Operator(
              "operators.clickhouse",
              "ClickHouse operator (Altinity)",
              "kube-system",
              "clickhouse-operator",
              "kubectl apply -f clickhouse-operator-install-bundle.yaml"),
          new Operator(
              "operators.strimzi",
              "Strimzi (Kafka)",
              "strimzi",
              "strimzi-cluster-operator",
              "helm upgrade --install strimzi strimzi/strimzi-kafka-operator"),
          new Operator(
              "operators.etcd",
              "etcd operator",
              "etcd-operator-system",
              "etcd-operator-controller-manager",
              "kubectl apply -f etcd-operator.yaml"),
          new Operator(
              "operators.grafana",
              "Grafana operator",
              "grafana",
              "grafana-operator",
              "helm upgrade --install grafana-operator grafana/grafana-operator"),
          new Operator(
              "operators.victoriametrics",
              "VictoriaMetrics operator",
              "victoria-metrics",
              "victoria-metrics-operator",
              "helm upgrade --install vmo vm/victoria-metrics-operator"));

  private OperatorChecks() {}

  /**
   * The checks.
   *
   * @return the checks
   */
  public static List<Check> all() {
    List<Check> out = new ArrayList<>();
    for (Operator o : OPERATORS) {
      out.add(
          check(
              o.id,
              Severity.HIGH,
              o.title + " operator available",
              "Deployment "
                  + o.namespace
                  + "/"
                  + o.deployment
                  + " has every replica available. When not, names each pod's cause:"
                  + " ImagePullBackOff with the image and the registry's error, CrashLoopBackOff"
                  + " with the last termination reason.",
              "ImagePullBackOff: fix the image reference or registry credentials (imagePullSecrets)"
                  + " or mirror the image; CrashLoopBackOff: kubectl -n "
                  + o.namespace
                  + " logs deploy/"
                  + o.deployment
                  + " --previous; not installed: "
                  + o.install
                  + ".",
              deploymentsAvailable(o.namespace, o.deployment),
              ManagementChecks.API));
    }
    out.add(
        check(
            "operators.image-pulls",
            Severity.HIGH,
            "No image pull failures",
            "Lists every pod in ImagePullBackOff or ErrImagePull, with the image and the"
                + " registry's error (not found, unauthorized, rate limit).",
            "Correct the image tag, add an imagePullSecret, or mirror the image to a reachable"
                + " registry.",
            OperatorChecks::imagePulls,
            ManagementChecks.API));
    out.add(
        check(
            "operators.crash-loops",
            Severity.HIGH,
            "No container in CrashLoopBackOff",
            "Lists every container in CrashLoopBackOff with its last termination reason and exit"
                + " code (OOMKilled, Error, ...).",
            "kubectl logs POD -c CONTAINER --previous; OOMKilled: raise the memory limit.",
            OperatorChecks::crashLoops,
            ManagementChecks.API));
    out.add(
        check(
            "operators.restarts",
            Severity.LOW,
            "No container restarting often",
            "Reports running containers restarted more than maximumRestarts times: a component"
                + " that crashes now and then.",
            "Read the previous container's logs and its last termination reason.",
            OperatorChecks::restarts,
            ManagementChecks.API));
    out.add(
        check(
            "operators.rollouts-complete",
            Severity.MEDIUM,
            "Operator rollouts complete",
            "For each operator's deployment, compares observedGeneration with generation and"
                + " updated with desired replicas: a stuck rollout leaves old and new versions"
                + " side by side.",
            "kubectl -n NS rollout status deploy/NAME; fix the new pods or roll back.",
            OperatorChecks::rollouts,
            ManagementChecks.API));
    return out;
  }

  static CheckOutcome imagePulls(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    List<Pod> pods = Kube.pods(c);
    for (Pod p : pods) {
      for (ContainerStatus s : statuses(p)) {
        var w = s.getState() == null ? null : s.getState().getWaiting();
        if (w != null
            && ("ImagePullBackOff".equals(w.getReason()) || "ErrImagePull".equals(w.getReason()))) {
          out.problem(
              Kube.ref(p),
              s.getName()
                  + ": "
                  + w.getReason()
                  + " pulling "
                  + s.getImage()
                  + (w.getMessage() == null ? "" : ": " + w.getMessage()));
        }
      }
    }
    out.ok("pods", pods.size() + " pods looked at");
    return out.failIfAny("every image was pulled", "%d containers cannot pull their image");
  }

  static CheckOutcome crashLoops(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    List<Pod> pods = Kube.pods(c);
    for (Pod p : pods) {
      for (ContainerStatus s : statuses(p)) {
        var w = s.getState() == null ? null : s.getState().getWaiting();
        if (w != null && "CrashLoopBackOff".equals(w.getReason())) {
          out.problem(Kube.ref(p), s.getName() + ": " + Kube.lastTermination(s));
        }
      }
    }
    out.ok("pods", pods.size() + " pods looked at");
    return out.failIfAny("no container is crash-looping", "%d containers are crash-looping");
  }

  static CheckOutcome restarts(CheckContext c) throws Exception {
    int max = c.settings().maximumRestarts();
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Pod p : Kube.pods(c)) {
      for (ContainerStatus s : statuses(p)) {
        if (s.getRestartCount() != null && s.getRestartCount() > max) {
          out.problem(Kube.ref(p), s.getName() + ": " + Kube.lastTermination(s));
        }
      }
    }
    out.ok("pods", Kube.pods(c).size() + " pods looked at");
    return out.failIfAny(
        "no container restarted more than " + max + " times",
        "%d containers restarted more than " + max + " times");
  }

  static CheckOutcome rollouts(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    java.util.Map<String, Deployment> all = new java.util.HashMap<>();
    for (Deployment d : Kube.deployments(c)) {
      all.put(d.getMetadata().getNamespace() + "/" + d.getMetadata().getName(), d);
    }
    for (Operator o : OPERATORS) {
      Deployment d = all.get(o.namespace + "/" + o.deployment);
      if (d == null || d.getStatus() == null) {
        continue;
      }
      long gen = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
      long seen =
          d.getStatus().getObservedGeneration() == null ? 0 : d.getStatus().getObservedGeneration();
      int want = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
      int updated = Workloads.nz(d.getStatus().getUpdatedReplicas());
      out.check(
          seen >= gen && updated >= want,
          "deployment " + o.namespace + "/" + o.deployment,
          "generation " + seen + "/" + gen + ", updated " + updated + "/" + want);
    }
    return out.failIfAny("every operator rollout is complete", "%d operator rollouts are stuck");
  }

  static List<ContainerStatus> statuses(Pod p) {
    List<ContainerStatus> all = new ArrayList<>();
    if (p.getStatus() != null) {
      all.addAll(p.getStatus().getInitContainerStatuses());
      all.addAll(p.getStatus().getContainerStatuses());
    }
    return all;
  }
}
