package io.pvekit.checks.internal.platform;

import static io.pvekit.checks.internal.platform.Def.check;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.pvekit.checks.Check;
import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckOutcome;
import io.pvekit.checks.Severity;
import io.pvekit.proxmox.ClusterResource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Kamaji tenant clusters: operator, CRD, control planes, workers, network, quotas, storage. */
public final class TenantChecks {
  static final String OPERATOR = "tenant.kamaji-operator-running";
  static final String CRD = "tenant.tcp-crd-installed";

  private TenantChecks() {}

  /**
   * The checks.
   *
   * @return the checks
   */
  public static List<Check> all() {
    return List.of(
        check(
            OPERATOR,
            Severity.CRITICAL,
            "Kamaji operator running",
            "Deployment kamaji-system/kamaji available: it runs every tenant's control plane.",
            "helm upgrade --install kamaji clastix/kamaji -n kamaji-system; check its pods.",
            Workloads.deploymentsAvailable("kamaji-system", "kamaji"),
            ManagementChecks.API),
        check(
            CRD,
            Severity.CRITICAL,
            "TenantControlPlane CRD installed",
            "CRDs tenantcontrolplanes.kamaji.clastix.io and datastores.kamaji.clastix.io"
                + " installed and Established.",
            "Install Kamaji's chart, which carries the CRDs.",
            ManagementChecks.crdsInstalled(
                List.of("tenantcontrolplanes.kamaji.clastix.io", "datastores.kamaji.clastix.io")),
            ManagementChecks.API),
        check(
            "tenant.count",
            Severity.MEDIUM,
            "Every tenant has its control plane",
            "Counts tenants: every KamajiControlPlane must have the TenantControlPlane of the"
                + " same namespace and name that Kamaji's provider creates.",
            "kubectl describe kamajicontrolplane NAME; check capi-kamaji-controller-manager's logs.",
            TenantChecks::count,
            CRD,
            ManagementChecks.CRDS),
        check(
            "tenant.control-planes-healthy",
            Severity.CRITICAL,
            "Tenant control planes Ready",
            "Reads status.kubernetesResources.version.status of every TenantControlPlane; only"
                + " Ready serves the tenant's API.",
            "kubectl -n NS describe tcp NAME; check the control-plane pods and the datastore.",
            TenantChecks::controlPlanes,
            CRD,
            OPERATOR),
        check(
            "tenant.clusters-available",
            Severity.HIGH,
            "Tenant clusters Available",
            "Reads the Available condition of every Cluster API Cluster (v1beta2).",
            "kubectl describe cluster NAME; clusterctl describe cluster NAME shows the failing part.",
            TenantChecks::clustersAvailable,
            ManagementChecks.CRDS),
        check(
            "tenant.worker-vms-provisioned",
            Severity.HIGH,
            "Worker VMs provisioned in Proxmox",
            "For every ProxmoxMachine, looks up spec.virtualMachineID in Proxmox's"
                + " /cluster/resources and requires the VM to exist and run.",
            "kubectl describe proxmoxmachine NAME (status.failureMessage); check CAPMOX's logs and"
                + " the clone task in Proxmox.",
            TenantChecks::workerVms,
            ManagementChecks.CRDS,
            "proxmox.api-reachable"),
        check(
            "tenant.connectivity",
            Severity.HIGH,
            "Tenant API endpoints reachable",
            "Every TenantControlPlane has a control-plane endpoint and its service has ready"
                + " endpoints behind it.",
            "Check the tenant's service (LoadBalancer IP) and the control-plane pods.",
            TenantChecks::connectivity,
            CRD),
        check(
            "tenant.isolation",
            Severity.HIGH,
            "Tenant namespaces isolated",
            "Every namespace holding a tenant Cluster has at least one NetworkPolicy; without one"
                + " every pod can reach every tenant's control plane.",
            "Apply a default-deny NetworkPolicy to the tenant's namespace.",
            TenantChecks::isolation,
            ManagementChecks.CRDS),
        check(
            "tenant.quotas",
            Severity.MEDIUM,
            "Tenant namespaces have quotas",
            "Every namespace holding a tenant Cluster has a ResourceQuota.",
            "Apply a ResourceQuota to the tenant's namespace.",
            TenantChecks::quotas,
            ManagementChecks.CRDS),
        check(
            "tenant.networking",
            Severity.MEDIUM,
            "Tenant pod networks do not overlap",
            "Reads spec.clusterNetwork.pods.cidrBlocks of every Cluster: each needs one, and no"
                + " two tenants may share a range (routing between them breaks).",
            "Give each tenant its own pod CIDR in its Cluster spec.",
            TenantChecks::networking,
            ManagementChecks.CRDS),
        check(
            "tenant.storage",
            Severity.HIGH,
            "Tenant datastores ready",
            "Every TenantControlPlane's status.storage.dataStoreName names a DataStore that"
                + " exists and is ready: the tenant's etcd lives there.",
            "kubectl get datastore NAME -o yaml; check the datastore's endpoints and TLS.",
            TenantChecks::storage,
            CRD));
  }

