package io.pvekit.checks.internal.platform;

import static io.pvekit.checks.internal.platform.Def.check;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.pvekit.checks.Check;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.Evidence;
import io.pvekit.checks.Severity;
import io.pvekit.proxmox.StorageStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The LXC runtime: RuntimeClass, labelled nodes, runtime binary, templates, LXC pods. */
public final class LxcChecks {
  static final String RUNTIME_CLASS = "lxc.runtime-class-present";
  static final String PODS = "lxc.pods-running";

  /** The namespace and app label of the DaemonSet that installs the runtime on labelled nodes. */
  static final String INSTALLER_NAMESPACE = "pvekit-system";

  static final String INSTALLER_APP = "pvekit-lxc-runtime";

  private LxcChecks() {}

  /**
   * The checks.
   *
   * @return the checks
   */
  public static List<Check> all() {
    return List.of(
        check(
            RUNTIME_CLASS,
            Severity.HIGH,
            "LXC RuntimeClass present",
            "The RuntimeClass named by lxcRuntimeClass exists; pods select the LXC runtime"
                + " through it.",
            "kubectl apply a RuntimeClass with handler lxc (see lxc-oci's README).",
            LxcChecks::runtimeClass,
            ManagementChecks.API),
        check(
            "lxc.nodes-labelled",
            Severity.HIGH,
            "LXC nodes labelled and Ready",
            "At least one node carries the lxcNodeLabel label, and every such node is Ready: the"
                + " RuntimeClass schedules LXC pods only there.",
            "kubectl label node NAME " + "pvekit.io/lxc-runtime=true on nodes with the runtime.",
            LxcChecks::nodesLabelled,
            ManagementChecks.API),
        check(
            "lxc.runtime-binary-available",
            Severity.HIGH,
            "LXC runtime installed on labelled nodes",
            "On every labelled node a Ready pod of the runtime installer (pods labelled"
                + " app.kubernetes.io/name=pvekit-lxc-runtime in pvekit-system) runs: it installs"
                + " the runtime binary and the containerd handler.",
            "kubectl -n pvekit-system describe ds pvekit-lxc-runtime; fix the pod on that node.",
            LxcChecks::runtimeBinary,
            "lxc.nodes-labelled"),
        check(
            "lxc.templates-present",
            Severity.MEDIUM,
            "LXC templates in Proxmox",
            "Lists vztmpl content on the storages of every online Proxmox node; Proxmox-native"
                + " containers are created from these templates.",
            "pveam update && pveam download local debian-12-standard_12.12-1_amd64.tar.zst",
            LxcChecks::templates,
            "proxmox.api-reachable"),
        check(
            PODS,
            Severity.HIGH,
            "LXC pods running",
            "Every pod with the LXC runtimeClassName is Running (or Succeeded), with the cause"
                + " when not.",
            "kubectl describe pod; check the runtime's logs on the node (journalctl -u containerd).",
            LxcChecks::podsRunning,
            RUNTIME_CLASS),
        check(
            "lxc.container-health",
            Severity.MEDIUM,
            "LXC containers healthy",
            "Every container of a running LXC pod is ready and restarted at most maximumRestarts"
                + " times.",
            "kubectl logs POD --previous; check the readiness probe and the container's limits.",
            LxcChecks::containerHealth,
            RUNTIME_CLASS),
        check(
            "lxc.networking",
            Severity.HIGH,
            "LXC pods have networking",
            "Every running LXC pod has a pod IP: the CNI plugin attached the container's network.",
            "Check the CNI plugin's logs on the node and the runtime's network setup.",
            LxcChecks::networking,
            RUNTIME_CLASS),
        check(
            "lxc.storage-mounted",
            Severity.HIGH,
            "LXC pod volumes bound",
            "Every PersistentVolumeClaim used by an LXC pod is Bound, so its volume can be"
                + " mounted into the container.",
            "kubectl describe pvc; check the CSI driver and the storage class.",
            LxcChecks::storage,
            RUNTIME_CLASS),
        check(
            "lxc.performance-sample",
            Severity.LOW,
            "LXC start-up time in line with pods",
            "Compares the median time from start to Ready of LXC pods with that of other pods;"
                + " fails when LXC pods take more than three times as long (and over 10 s).",
            "Check image unpacking and the storage behind the runtime's rootfs on the node.",
            LxcChecks::performance,
            PODS));
  }

