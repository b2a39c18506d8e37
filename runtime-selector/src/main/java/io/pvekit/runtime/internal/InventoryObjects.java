package io.pvekit.runtime.internal;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesList;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeRuntimeHandler;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.InventoryNode;
import io.pvekit.runtime.RuntimeClassInfo;
import io.pvekit.runtime.Tenant;
import io.pvekit.runtime.WorkloadRuntime;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns Kubernetes objects (from YAML or a live cluster) into an {@link Inventory}. */
public final class InventoryObjects {
  private InventoryObjects() {}

  /** Every object of a multi-document YAML stream. */
  public static List<HasMetadata> parseYaml(InputStream yaml) {
    Object parsed = Json.SERIALIZATION.unmarshal(yaml);
    List<HasMetadata> out = new ArrayList<>();
    collect(parsed, out);
    return out;
  }

  private static void collect(Object parsed, List<HasMetadata> out) {
    if (parsed instanceof KubernetesList) {
      out.addAll(((KubernetesList) parsed).getItems());
    } else if (parsed instanceof HasMetadata) {
      out.add((HasMetadata) parsed);
    } else if (parsed instanceof Collection) {
      for (Object o : (Collection<?>) parsed) {
        collect(o, out);
      }
    }
  }

  /** Lists what the inventory needs from a live cluster. */
  public static List<HasMetadata> list(KubernetesClient client) {
    List<HasMetadata> out = new ArrayList<>();
    out.addAll(client.nodes().list().getItems());
    out.addAll(client.runtimeClasses().list().getItems());
    out.addAll(client.namespaces().list().getItems());
    out.addAll(client.resourceQuotas().inAnyNamespace().list().getItems());
    out.addAll(
        client
            .pods()
            .inAnyNamespace()
            .withoutField("status.phase", "Succeeded")
            .withoutField("status.phase", "Failed")
            .list()
            .getItems());
    return out;
  }

  /** Builds the inventory; unknown kinds are ignored. */
  public static Inventory toInventory(Collection<? extends HasMetadata> objects) {
    Map<String, long[]> podUse = new HashMap<>();
    for (HasMetadata o : objects) {
      if (o instanceof Pod) {
        addPod((Pod) o, podUse);
      }
    }
    Inventory.Builder inventory = Inventory.builder();
    Map<String, Tenant.Builder> tenants = new LinkedHashMap<>();
    for (HasMetadata o : objects) {
      if (o instanceof Node) {
        inventory.addNodes(node((Node) o, podUse));
      } else if (o instanceof RuntimeClass) {
        RuntimeClassInfo rc = runtimeClass((RuntimeClass) o);
        inventory.putRuntimeClasses(rc.name(), rc);
      } else if (o instanceof Namespace) {
        tenant(tenants, o.getMetadata().getName());
        String allowed =
            o.getMetadata().getAnnotations() == null
                ? null
                : o.getMetadata().getAnnotations().get(Tenant.ALLOWED_RUNTIMES_ANNOTATION);
        if (allowed != null) {
          tenant(tenants, o.getMetadata().getName()).allowedRuntimes(parseRuntimes(allowed));
        }
      } else if (o instanceof ResourceQuota) {
        quota(tenant(tenants, o.getMetadata().getNamespace()), (ResourceQuota) o);
      }
    }
    tenants.forEach((ns, b) -> inventory.putTenants(ns, b.build()));
    return inventory.build();
  }

  private static Tenant.Builder tenant(Map<String, Tenant.Builder> tenants, String namespace) {
    return tenants.computeIfAbsent(namespace, ns -> Tenant.builder().namespace(ns));
  }

  static Set<WorkloadRuntime> parseRuntimes(String value) {
    Set<WorkloadRuntime> set = EnumSet.noneOf(WorkloadRuntime.class);
    for (String part : value.split(",")) {
      if (!part.isBlank()) {
        set.add(WorkloadRuntime.fromAnnotation(part));
      }
    }
    return set;
  }

