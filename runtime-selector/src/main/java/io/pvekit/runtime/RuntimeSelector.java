package io.pvekit.runtime;

import static io.pvekit.runtime.internal.Quantities.formatBytes;
import static io.pvekit.runtime.internal.Quantities.formatCpu;

import io.fabric8.kubernetes.api.model.Toleration;
import io.pvekit.runtime.internal.ResourceChecks;
import io.pvekit.runtime.internal.Scheduling;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Decides pod, LXC or VM for a database request against an inventory and a policy, with one reason
 * per constraint. Stateless and thread-safe; one decision at 5,000 nodes is a single pass.
 */
public final class RuntimeSelector {
  private static final int MAX_CANDIDATES = 20;

  private final Policy policy;

  /**
   * A selector with a policy.
   *
   * @param policy the policy
   */
  public RuntimeSelector(Policy policy) {
    this.policy = policy;
  }

  /**
   * The policy this selector applies.
   *
   * @return the policy
   */
  public Policy policy() {
    return policy;
  }

  /**
   * Decides, never throwing for a request that cannot be placed: read {@link Decision#accepted()}.
   * For {@code runtime: auto} the engine's default is tried first, then pod.
   *
   * @param request the request
   * @param inventory the cluster
   * @return the decision
   */
  public Decision decide(DatabaseRequest request, Inventory inventory) {
    if (request.runtime() != RuntimeChoice.AUTO) {
      WorkloadRuntime runtime = request.runtime().runtime().orElseThrow();
      return evaluate(
          request,
          inventory,
          runtime,
          Reason.pass(Constraint.RUNTIME_SELECTED, "asked for " + runtime.annotationValue()));
    }
    WorkloadRuntime preferred = policy.defaultRuntime(request.engine());
    Decision first =
        evaluate(
            request,
            inventory,
            preferred,
            Reason.pass(
                Constraint.RUNTIME_SELECTED,
                "auto: the policy's default for "
                    + request.engine().kind()
                    + " is "
                    + preferred.annotationValue()));
    if (first.accepted() || preferred == WorkloadRuntime.POD) {
      return first;
    }
    Decision fallback =
        evaluate(
            request,
            inventory,
            WorkloadRuntime.POD,
            Reason.pass(
                Constraint.RUNTIME_SELECTED,
                "auto: the default "
                    + preferred.annotationValue()
                    + " is not possible ("
                    + first.violations().stream()
                        .map(r -> r.constraint().name())
                        .collect(Collectors.joining(", "))
                    + "), so pod"));
    return fallback.accepted() ? fallback : first;
  }

  /**
   * Decides and insists on an accepted decision.
   *
   * @param request the request
   * @param inventory the cluster
   * @return the accepted decision
   * @throws RuntimeRefusedException with the violations when the request cannot be placed
   */
  public Decision require(DatabaseRequest request, Inventory inventory) {
    Decision decision = decide(request, inventory);
    if (!decision.accepted()) {
      throw new RuntimeRefusedException(decision);
    }
    return decision;
  }

  private Decision evaluate(
      DatabaseRequest request, Inventory inventory, WorkloadRuntime runtime, Reason selected) {
    List<Reason> reasons = new ArrayList<>();
    reasons.add(selected);
    String rt = runtime.annotationValue();
    Tenant tenant =
        inventory
            .tenant(request.namespace())
            .orElse(Tenant.builder().namespace(request.namespace()).build());

    Set<WorkloadRuntime> allowed =
        tenant.allowedRuntimes().isEmpty()
            ? policy.defaultAllowedRuntimes()
            : tenant.allowedRuntimes();
    if (allowed.contains(runtime)) {
      reasons.add(
          Reason.pass(
              Constraint.RUNTIME_ALLOWED, "namespace " + request.namespace() + " may use " + rt));
    } else {
      reasons.add(
          Reason.fail(
              Constraint.RUNTIME_ALLOWED,
              "namespace "
                  + request.namespace()
                  + " may not use "
                  + rt
                  + " (allowed: "
                  + names(allowed)
                  + "); ask for one of those, or have an administrator add "
                  + rt
                  + " to the namespace annotation "
                  + Tenant.ALLOWED_RUNTIMES_ANNOTATION));
    }

    reasons.add(ResourceChecks.limits(policy, request));

    String className = policy.runtimeClassOf(runtime);
    RuntimeClassInfo runtimeClass =
        className == null ? null : inventory.runtimeClasses().get(className);
    Map<String, String> nodeSelector = new LinkedHashMap<>();
    List<Toleration> tolerations = new ArrayList<>();
    if (className == null) {
      reasons.add(Reason.pass(Constraint.RUNTIME_CLASS, "pod uses the nodes' default runtime"));
    } else if (runtimeClass == null) {
      reasons.add(
          Reason.fail(
              Constraint.RUNTIME_CLASS,
              "RuntimeClass "
                  + className
                  + " does not exist; apply it (pvekit db render --runtime-classes) or ask for"
                  + " another runtime"));
    } else {
      reasons.add(
          Reason.pass(
              Constraint.RUNTIME_CLASS,
              "RuntimeClass "
                  + className
                  + " (handler "
                  + runtimeClass.handler()
                  + ", overhead "
                  + formatCpu(runtimeClass.overheadCpuMillis())
                  + " CPU, "
                  + formatBytes(runtimeClass.overheadMemoryBytes())
                  + " per pod)"));
      nodeSelector.putAll(runtimeClass.nodeSelector());
      tolerations.addAll(runtimeClass.tolerations());
    }
    if (runtime == WorkloadRuntime.LXC) {
      nodeSelector.put(Policy.LXC_NODE_LABEL, "true");
    }

    long podCpu =
        request.cpuMillis() + (runtimeClass == null ? 0 : runtimeClass.overheadCpuMillis());
    long podMemory =
        request.memoryBytes() + (runtimeClass == null ? 0 : runtimeClass.overheadMemoryBytes());
    List<String> candidates = new ArrayList<>();
    if (className == null || runtimeClass != null) {
      nodes(
          request,
          inventory,
          runtime,
          runtimeClass,
          nodeSelector,
          tolerations,
          podCpu,
          podMemory,
          reasons,
          candidates);
    }
    reasons.add(ResourceChecks.quota(request, tenant, runtimeClass, podCpu, podMemory));

    return Decision.builder()
        .request(request)
        .runtime(runtime)
        .runtimeClassName(java.util.Optional.ofNullable(className))
        .nodeSelector(nodeSelector)
        .tolerations(tolerations)
        .podCpuMillis(podCpu)
        .podMemoryBytes(podMemory)
        .candidateNodes(candidates)
        .reasons(reasons)
        .build();
  }

