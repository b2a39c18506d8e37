package io.pvekit.checks.internal.platform;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pvekit.checks.CheckContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads of the management cluster shared by checks, cached per run. */
final class Kube {
  private Kube() {}

  static List<Pod> pods(CheckContext c) throws Exception {
    return c.cached("k8s:pods", () -> c.kubernetes().pods().inAnyNamespace().list().getItems());
  }

  static List<Deployment> deployments(CheckContext c) throws Exception {
    return c.cached(
        "k8s:deployments",
        () -> c.kubernetes().apps().deployments().inAnyNamespace().list().getItems());
  }

  static List<Node> nodes(CheckContext c) throws Exception {
    return c.cached("k8s:nodes", () -> c.kubernetes().nodes().list().getItems());
  }

  static Map<String, CustomResourceDefinition> crds(CheckContext c) throws Exception {
    return c.cached(
        "k8s:crds",
        () ->
            c
                .kubernetes()
                .apiextensions()
                .v1()
                .customResourceDefinitions()
                .list()
                .getItems()
                .stream()
                .collect(Collectors.toMap(d -> d.getMetadata().getName(), Function.identity())));
  }

  static Optional<Deployment> deployment(CheckContext c, String namespace, String name) {
    return Optional.ofNullable(
        c.kubernetes().apps().deployments().inNamespace(namespace).withName(name).get());
  }

  /** Every object of a custom resource kind, in all namespaces (empty when its CRD is absent). */
  static List<GenericKubernetesResource> all(CheckContext c, Kind kind) throws Exception {
    return c.cached(
        "k8s:" + kind.plural + "." + kind.group,
        () -> {
          ResourceDefinitionContext rdc =
              new ResourceDefinitionContext.Builder()
                  .withGroup(kind.group)
                  .withVersion(kind.version)
                  .withPlural(kind.plural)
                  .withKind(kind.kind)
                  .withNamespaced(kind.namespaced)
                  .build();
          if (kind.namespaced) {
            return c.kubernetes()
                .genericKubernetesResources(rdc)
                .inAnyNamespace()
                .list()
                .getItems();
          }
          return c.kubernetes().genericKubernetesResources(rdc).list().getItems();
        });
  }

  static String ref(io.fabric8.kubernetes.api.model.HasMetadata o) {
    String ns = o.getMetadata().getNamespace();
    String kind = o.getKind() == null ? "object" : o.getKind().toLowerCase(java.util.Locale.ROOT);
    return kind + " " + (ns == null ? "" : ns + "/") + o.getMetadata().getName();
  }

  /** Why a pod is not healthy, with the image and registry error or the last termination. */
  static Optional<String> podProblem(Pod pod) {
    List<String> causes = new ArrayList<>();
    List<ContainerStatus> statuses = new ArrayList<>();
    if (pod.getStatus() == null) {
      return Optional.of("no status reported");
    }
    statuses.addAll(pod.getStatus().getInitContainerStatuses());
    statuses.addAll(pod.getStatus().getContainerStatuses());
    for (ContainerStatus s : statuses) {
      if (s.getState() != null && s.getState().getWaiting() != null) {
        String reason = String.valueOf(s.getState().getWaiting().getReason());
        String message = Optional.ofNullable(s.getState().getWaiting().getMessage()).orElse("");
        if (reason.equals("ImagePullBackOff") || reason.equals("ErrImagePull")) {
          causes.add(
              s.getName()
                  + ": "
                  + reason
                  + " pulling "
                  + s.getImage()
                  + (message.isEmpty() ? "" : ": " + message));
        } else if (reason.equals("CrashLoopBackOff")) {
          causes.add(s.getName() + ": CrashLoopBackOff, " + lastTermination(s));
        } else if (!reason.equals("ContainerCreating") && !reason.equals("PodInitializing")) {
          causes.add(s.getName() + ": " + reason + (message.isEmpty() ? "" : ": " + message));
        }
      }
    }
    String phase = String.valueOf(pod.getStatus().getPhase());
    if (causes.isEmpty() && !phase.equals("Running") && !phase.equals("Succeeded")) {
      causes.add("phase " + phase);
    }
    return causes.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", causes));
  }

  static String lastTermination(ContainerStatus s) {
    if (s.getLastState() == null || s.getLastState().getTerminated() == null) {
      return "restarted " + s.getRestartCount() + " times, no last termination recorded";
    }
    var t = s.getLastState().getTerminated();
    return "restarted "
        + s.getRestartCount()
        + " times, last terminated: "
        + t.getReason()
        + " (exit code "
        + t.getExitCode()
        + ")"
        + (t.getMessage() == null ? "" : ": " + t.getMessage());
  }

