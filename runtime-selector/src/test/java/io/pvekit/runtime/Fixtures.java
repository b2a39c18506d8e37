package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeRuntimeHandlerBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.TaintBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A small cluster: 3 Proxmox LXC nodes, 2 Kata nodes, 2 plain nodes, two tenants. */
final class Fixtures {
  static final Policy POLICY = Policy.defaults();

  private Fixtures() {}

  static List<HasMetadata> objects() {
    List<HasMetadata> list = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      list.add(lxcNode("pve-" + i, "8", "32Gi"));
    }
    for (int i = 1; i <= 2; i++) {
      list.add(kataNode("kata-" + i, "8", "32Gi"));
    }
    for (int i = 1; i <= 2; i++) {
      list.add(node("worker-" + i, "4", "16Gi", Map.of(), List.of("runc")).build());
    }
    list.add(RuntimeClasses.lxc(POLICY));
    list.add(RuntimeClasses.vm(POLICY));
    list.add(namespace("tenant-a", null));
    list.add(namespace("tenant-b", "pod"));
    list.add(quota("tenant-a", "40", "80Gi", "2Ti"));
    return list;
  }

  static Inventory inventory() {
    return Inventory.fromObjects(objects());
  }

  static Node lxcNode(String name, String cpu, String memory) {
    return node(
            name,
            cpu,
            memory,
            Map.of(Policy.LXC_NODE_LABEL, "true"),
            List.of("runc", "proxmox-lxc"))
        .editSpec()
        .withTaints(
            new TaintBuilder()
                .withKey(Policy.LXC_NODE_LABEL)
                .withValue("true")
                .withEffect("NoSchedule")
                .build())
        .endSpec()
        .build();
  }

  static Node kataNode(String name, String cpu, String memory) {
    return node(
            name,
            cpu,
            memory,
            Map.of(RuntimeClasses.KATA_NODE_LABEL, "true"),
            List.of("runc", "kata-qemu"))
        .build();
  }

  static NodeBuilder node(
      String name, String cpu, String memory, Map<String, String> labels, List<String> handlers) {
    NodeBuilder b =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .withAllocatable(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
            .endStatus();
    for (String h : handlers) {
      b.editStatus()
          .addToRuntimeHandlers(new NodeRuntimeHandlerBuilder().withName(h).build())
          .endStatus();
    }
    return b;
  }

  static Namespace namespace(String name, String allowed) {
    NamespaceBuilder b = new NamespaceBuilder().withNewMetadata().withName(name).endMetadata();
    if (allowed != null) {
      b.editMetadata().addToAnnotations(Tenant.ALLOWED_RUNTIMES_ANNOTATION, allowed).endMetadata();
    }
    return b.build();
  }

  static ResourceQuota quota(String namespace, String cpu, String memory, String storage) {
    return new ResourceQuotaBuilder()
        .withNewMetadata()
        .withName("quota")
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withHard(
            Map.of(
                "requests.cpu", new Quantity(cpu),
                "requests.memory", new Quantity(memory),
                "requests.storage", new Quantity(storage)))
        .endSpec()
        .build();
  }

  static DatabaseRequest.Builder request(DatabaseEngine engine, RuntimeChoice runtime) {
    return DatabaseRequest.builder()
        .name("orders")
        .namespace("tenant-a")
        .engine(engine)
        .runtime(runtime)
        .replicas(3)
        .size("2", "4Gi", "100Gi");
  }
}