  private void nodes(
      DatabaseRequest request,
      Inventory inventory,
      WorkloadRuntime runtime,
      RuntimeClassInfo runtimeClass,
      Map<String, String> nodeSelector,
      List<Toleration> tolerations,
      long podCpu,
      long podMemory,
      List<Reason> reasons,
      List<String> candidates) {
    String handler = runtimeClass == null ? null : runtimeClass.handler();
    List<InventoryNode> offering = new ArrayList<>();
    for (InventoryNode node : inventory.nodes()) {
      if (!node.unschedulable()
          && Scheduling.matches(nodeSelector, node.labels())
          && (handler == null || node.runtimeHandlers().contains(handler))
          && Scheduling.toleratesAll(tolerations, node.taints())) {
        offering.add(node);
      }
    }
    String rt = runtime.annotationValue();
    if (offering.isEmpty()) {
      String what =
          runtime == WorkloadRuntime.LXC
              ? "no schedulable node is labelled "
                  + Policy.LXC_NODE_LABEL
                  + "=true and offers the "
                  + handler
                  + " handler (LXC needs a Proxmox node running proxmox-lxcri); label such a"
                  + " node or ask for runtime pod or vm"
              : runtime == WorkloadRuntime.VM
                  ? "no schedulable node matches RuntimeClass "
                      + runtimeClass.name()
                      + " (selector "
                      + nodeSelector
                      + ", handler "
                      + handler
                      + "); install the VM runtime on a node or ask for runtime pod or lxc"
                  : "no schedulable node without taints a plain pod cannot tolerate; uncordon or"
                      + " add a node";
      reasons.add(Reason.fail(Constraint.NODES_OFFER_RUNTIME, what));
      reasons.add(Reason.fail(Constraint.CAPACITY, "not checked: no node offers " + rt));
      return;
    }
    reasons.add(
        Reason.pass(
            Constraint.NODES_OFFER_RUNTIME, offering.size() + " schedulable node(s) offer " + rt));
    // One pass: count the nodes with room and keep the MAX_CANDIDATES with most free memory in a
    // small min-heap (a full sort of thousands of nodes would dominate a decision's time).
    int roomy = 0;
    java.util.PriorityQueue<InventoryNode> best =
        new java.util.PriorityQueue<>(
            MAX_CANDIDATES + 1, Comparator.comparingLong(InventoryNode::freeMemoryBytes));
    for (InventoryNode node : offering) {
      if (node.freeCpuMillis() >= podCpu && node.freeMemoryBytes() >= podMemory) {
        roomy++;
        if (best.size() < MAX_CANDIDATES) {
          best.add(node);
        } else if (node.freeMemoryBytes() > best.peek().freeMemoryBytes()) {
          best.poll();
          best.add(node);
        }
      }
    }
    List<InventoryNode> top = new ArrayList<>(best);
    top.sort(
        Comparator.comparingLong(InventoryNode::freeMemoryBytes)
            .reversed()
            .thenComparing(InventoryNode::name));
    for (InventoryNode node : top) {
      candidates.add(node.name());
    }
    String perPod = perPod(request, runtimeClass, podCpu, podMemory);
    // One pod per node: a replicated database loses its point when two replicas share a node.
    if (roomy >= request.replicas()) {
      reasons.add(
          Reason.pass(
              Constraint.CAPACITY,
              roomy
                  + " node(s) have room for a pod of "
                  + perPod
                  + "; "
                  + request.replicas()
                  + " needed (one per node)"));
    } else {
      reasons.add(
          Reason.fail(
              Constraint.CAPACITY,
              rt
                  + " needs "
                  + request.replicas()
                  + " node(s) with room for "
                  + perPod
                  + " each, but only "
                  + roomy
                  + " of the "
                  + offering.size()
                  + " node(s) offering "
                  + rt
                  + " have it; lower replicas, cpu or memory, or add capacity"));
    }
  }

  private static String perPod(
      DatabaseRequest request, RuntimeClassInfo runtimeClass, long podCpu, long podMemory) {
    String s = formatCpu(podCpu) + " CPU and " + formatBytes(podMemory) + " memory";
    if (runtimeClass != null
        && (runtimeClass.overheadCpuMillis() > 0 || runtimeClass.overheadMemoryBytes() > 0)) {
      s +=
          " ("
              + formatCpu(request.cpuMillis())
              + " + "
              + formatBytes(request.memoryBytes())
              + " asked, plus the overhead of RuntimeClass "
              + runtimeClass.name()
              + ")";
    }
    return s;
  }

  private static String names(Set<WorkloadRuntime> runtimes) {
    return runtimes.stream()
        .map(WorkloadRuntime::annotationValue)
        .sorted()
        .collect(Collectors.joining(", "));
  }
}
