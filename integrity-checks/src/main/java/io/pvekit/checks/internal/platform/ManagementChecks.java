package io.pvekit.checks.internal.platform;

import static io.pvekit.checks.internal.platform.Def.check;
import static io.pvekit.checks.internal.platform.Workloads.deploymentsAvailable;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.VersionInfo;
import io.pvekit.checks.Check;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckFunction;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.Evidence;
import io.pvekit.checks.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The management cluster: nodes, core components, Cluster API, CSI/CCM, CRDs, webhooks. */
public final class ManagementChecks {
  static final String API = "management.api-server-version";
  static final String CRDS = "management.capi-crds";
  static final String OPERATOR_CRDS = "management.operator-crds";

  /** CRDs of Cluster API, CAPMOX and Kamaji that tenant clusters need. */
  static final List<String> CAPI_CRDS =
      List.of(
          "clusters.cluster.x-k8s.io",
          "machines.cluster.x-k8s.io",
          "machinedeployments.cluster.x-k8s.io",
          "proxmoxclusters.infrastructure.cluster.x-k8s.io",
          "proxmoxmachines.infrastructure.cluster.x-k8s.io",
          "kamajicontrolplanes.controlplane.cluster.x-k8s.io",
          "inclusterippools.ipam.cluster.x-k8s.io");

  /** CRDs of the database operators. */
  static final List<String> DB_CRDS =
      List.of(
          "clusters.postgresql.cnpg.io",
          "mariadbs.k8s.mariadb.com",
          "redisfailovers.databases.spotahome.com",
          "rabbitmqclusters.rabbitmq.com",
          "clickhouseinstallations.clickhouse.altinity.com",
          "kafkas.kafka.strimzi.io");

  private ManagementChecks() {}

