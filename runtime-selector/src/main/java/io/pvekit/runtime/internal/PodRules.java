package io.pvekit.runtime.internal;

import io.fabric8.kubernetes.api.model.Toleration;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.OwnerLookup;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.RuntimeClassInfo;
import io.pvekit.runtime.Tenant;
import io.pvekit.runtime.WorkloadRuntime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The pod rules: mutate pods of LXC/VM databases, validate every pod's RuntimeClass. */
public final class PodRules {
  private final Policy policy;
  private final OwnerLookup owners;

  public PodRules(Policy policy, OwnerLookup owners) {
    this.policy = policy;
    this.owners = owners;
  }

  /** Sets runtimeClassName, node selector and tolerations on pods of an LXC or VM database. */
  public Verdict mutate(JsonNode pod, String namespace, Inventory inventory) {
    JsonNode spec = pod.get("spec");
    if (spec == null || !spec.isObject()) {
      return Verdict.deny("object.spec: missing or not an object; this is not a pod");
    }
    Optional<OwnerChain.OwnerDatabase> owner = OwnerChain.find(pod, namespace, owners);
    if (owner.isEmpty()) {
      return Verdict.allow("not a database pod");
    }
    OwnerChain.OwnerDatabase db = owner.get();
    Optional<String> wanted = expectedClass(db);
    if (wanted == null) {
      return Verdict.deny(refusedMessage(db));
    }
    if (wanted.isEmpty()) {
      return Verdict.allow("database " + db.name() + " runs as plain pods");
    }
    String className = wanted.get();
    String current = ReviewJson.text(spec, "runtimeClassName");
    if (current != null && !current.equals(className)) {
      return Verdict.deny(
          "spec.runtimeClassName: '"
              + current
              + "' but database "
              + db.kind()
              + " "
              + db.name()
              + " decided RuntimeClass "
              + className
              + "; remove runtimeClassName from the pod");
    }
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    if (current == null) {
      add(patch, "/spec/runtimeClassName", JsonNodeFactory.instance.stringNode(className));
    }
    Map<String, String> selector = new LinkedHashMap<>();
    Optional<RuntimeClassInfo> info =
        Optional.ofNullable(inventory.runtimeClasses().get(className));
    info.ifPresent(i -> selector.putAll(i.nodeSelector()));
    if (className.equals(policy.lxcRuntimeClass())) {
      selector.put(Policy.LXC_NODE_LABEL, "true");
    }
    String conflict = addSelector(patch, spec.get("nodeSelector"), selector);
    if (conflict != null) {
      return Verdict.deny(conflict);
    }
    info.ifPresent(i -> addTolerations(patch, spec.get("tolerations"), i));
    return Verdict.patch(
        "pod of " + db.kind() + " " + db.name() + " runs with RuntimeClass " + className, patch);
  }

  /** Refuses runtime classes the namespace may not use, and pods that dodge their database's. */
  public Verdict validate(JsonNode pod, String namespace, Inventory inventory) {
    JsonNode spec = pod.get("spec");
    if (spec == null || !spec.isObject()) {
      return Verdict.deny("object.spec: missing or not an object; this is not a pod");
    }
    JsonNode rcNode = spec.get("runtimeClassName");
    if (rcNode != null && !rcNode.isNull() && !rcNode.isString()) {
      return Verdict.deny("spec.runtimeClassName: not a string");
    }
    String rc = rcNode == null || rcNode.isNull() ? null : rcNode.stringValue();
    WorkloadRuntime runtime =
        rc == null
            ? WorkloadRuntime.POD
            : rc.equals(policy.lxcRuntimeClass())
                ? WorkloadRuntime.LXC
                : rc.equals(policy.vmRuntimeClass()) ? WorkloadRuntime.VM : null;
    if (runtime != null && runtime != WorkloadRuntime.POD) {
      Set<WorkloadRuntime> allowed =
          inventory
              .tenant(namespace)
              .map(Tenant::allowedRuntimes)
              .filter(s -> !s.isEmpty())
              .orElse(policy.defaultAllowedRuntimes());
      if (!allowed.contains(runtime)) {
        return Verdict.deny(
            "namespace "
                + namespace
                + " may not use runtime "
                + runtime.annotationValue()
                + " (spec.runtimeClassName "
                + rc
                + "); an administrator allows it with the namespace annotation "
                + Tenant.ALLOWED_RUNTIMES_ANNOTATION);
      }
    }
    Optional<OwnerChain.OwnerDatabase> owner = OwnerChain.find(pod, namespace, owners);
    if (owner.isPresent()) {
      Optional<String> wanted = expectedClass(owner.get());
      if (wanted == null) {
        return Verdict.deny(refusedMessage(owner.get()));
      }
      if (!Objects.equals(wanted.orElse(null), rc)) {
        return Verdict.deny(
            "spec.runtimeClassName: '"
                + rc
                + "' but database "
                + owner.get().kind()
                + " "
                + owner.get().name()
                + " decided "
                + wanted.map(w -> "RuntimeClass " + w).orElse("no RuntimeClass (pod)")
                + "; is the mutating webhook installed?");
      }
    }
    return Verdict.allow("runtime allowed");
  }