  static boolean podReady(Pod pod) {
    return pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase())
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  /** The pods a deployment selects. */
  static List<Pod> podsOf(CheckContext c, Deployment d) throws Exception {
    Map<String, String> labels =
        d.getSpec() == null || d.getSpec().getSelector() == null
            ? Map.of()
            : d.getSpec().getSelector().getMatchLabels();
    String ns = d.getMetadata().getNamespace();
    List<Pod> out = new ArrayList<>();
    for (Pod p : pods(c)) {
      Map<String, String> podLabels = p.getMetadata().getLabels();
      if (ns.equals(p.getMetadata().getNamespace())
          && !labels.isEmpty()
          && podLabels != null
          && podLabels.entrySet().containsAll(labels.entrySet())) {
        out.add(p);
      }
    }
    return out;
  }

  /** A condition's status ({@code True}, {@code False}, ...) of a custom resource. */
  static Optional<String> condition(GenericKubernetesResource r, String type) {
    Object status = r.getAdditionalProperties().get("status");
    if (!(status instanceof Map<?, ?> m) || !(m.get("conditions") instanceof List<?> list)) {
      return Optional.empty();
    }
    for (Object o : list) {
      if (o instanceof Map<?, ?> cond && type.equals(cond.get("type"))) {
        return Optional.of(String.valueOf(cond.get("status")));
      }
    }
    return Optional.empty();
  }

  /** A value at a dotted path below the object's top level ({@code status.readyInstances}). */
  static Optional<Object> at(GenericKubernetesResource r, String path) {
    Object cur = r.getAdditionalProperties();
    for (String part : path.split("\\.")) {
      if (!(cur instanceof Map<?, ?> m)) {
        return Optional.empty();
      }
      cur = m.get(part);
    }
    return Optional.ofNullable(cur);
  }

  static String text(GenericKubernetesResource r, String path) {
    return at(r, path).map(String::valueOf).orElse("");
  }

  static long number(GenericKubernetesResource r, String path, long fallback) {
    return at(r, path)
        .map(
            o -> {
              try {
                return Long.parseLong(String.valueOf(o));
              } catch (NumberFormatException e) {
                return fallback;
              }
            })
        .orElse(fallback);
  }

  /** A custom resource kind, read at one version. */
  record Kind(String group, String version, String plural, String kind, boolean namespaced) {
    String crd() {
      return plural + "." + group;
    }
  }

  static final Kind TENANT_CONTROL_PLANE =
      new Kind("kamaji.clastix.io", "v1alpha1", "tenantcontrolplanes", "TenantControlPlane", true);
  static final Kind DATA_STORE =
      new Kind("kamaji.clastix.io", "v1alpha1", "datastores", "DataStore", false);
  static final Kind KAMAJI_CONTROL_PLANE =
      new Kind(
          "controlplane.cluster.x-k8s.io",
          "v1alpha1",
          "kamajicontrolplanes",
          "KamajiControlPlane",
          true);
  static final Kind CLUSTER = new Kind("cluster.x-k8s.io", "v1beta2", "clusters", "Cluster", true);
  static final Kind MACHINE = new Kind("cluster.x-k8s.io", "v1beta2", "machines", "Machine", true);
  static final Kind PROXMOX_CLUSTER =
      new Kind(
          "infrastructure.cluster.x-k8s.io", "v1alpha2", "proxmoxclusters", "ProxmoxCluster", true);
  static final Kind PROXMOX_MACHINE =
      new Kind(
          "infrastructure.cluster.x-k8s.io", "v1alpha2", "proxmoxmachines", "ProxmoxMachine", true);
  static final Kind KUBEVIRT = new Kind("kubevirt.io", "v1", "kubevirts", "KubeVirt", true);
  static final Kind VMI =
      new Kind("kubevirt.io", "v1", "virtualmachineinstances", "VirtualMachineInstance", true);
  static final Kind CNPG_CLUSTER =
      new Kind("postgresql.cnpg.io", "v1", "clusters", "Cluster", true);
  static final Kind CNPG_SCHEDULED_BACKUP =
      new Kind("postgresql.cnpg.io", "v1", "scheduledbackups", "ScheduledBackup", true);
  static final Kind MARIADB = new Kind("k8s.mariadb.com", "v1alpha1", "mariadbs", "MariaDB", true);
  static final Kind MARIADB_BACKUP =
      new Kind("k8s.mariadb.com", "v1alpha1", "backups", "Backup", true);
  static final Kind REDIS_FAILOVER =
      new Kind("databases.spotahome.com", "v1", "redisfailovers", "RedisFailover", true);
  static final Kind RABBITMQ =
      new Kind("rabbitmq.com", "v1beta1", "rabbitmqclusters", "RabbitmqCluster", true);
  static final Kind CLICKHOUSE =
      new Kind(
          "clickhouse.altinity.com",
          "v1",
          "clickhouseinstallations",
          "ClickHouseInstallation",
          true);
  static final Kind KAFKA = new Kind("kafka.strimzi.io", "v1beta2", "kafkas", "Kafka", true);
}