  /**
   * The checks.
   *
   * @return the checks
   */
  public static List<Check> all() {
    String redeploy =
        "kubectl -n NS describe deploy NAME and its pods; fix the cause shown"
            + " (image, crash, scheduling), or reinstall the component.";
    return List.of(
        check(
            API,
            Severity.CRITICAL,
            "Kubernetes API answers, version supported",
            "Calls GET /version of the management cluster and compares it with"
                + " minimumKubernetesVersion.",
            "Check the kubeconfig and the API server; upgrade the cluster if it is too old.",
            ManagementChecks::apiVersion),
        check(
            "management.nodes-ready",
            Severity.CRITICAL,
            "Nodes Ready",
            "Reads every node's Ready condition. Pods on NotReady nodes are evicted.",
            "kubectl describe node NAME; check kubelet, container runtime and network on it.",
            ManagementChecks::nodesReady,
            API),
        check(
            "management.node-pressure",
            Severity.HIGH,
            "No node under pressure",
            "Reads the MemoryPressure, DiskPressure and PIDPressure conditions of every node.",
            "Free disk (images, logs) or memory on the node, or add capacity.",
            ManagementChecks::nodePressure,
            API),
        check(
            "management.core-components",
            Severity.CRITICAL,
            "Control-plane components running",
            "Looks for a Ready pod of kube-apiserver, etcd, kube-scheduler and"
                + " kube-controller-manager in kube-system (label component=...).",
            "Check the static pod manifests in /etc/kubernetes/manifests and kubelet logs.",
            ManagementChecks::coreComponents,
            API),
        check(
            "management.cluster-dns",
            Severity.HIGH,
            "Cluster DNS available",
            "Deployment kube-system/coredns available. Without DNS no controller reaches a service.",
            redeploy,
            deploymentsAvailable("kube-system", "coredns"),
            API),
        check(
            "management.capi-core",
            Severity.CRITICAL,
            "Cluster API core running",
            "Deployment capi-system/capi-controller-manager available: it reconciles Cluster and"
                + " Machine objects of every tenant.",
            "clusterctl init or clusterctl upgrade; " + redeploy,
            deploymentsAvailable("capi-system", "capi-controller-manager"),
            API),
        check(
            "management.capi-bootstrap",
            Severity.HIGH,
            "Kubeadm bootstrap provider running",
            "Deployment capi-kubeadm-bootstrap-system/capi-kubeadm-bootstrap-controller-manager"
                + " available: it writes the cloud-init of worker VMs.",
            redeploy,
            deploymentsAvailable(
                "capi-kubeadm-bootstrap-system", "capi-kubeadm-bootstrap-controller-manager"),
            API),
        check(
            "management.capmox",
            Severity.CRITICAL,
            "Proxmox provider (CAPMOX) running",
            "Deployment capmox-system/capmox-controller-manager available: it clones and starts"
                + " the worker VMs in Proxmox.",
            "clusterctl init --infrastructure proxmox; " + redeploy,
            deploymentsAvailable("capmox-system", "capmox-controller-manager"),
            API),
        check(
            "management.ipam-provider",
            Severity.MEDIUM,
            "In-cluster IPAM provider running",
            "Deployment capi-ipam-in-cluster-system/capi-ipam-in-cluster-controller-manager"
                + " available: it hands out worker VM addresses.",
            "clusterctl init --ipam in-cluster; " + redeploy,
            deploymentsAvailable(
                "capi-ipam-in-cluster-system", "capi-ipam-in-cluster-controller-manager"),
            API),
        check(
            "management.kamaji-cp-provider",
            Severity.HIGH,
            "Kamaji control-plane provider running",
            "Deployment kamaji-system/capi-kamaji-controller-manager available: it turns"
                + " KamajiControlPlane objects into TenantControlPlanes.",
            "clusterctl init --control-plane kamaji; " + redeploy,
            deploymentsAvailable("kamaji-system", "capi-kamaji-controller-manager"),
            API),
        check(
            "management.cert-manager",
            Severity.HIGH,
            "cert-manager running",
            "Deployments cert-manager, cert-manager-webhook and cert-manager-cainjector available:"
                + " every provider's webhook certificate comes from it.",
            redeploy,
            deploymentsAvailable(
                "cert-manager", "cert-manager", "cert-manager-webhook", "cert-manager-cainjector"),
            API),
        check(
            "management.csi-controller",
            Severity.HIGH,
            "Proxmox CSI controller available",
            "Deployment csi-proxmox/proxmox-csi-plugin-controller available: it creates and"
                + " attaches Proxmox disks for persistent volumes.",
            redeploy,
            deploymentsAvailable("csi-proxmox", "proxmox-csi-plugin-controller"),
            API),
        check(
            "management.csi-node",
            Severity.HIGH,
            "Proxmox CSI node plugin on every node",
            "DaemonSet csi-proxmox/proxmox-csi-plugin-node ready on every node it schedules to:"
                + " volumes mount through it.",
            "kubectl -n csi-proxmox describe ds proxmox-csi-plugin-node; fix the failing pods.",
            Workloads.daemonSetReady("csi-proxmox", "proxmox-csi-plugin-node"),
            API),
        check(
            "management.ccm",
            Severity.HIGH,
            "Proxmox cloud controller manager available",
            "Deployment kube-system/proxmox-cloud-controller-manager available: it sets node"
                + " provider IDs and zones.",
            redeploy,
            deploymentsAvailable("kube-system", "proxmox-cloud-controller-manager"),
            API),
        check(
            CRDS,
            Severity.CRITICAL,
            "Cluster API CRDs installed",
            "Looks for the CRDs of Cluster API, CAPMOX, Kamaji's provider and IPAM, each"
                + " Established: "
                + CAPI_CRDS
                + ".",
            "clusterctl init with the core, proxmox, kamaji and in-cluster providers.",
            crdsInstalled(CAPI_CRDS),
            API),
        check(
            OPERATOR_CRDS,
            Severity.HIGH,
            "Database operator CRDs installed",
            "Looks for the CRDs of the database operators, each Established: " + DB_CRDS + ".",
            "Install the operator's Helm chart or manifests (they carry the CRDs).",
            crdsInstalled(DB_CRDS),
            API),
        check(
            "management.webhooks-reachable",
            Severity.HIGH,
            "Admission webhooks reachable",
            "For every validating and mutating webhook that calls a service, looks for a ready"
                + " endpoint behind it. A webhook with none rejects every matching write.",
            "Fix the webhook's deployment, or delete a webhook configuration left behind by an"
                + " uninstalled component.",
            ClusterState::webhooks,
            API),
        check(
            "management.kubevirt",
            Severity.MEDIUM,
            "KubeVirt deployed",
            "Reads the KubeVirt object (kubevirt.io/v1) and requires status.phase Deployed:"
                + " databases in VMs run through it.",
            "kubectl -n kubevirt get kubevirt -o yaml; check virt-operator's logs.",
            ClusterState::kubevirt,
            API),
        check(
            "management.default-storage-class",
            Severity.HIGH,
            "A default StorageClass exists",
            "Looks for exactly one StorageClass annotated as default. Claims without a class stay"
                + " Pending otherwise.",
            "kubectl annotate storageclass NAME storageclass.kubernetes.io/is-default-class=true",
            ClusterState::defaultStorageClass,
            API),
        check(
            "management.pending-pods",
            Severity.MEDIUM,
            "No pod Pending for long",
            "Reports pods Pending for more than 10 minutes (unschedulable, unbound volumes).",
            "kubectl describe pod: read the scheduling events and add capacity or fix the claim.",
            ClusterState::pendingPods,
            API));
  }