  static CheckOutcome runtimeClass(CheckContext c) {
    String name = c.settings().lxcRuntimeClass();
    RuntimeClass rc = c.kubernetes().runtimeClasses().withName(name).get();
    if (rc == null) {
      return CheckOutcome.fail(
          "RuntimeClass " + name + " does not exist",
          Evidence.problem("runtimeclass " + name, "missing"));
    }
    return CheckOutcome.pass(
        "RuntimeClass " + name + " uses handler " + rc.getHandler(),
        Evidence.ok("runtimeclass " + name, "handler " + rc.getHandler()));
  }

  static List<Node> labelled(CheckContext c) throws Exception {
    String label = c.settings().lxcNodeLabel();
    return Kube.nodes(c).stream()
        .filter(
            n ->
                n.getMetadata().getLabels() != null
                    && n.getMetadata().getLabels().containsKey(label))
        .toList();
  }

  static CheckOutcome nodesLabelled(CheckContext c) throws Exception {
    List<Node> nodes = labelled(c);
    if (nodes.isEmpty()) {
      return CheckOutcome.fail(
          "no node is labelled " + c.settings().lxcNodeLabel(),
          Evidence.problem("nodes", "none labelled " + c.settings().lxcNodeLabel()));
    }
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Node n : nodes) {
      String ready = ManagementChecks.condition(n, "Ready");
      out.check(ready.equals("True"), "node " + n.getMetadata().getName(), "Ready=" + ready);
    }
    return out.failIfAny(
        nodes.size() + " labelled nodes are Ready", "%d labelled nodes are not Ready");
  }

  static CheckOutcome runtimeBinary(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Node n : labelled(c)) {
      String node = n.getMetadata().getName();
      Optional<Pod> installer =
          Kube.pods(c).stream()
              .filter(p -> INSTALLER_NAMESPACE.equals(p.getMetadata().getNamespace()))
              .filter(
                  p ->
                      INSTALLER_APP.equals(
                          p.getMetadata().getLabels().get("app.kubernetes.io/name")))
              .filter(p -> p.getSpec() != null && node.equals(p.getSpec().getNodeName()))
              .findFirst();
      if (installer.isEmpty()) {
        out.problem("node " + node, "no runtime installer pod");
      } else if (!Kube.podReady(installer.get())) {
        out.problem(
            "node " + node,
            Kube.ref(installer.get())
                + " not ready: "
                + Kube.podProblem(installer.get()).orElse("not ready"));
      } else {
        out.ok("node " + node, "runtime installed by " + Kube.ref(installer.get()));
      }
    }
    return out.failIfAny(
        "the runtime is installed on every labelled node", "%d labelled nodes lack the runtime");
  }

  static CheckOutcome templates(CheckContext c) throws Exception {
    List<String[]> where = new ArrayList<>();
    for (Map.Entry<String, List<StorageStatus>> node : Pve.storages(c).entrySet()) {
      for (StorageStatus s : node.getValue()) {
        if (s.active() && s.content().contains("vztmpl")) {
          where.add(new String[] {node.getKey(), s.storage().value()});
        }
      }
    }
    List<String> found = new ArrayList<>();
    for (List<String> some :
        Parallel.map(
            where,
            w ->
                c.proxmox().node(w[0]).storage(w[1]).content("vztmpl").stream()
                    .map(x -> w[0] + ":" + x.volid())
                    .toList())) {
      found.addAll(some);
    }
    return found.isEmpty()
        ? CheckOutcome.fail(
            "no LXC template on any storage",
            Evidence.problem("vztmpl", "none on any active storage"))
        : CheckOutcome.pass(
            found.size() + " LXC templates", Evidence.ok("vztmpl", found.toString()));
  }

  static List<Pod> lxcPods(CheckContext c) throws Exception {
    String rc = c.settings().lxcRuntimeClass();
    return Kube.pods(c).stream()
        .filter(p -> p.getSpec() != null && rc.equals(p.getSpec().getRuntimeClassName()))
        .toList();
  }

  static CheckOutcome podsRunning(CheckContext c) throws Exception {
    List<Pod> pods = lxcPods(c);
    if (pods.isEmpty()) {
      return CheckOutcome.fail(
          "no pod uses RuntimeClass " + c.settings().lxcRuntimeClass(),
          Evidence.problem("pods", "none with runtimeClassName " + c.settings().lxcRuntimeClass()));
    }
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Pod p : pods) {
      Optional<String> why = Kube.podProblem(p);
      out.check(why.isEmpty(), Kube.ref(p), why.orElse(p.getStatus().getPhase()));
    }
    return out.failIfAny(pods.size() + " LXC pods run", "%d LXC pods do not run");
  }

  static CheckOutcome containerHealth(CheckContext c) throws Exception {
    int max = c.settings().maximumRestarts();
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Pod p : lxcPods(c)) {
      if (p.getStatus() == null || !"Running".equals(p.getStatus().getPhase())) {
        continue;
      }
      for (ContainerStatus s : p.getStatus().getContainerStatuses()) {
        boolean ok = Boolean.TRUE.equals(s.getReady()) && s.getRestartCount() <= max;
        out.check(
            ok,
            Kube.ref(p),
            s.getName() + ": ready=" + s.getReady() + ", " + s.getRestartCount() + " restarts");
      }
    }
    return out.failIfAny("every LXC container is healthy", "%d LXC containers are unhealthy");
  }

  static CheckOutcome networking(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Pod p : lxcPods(c)) {
      if (p.getStatus() != null && "Running".equals(p.getStatus().getPhase())) {
        String ip = p.getStatus().getPodIP();
        out.check(ip != null && !ip.isEmpty(), Kube.ref(p), ip == null ? "no pod IP" : "IP " + ip);
      }
    }
    return out.failIfAny("every running LXC pod has an IP", "%d LXC pods have no IP");
  }

  static CheckOutcome storage(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Pod p : lxcPods(c)) {
      for (Volume v : p.getSpec().getVolumes()) {
        if (v.getPersistentVolumeClaim() == null) {
          continue;
        }
        String claim = v.getPersistentVolumeClaim().getClaimName();
        PersistentVolumeClaim pvc =
            c.kubernetes()
                .persistentVolumeClaims()
                .inNamespace(p.getMetadata().getNamespace())
                .withName(claim)
                .get();
        String phase =
            pvc == null || pvc.getStatus() == null ? "missing" : pvc.getStatus().getPhase();
        out.check("Bound".equals(phase), Kube.ref(p), "claim " + claim + ": " + phase);
      }
    }
    return out.failIfAny("every LXC pod's volume is bound", "%d LXC pod volumes are not bound");
  }

  static CheckOutcome performance(CheckContext c) throws Exception {
    List<Long> lxc = new ArrayList<>();
    List<Long> other = new ArrayList<>();
    String rc = c.settings().lxcRuntimeClass();
    for (Pod p : Kube.pods(c)) {
      startup(p)
          .ifPresent(
              d -> (rc.equals(p.getSpec().getRuntimeClassName()) ? lxc : other).add(d.toMillis()));
    }
    if (lxc.isEmpty() || other.isEmpty()) {
      return CheckOutcome.skip("no Ready LXC pod or no other Ready pod to compare with");
    }
    long l = median(lxc);
    long o = median(other);
    boolean ok = l <= Math.max(3 * o, 10_000);
    Evidence e =
        Evidence.of(
            "startup",
            "LXC median "
                + l
                + " ms ("
                + lxc.size()
                + " pods), other pods "
                + o
                + " ms ("
                + other.size()
                + " pods)",
            !ok);
    return ok
        ? CheckOutcome.pass("LXC pods start in " + l + " ms, other pods in " + o + " ms", e)
        : CheckOutcome.fail(
            "LXC pods start "
                + (o == 0 ? "much" : (l / Math.max(o, 1)) + "x")
                + " slower than other pods",
            e);
  }

  static Optional<Duration> startup(Pod p) {
    if (p.getStatus() == null || p.getStatus().getStartTime() == null) {
      return Optional.empty();
    }
    for (PodCondition cond : p.getStatus().getConditions()) {
      if (cond.getType().equals("Ready")
          && "True".equals(cond.getStatus())
          && cond.getLastTransitionTime() != null) {
        return Optional.of(
            Duration.between(
                Instant.parse(p.getStatus().getStartTime()),
                Instant.parse(cond.getLastTransitionTime())));
      }
    }
    return Optional.empty();
  }

  static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