  private static void quota(Tenant.Builder tenant, ResourceQuota quota) {
    Map<String, Quantity> hard =
        quota.getSpec() == null || quota.getSpec().getHard() == null
            ? Map.of()
            : quota.getSpec().getHard();
    Map<String, Quantity> used =
        quota.getStatus() == null || quota.getStatus().getUsed() == null
            ? Map.of()
            : quota.getStatus().getUsed();
    Quantity cpu = hard.getOrDefault("requests.cpu", hard.get("cpu"));
    if (cpu != null) {
      tenant.quotaCpuMillis(Quantities.cpuMillis(cpu));
      tenant.usedCpuMillis(
          Quantities.cpuMillis(used.getOrDefault("requests.cpu", used.get("cpu"))));
    }
    Quantity memory = hard.getOrDefault("requests.memory", hard.get("memory"));
    if (memory != null) {
      tenant.quotaMemoryBytes(Quantities.bytes(memory));
      tenant.usedMemoryBytes(
          Quantities.bytes(used.getOrDefault("requests.memory", used.get("memory"))));
    }
    Quantity storage = hard.get("requests.storage");
    if (storage != null) {
      tenant.quotaStorageBytes(Quantities.bytes(storage));
      tenant.usedStorageBytes(Quantities.bytes(used.get("requests.storage")));
    }
  }

  private static void addPod(Pod pod, Map<String, long[]> podUse) {
    if (pod.getSpec() == null || pod.getSpec().getNodeName() == null) {
      return;
    }
    long[] use = podUse.computeIfAbsent(pod.getSpec().getNodeName(), n -> new long[2]);
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getResources() != null && c.getResources().getRequests() != null) {
        use[0] += Quantities.cpuMillis(c.getResources().getRequests().get("cpu"));
        use[1] += Quantities.bytes(c.getResources().getRequests().get("memory"));
      }
    }
    // The scheduler counts pod overhead on the node, so the inventory does too.
    if (pod.getSpec().getOverhead() != null) {
      use[0] += Quantities.cpuMillis(pod.getSpec().getOverhead().get("cpu"));
      use[1] += Quantities.bytes(pod.getSpec().getOverhead().get("memory"));
    }
  }

  private static InventoryNode node(Node node, Map<String, long[]> podUse) {
    InventoryNode.Builder b = InventoryNode.builder().name(node.getMetadata().getName());
    if (node.getMetadata().getLabels() != null) {
      b.labels(node.getMetadata().getLabels());
    }
    if (node.getSpec() != null) {
      if (node.getSpec().getTaints() != null) {
        b.taints(node.getSpec().getTaints());
      }
      b.unschedulable(Boolean.TRUE.equals(node.getSpec().getUnschedulable()));
    }
    Map<String, Quantity> allocatable =
        node.getStatus() == null || node.getStatus().getAllocatable() == null
            ? Map.of()
            : node.getStatus().getAllocatable();
    b.allocatableCpuMillis(Quantities.cpuMillis(allocatable.get("cpu")));
    b.allocatableMemoryBytes(Quantities.bytes(allocatable.get("memory")));
    if (node.getStatus() != null && node.getStatus().getRuntimeHandlers() != null) {
      for (NodeRuntimeHandler h : node.getStatus().getRuntimeHandlers()) {
        if (h.getName() != null) {
          b.addRuntimeHandlers(h.getName());
        }
      }
    }
    long[] use = podUse.get(node.getMetadata().getName());
    if (use != null) {
      b.requestedCpuMillis(use[0]).requestedMemoryBytes(use[1]);
    }
    return b.build();
  }

  private static RuntimeClassInfo runtimeClass(RuntimeClass rc) {
    RuntimeClassInfo.Builder b =
        RuntimeClassInfo.builder().name(rc.getMetadata().getName()).handler(rc.getHandler());
    if (rc.getOverhead() != null && rc.getOverhead().getPodFixed() != null) {
      Map<String, Quantity> fixed = rc.getOverhead().getPodFixed();
      b.overheadCpuMillis(Quantities.cpuMillis(fixed.get("cpu")));
      b.overheadMemoryBytes(Quantities.bytes(fixed.get("memory")));
    }
    if (rc.getScheduling() != null) {
      if (rc.getScheduling().getNodeSelector() != null) {
        b.nodeSelector(rc.getScheduling().getNodeSelector());
      }
      if (rc.getScheduling().getTolerations() != null) {
        b.tolerations(rc.getScheduling().getTolerations());
      }
    }
    return b.build();
  }
}