  static CheckOutcome count(CheckContext c) throws Exception {
    Set<String> tcps = new TreeSet<>();
    for (GenericKubernetesResource t : Kube.all(c, Kube.TENANT_CONTROL_PLANE)) {
      tcps.add(t.getMetadata().getNamespace() + "/" + t.getMetadata().getName());
    }
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource k : Kube.all(c, Kube.KAMAJI_CONTROL_PLANE)) {
      String key = k.getMetadata().getNamespace() + "/" + k.getMetadata().getName();
      out.check(
          tcps.contains(key),
          "kamajicontrolplane " + key,
          tcps.contains(key) ? "has its TenantControlPlane" : "no TenantControlPlane");
    }
    out.ok("tenants", tcps.size() + " TenantControlPlanes");
    return out.failIfAny(
        tcps.size() + " tenants, each with its control plane", "%d tenants have no control plane");
  }

  static CheckOutcome controlPlanes(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource t : Kube.all(c, Kube.TENANT_CONTROL_PLANE)) {
      String s = Kube.text(t, "status.kubernetesResources.version.status");
      String v = Kube.text(t, "status.kubernetesResources.version.version");
      out.check(s.equals("Ready"), Kube.ref(t), (s.isEmpty() ? "no status" : s) + " " + v);
    }
    return out.failIfAny(
        out.size() + " tenant control planes are Ready", "%d tenant control planes are not Ready");
  }

  static CheckOutcome clustersAvailable(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource cl : Kube.all(c, Kube.CLUSTER)) {
      String a = Kube.condition(cl, "Available").orElse("Unknown");
      out.check(
          a.equals("True"),
          Kube.ref(cl),
          "Available=" + a + ", phase " + Kube.text(cl, "status.phase"));
    }
    return out.failIfAny(out.size() + " clusters are Available", "%d clusters are not Available");
  }

  static CheckOutcome workerVms(CheckContext c) throws Exception {
    Map<Integer, ClusterResource> vms = new HashMap<>();
    for (ClusterResource r : Pve.guests(c)) {
      r.vmid().ifPresent(id -> vms.put(id.value(), r));
    }
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource m : Kube.all(c, Kube.PROXMOX_MACHINE)) {
      long id = Kube.number(m, "spec.virtualMachineID", -1);
      ClusterResource vm = vms.get((int) id);
      if (id < 0) {
        out.problem(Kube.ref(m), "no VM yet (spec.virtualMachineID unset)" + failure(m));
      } else if (vm == null) {
        out.problem(Kube.ref(m), "VM " + id + " does not exist in Proxmox");
      } else {
        String status = vm.status().orElse("unknown");
        out.check(
            status.equals("running"),
            Kube.ref(m),
            "VM " + id + " on " + vm.node().map(String::valueOf).orElse("?") + " is " + status);
      }
    }
    return out.failIfAny(
        out.size() + " worker VMs run in Proxmox", "%d worker VMs are missing or stopped");
  }

  private static String failure(GenericKubernetesResource m) {
    String f = Kube.text(m, "status.failureMessage");
    return f.isEmpty() ? "" : ": " + f;
  }

  static CheckOutcome connectivity(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource t : Kube.all(c, Kube.TENANT_CONTROL_PLANE)) {
      String endpoint = Kube.text(t, "status.controlPlaneEndpoint");
      String ns = Kube.text(t, "status.kubernetesResources.service.namespace");
      String name = Kube.text(t, "status.kubernetesResources.service.name");
      Endpoints ep =
          name.isEmpty()
              ? null
              : c.kubernetes()
                  .endpoints()
                  .inNamespace(ns.isEmpty() ? t.getMetadata().getNamespace() : ns)
                  .withName(name)
                  .get();
      long ready =
          ep == null ? 0 : ep.getSubsets().stream().mapToLong(s -> s.getAddresses().size()).sum();
      out.check(
          !endpoint.isEmpty() && ready > 0,
          Kube.ref(t),
          "endpoint "
              + (endpoint.isEmpty() ? "unset" : endpoint)
              + ", "
              + ready
              + " ready endpoints behind service "
              + name);
    }
    return out.failIfAny(
        out.size() + " tenant APIs have an endpoint", "%d tenant APIs are unreachable");
  }

  static Set<String> tenantNamespaces(CheckContext c) throws Exception {
    Set<String> out = new TreeSet<>();
    for (GenericKubernetesResource cl : Kube.all(c, Kube.CLUSTER)) {
      out.add(cl.getMetadata().getNamespace());
    }
    return out;
  }

  static CheckOutcome isolation(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (String ns : tenantNamespaces(c)) {
      int n =
          c.kubernetes().network().v1().networkPolicies().inNamespace(ns).list().getItems().size();
      out.check(n > 0, "namespace " + ns, n + " NetworkPolicies");
    }
    return out.failIfAny(
        "every tenant namespace has a NetworkPolicy", "%d tenant namespaces have no NetworkPolicy");
  }

  static CheckOutcome quotas(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (String ns : tenantNamespaces(c)) {
      int n = c.kubernetes().resourceQuotas().inNamespace(ns).list().getItems().size();
      out.check(n > 0, "namespace " + ns, n + " ResourceQuotas");
    }
    return out.failIfAny(
        "every tenant namespace has a quota", "%d tenant namespaces have no ResourceQuota");
  }

  static CheckOutcome networking(CheckContext c) throws Exception {
    CheckOutcome.Collector out = CheckOutcome.collect();
    Map<String, String> owner = new HashMap<>();
    for (GenericKubernetesResource cl : Kube.all(c, Kube.CLUSTER)) {
      Object blocks = Kube.at(cl, "spec.clusterNetwork.pods.cidrBlocks").orElse(List.of());
      List<String> cidrs = new ArrayList<>();
      if (blocks instanceof List<?> l) {
        l.forEach(b -> cidrs.add(String.valueOf(b)));
      }
      if (cidrs.isEmpty()) {
        out.problem(Kube.ref(cl), "no pod CIDR");
      }
      for (String cidr : cidrs) {
        for (Map.Entry<String, String> e : owner.entrySet()) {
          if (Cidr.overlap(cidr, e.getKey())) {
            out.problem(Kube.ref(cl), cidr + " overlaps " + e.getKey() + " of " + e.getValue());
          }
        }
        owner.put(cidr, Kube.ref(cl));
        out.ok(Kube.ref(cl), "pods " + cidr);
      }
    }
    return out.failIfAny("tenant pod networks are distinct", "%d pod network problems");
  }

  static CheckOutcome storage(CheckContext c) throws Exception {
    Map<String, GenericKubernetesResource> stores = new HashMap<>();
    for (GenericKubernetesResource d : Kube.all(c, Kube.DATA_STORE)) {
      stores.put(d.getMetadata().getName(), d);
    }
    CheckOutcome.Collector out = CheckOutcome.collect();
    for (GenericKubernetesResource t : Kube.all(c, Kube.TENANT_CONTROL_PLANE)) {
      String name = Kube.text(t, "status.storage.dataStoreName");
      GenericKubernetesResource d = stores.get(name);
      boolean ready = d != null && "true".equals(Kube.text(d, "status.ready"));
      out.check(
          ready,
          Kube.ref(t),
          "datastore "
              + (name.isEmpty() ? "unset" : name)
              + ": "
              + (d == null ? "missing" : ready ? "ready" : "not ready"));
    }
    return out.failIfAny(
        "every tenant's datastore is ready", "%d tenants' datastores are not ready");
  }
}
