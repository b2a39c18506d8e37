package io.pvekit.runtime.internal;

import static io.pvekit.runtime.internal.Quantities.formatBytes;
import static io.pvekit.runtime.internal.Quantities.formatCpu;

import io.pvekit.runtime.Constraint;
import io.pvekit.runtime.DatabaseRequest;
import io.pvekit.runtime.Policy;
import io.pvekit.runtime.Reason;
import io.pvekit.runtime.RuntimeClassInfo;
import io.pvekit.runtime.Tenant;
import java.util.ArrayList;
import java.util.List;

/** The engine's resource constraints: policy limits and the tenant's quota. */
public final class ResourceChecks {
  private ResourceChecks() {}

  /** Replicas, CPU and memory per pod against the policy's limits. */
  public static Reason limits(Policy policy, DatabaseRequest request) {
    List<String> over = new ArrayList<>();
    if (request.replicas() > policy.maxReplicas()) {
      over.add("replicas " + request.replicas() + " above " + policy.maxReplicas());
    }
    if (request.cpuMillis() > policy.maxCpuMillisPerPod()) {
      over.add(
          "cpu "
              + formatCpu(request.cpuMillis())
              + " above "
              + formatCpu(policy.maxCpuMillisPerPod())
              + " per pod");
    }
    if (request.memoryBytes() > policy.maxMemoryBytesPerPod()) {
      over.add(
          "memory "
              + formatBytes(request.memoryBytes())
              + " above "
              + formatBytes(policy.maxMemoryBytesPerPod())
              + " per pod");
    }
    if (over.isEmpty()) {
      return Reason.pass(
          Constraint.LIMITS,
          request.replicas()
              + " x ("
              + formatCpu(request.cpuMillis())
              + " CPU, "
              + formatBytes(request.memoryBytes())
              + ") within the policy's limits");
    }
    return Reason.fail(
        Constraint.LIMITS, String.join(", ", over) + "; lower them to the policy's limits");
  }

  /** The tenant's ResourceQuota against all pods, their overhead and volumes. */
  public static Reason quota(
      DatabaseRequest request,
      Tenant tenant,
      RuntimeClassInfo runtimeClass,
      long podCpu,
      long podMemory) {
    long cpu = podCpu * request.replicas();
    long memory = podMemory * request.replicas();
    long storage = request.storageBytes() * request.replicas();
    List<String> over = new ArrayList<>();
    tenant
        .quotaCpuMillis()
        .filter(hard -> tenant.usedCpuMillis() + cpu > hard)
        .ifPresent(
            hard ->
                over.add(
                    "requests.cpu "
                        + formatCpu(tenant.usedCpuMillis())
                        + " used + "
                        + formatCpu(cpu)
                        + " > "
                        + formatCpu(hard)));
    tenant
        .quotaMemoryBytes()
        .filter(hard -> tenant.usedMemoryBytes() + memory > hard)
        .ifPresent(
            hard ->
                over.add(
                    "requests.memory "
                        + formatBytes(tenant.usedMemoryBytes())
                        + " used + "
                        + formatBytes(memory)
                        + " > "
                        + formatBytes(hard)));
    tenant
        .quotaStorageBytes()
        .filter(hard -> tenant.usedStorageBytes() + storage > hard)
        .ifPresent(
            hard ->
                over.add(
                    "requests.storage "
                        + formatBytes(tenant.usedStorageBytes())
                        + " used + "
                        + formatBytes(storage)
                        + " > "
                        + formatBytes(hard)));
    String overhead =
        runtimeClass != null
                && runtimeClass.overheadMemoryBytes() + runtimeClass.overheadCpuMillis() > 0
            ? " (RuntimeClass " + runtimeClass.name() + " overhead included)"
            : "";
    if (over.isEmpty()) {
      return Reason.pass(
          Constraint.QUOTA,
          "quota of "
              + request.namespace()
              + " has room for "
              + formatCpu(cpu)
              + " CPU, "
              + formatBytes(memory)
              + " memory, "
              + formatBytes(storage)
              + " storage"
              + overhead);
    }
    return Reason.fail(
        Constraint.QUOTA,
        "the ResourceQuota of "
            + request.namespace()
            + " would be exceeded: "
            + String.join(", ", over)
            + overhead
            + "; lower replicas, cpu, memory or storage, or raise the quota");
  }
}