  /** The class a database's pods must use; empty for pod; null when it has no accepted decision. */
  private Optional<String> expectedClass(OwnerChain.OwnerDatabase db) {
    if (!"Accepted".equals(db.phase()) || db.runtime() == null) {
      return null;
    }
    switch (db.runtime()) {
      case "pod":
        return Optional.empty();
      case "lxc":
        return Optional.of(policy.lxcRuntimeClass());
      case "vm":
        return Optional.of(policy.vmRuntimeClass());
      default:
        return null;
    }
  }

  private static String refusedMessage(OwnerChain.OwnerDatabase db) {
    return "database "
        + db.kind()
        + " "
        + db.name()
        + " has no accepted runtime decision (status.phase "
        + db.phase()
        + ", status.runtime "
        + db.runtime()
        + "); see its status.reasons";
  }

  private static void add(ArrayNode patch, String path, JsonNode value) {
    ObjectNode op = patch.addObject();
    op.put("op", "add");
    op.put("path", path);
    op.set("value", value);
  }

  private static String addSelector(
      ArrayNode patch, JsonNode existing, Map<String, String> wanted) {
    if (wanted.isEmpty()) {
      return null;
    }
    if (existing == null || existing.isNull()) {
      ObjectNode all = JsonNodeFactory.instance.objectNode();
      wanted.forEach(all::put);
      add(patch, "/spec/nodeSelector", all);
      return null;
    }
    if (!existing.isObject()) {
      return "spec.nodeSelector: not an object";
    }
    for (Map.Entry<String, String> e : wanted.entrySet()) {
      JsonNode have = existing.get(e.getKey());
      if (have == null) {
        add(
            patch,
            "/spec/nodeSelector/" + ReviewJson.pointer(e.getKey()),
            JsonNodeFactory.instance.stringNode(e.getValue()));
      } else if (!have.isString() || !have.stringValue().equals(e.getValue())) {
        return "spec.nodeSelector."
            + e.getKey()
            + ": the pod selects '"
            + have
            + "' but its runtime needs '"
            + e.getValue()
            + "'; remove it from the pod";
      }
    }
    return null;
  }

  private static void addTolerations(ArrayNode patch, JsonNode existing, RuntimeClassInfo info) {
    if (info.tolerations().isEmpty()) {
      return;
    }
    boolean none = existing == null || existing.isNull() || !existing.isArray();
    if (none) {
      ArrayNode all = JsonNodeFactory.instance.arrayNode();
      info.tolerations().forEach(t -> all.add(toleration(t)));
      add(patch, "/spec/tolerations", all);
      return;
    }
    for (Toleration t : info.tolerations()) {
      ObjectNode wanted = toleration(t);
      boolean present = false;
      for (JsonNode have : existing) {
        present |= have.equals(wanted);
      }
      if (!present) {
        add(patch, "/spec/tolerations/-", wanted);
      }
    }
  }

  private static ObjectNode toleration(Toleration t) {
    ObjectNode n = JsonNodeFactory.instance.objectNode();
    if (t.getKey() != null) {
      n.put("key", t.getKey());
    }
    if (t.getOperator() != null) {
      n.put("operator", t.getOperator());
    }
    if (t.getValue() != null) {
      n.put("value", t.getValue());
    }
    if (t.getEffect() != null) {
      n.put("effect", t.getEffect());
    }
    return n;
  }
}