  static CheckOutcome apiVersion(CheckContext c) {
    VersionInfo v = c.kubernetes().getKubernetesVersion();
    String git = v.getGitVersion() == null ? "" : v.getGitVersion();
    String version =
        v.getMajor() != null && v.getMinor() != null
            ? v.getMajor() + "." + v.getMinor().replaceAll("[^0-9]", "")
            : git.replaceFirst("^v", "");
    String min = c.settings().minimumKubernetesVersion();
    boolean ok = ProxmoxChecks.compare(version, min) >= 0;
    Evidence e = Evidence.of("kubernetes", v.getGitVersion() + " (minimum " + min + ")", !ok);
    return ok
        ? CheckOutcome.pass("Kubernetes " + v.getGitVersion() + " answered", e)
        : CheckOutcome.fail("Kubernetes " + v.getGitVersion() + " is older than " + min, e);
  }

  static CheckOutcome nodesReady(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Node n : Kube.nodes(c)) {
      String ready = condition(n, "Ready");
      out.check(ready.equals("True"), "node " + n.getMetadata().getName(), "Ready=" + ready);
    }
    if (out.size() == 0) {
      return CheckOutcome.fail("the cluster has no node");
    }
    return out.failIfAny("all " + out.size() + " nodes are Ready", "%d nodes are not Ready");
  }

  static String condition(Node n, String type) {
    if (n.getStatus() == null) {
      return "Unknown";
    }
    return n.getStatus().getConditions().stream()
        .filter(x -> x.getType().equals(type))
        .map(NodeCondition::getStatus)
        .findFirst()
        .orElse("Unknown");
  }

  static CheckOutcome nodePressure(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (Node n : Kube.nodes(c)) {
      List<String> under = new ArrayList<>();
      for (String p : List.of("MemoryPressure", "DiskPressure", "PIDPressure")) {
        if (condition(n, p).equals("True")) {
          under.add(p);
        }
      }
      out.check(
          under.isEmpty(),
          "node " + n.getMetadata().getName(),
          under.isEmpty() ? "no pressure" : String.join(", ", under));
    }
    return out.failIfAny("no node is under pressure", "%d nodes are under pressure");
  }

  static CheckOutcome coreComponents(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (String component :
        List.of("kube-apiserver", "etcd", "kube-scheduler", "kube-controller-manager")) {
      List<Pod> pods =
          Kube.pods(c).stream()
              .filter(p -> "kube-system".equals(p.getMetadata().getNamespace()))
              .filter(p -> component.equals(p.getMetadata().getLabels().get("component")))
              .toList();
      long ready = pods.stream().filter(Kube::podReady).count();
      out.check(ready > 0, "component " + component, ready + "/" + pods.size() + " pods Ready");
      for (Pod p : pods) {
        Kube.podProblem(p).ifPresent(why -> out.problem(Kube.ref(p), why));
      }
    }
    return out.failIfAny("every control-plane component runs", "%d control-plane problems");
  }

  static CheckFunction crdsInstalled(List<String> names) {
    return c -> {
      Map<String, CustomResourceDefinition> crds = Kube.crds(c);
      CheckOutcome.Collector out = CheckOutcome.collect();
      for (String name : names) {
        CustomResourceDefinition d = crds.get(name);
        boolean established =
            d != null
                && d.getStatus() != null
                && d.getStatus().getConditions().stream()
                    .anyMatch(
                        x -> x.getType().equals("Established") && x.getStatus().equals("True"));
        out.check(
            established,
            "crd " + name,
            d == null ? "not installed" : established ? "established" : "not established");
      }
      return out.failIfAny("all " + names.size() + " CRDs are installed", "%d CRDs are missing");
    };
  }
}
