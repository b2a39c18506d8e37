package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.CgroupLayout;
import io.pvekit.lxc.ResourceLimits;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@link ResourceLimits} as cgroup file writes, in the family the host's liblxc applies. */
public final class CgroupSettings {
  private CgroupSettings() {}

  /** File name to value, in the order to write them. */
  public static Map<String, String> of(ResourceLimits limits, CgroupLayout layout) {
    return layout == CgroupLayout.UNIFIED ? v2(limits) : v1(limits);
  }

  private static Map<String, String> v1(ResourceLimits l) {
    Map<String, String> files = new LinkedHashMap<>();
    l.memoryLimit().ifPresent(v -> files.put("memory.limit_in_bytes", Long.toString(v)));
    l.memoryReservation().ifPresent(v -> files.put("memory.soft_limit_in_bytes", Long.toString(v)));
    l.memorySwap().ifPresent(v -> files.put("memory.memsw.limit_in_bytes", Long.toString(v)));
    l.cpuShares().ifPresent(v -> files.put("cpu.shares", Long.toString(v)));
    l.cpuPeriod().ifPresent(v -> files.put("cpu.cfs_period_us", Long.toString(v)));
    l.cpuQuota().ifPresent(v -> files.put("cpu.cfs_quota_us", Long.toString(v)));
    l.cpusetCpus().ifPresent(v -> files.put("cpuset.cpus", v));
    l.cpusetMems().ifPresent(v -> files.put("cpuset.mems", v));
    l.pidsLimit().ifPresent(v -> files.put("pids.max", v > 0 ? Long.toString(v) : "max"));
    l.blkioWeight().ifPresent(v -> files.put("blkio.weight", Integer.toString(v)));
    return files;
  }

  private static Map<String, String> v2(ResourceLimits l) {
    Map<String, String> files = new LinkedHashMap<>();
    l.memoryLimit().ifPresent(v -> files.put("memory.max", v < 0 ? "max" : Long.toString(v)));
    l.memoryReservation().ifPresent(v -> files.put("memory.low", Long.toString(v)));
    if (l.memorySwap().isPresent() && l.memoryLimit().isPresent()) {
      long swap = l.memorySwap().get();
      files.put("memory.swap.max", swap < 0 ? "max" : Long.toString(swap - l.memoryLimit().get()));
    }
    // runc's conversion of v1 shares (2..262144) to v2 weight (1..10000).
    l.cpuShares()
        .ifPresent(v -> files.put("cpu.weight", Long.toString(1 + ((v - 2) * 9999) / 262142)));
    if (l.cpuQuota().isPresent() || l.cpuPeriod().isPresent()) {
      long quota = l.cpuQuota().orElse(-1L);
      files.put(
          "cpu.max",
          (quota < 0 ? "max" : Long.toString(quota)) + " " + l.cpuPeriod().orElse(100_000L));
    }
    l.cpusetCpus().ifPresent(v -> files.put("cpuset.cpus", v));
    l.cpusetMems().ifPresent(v -> files.put("cpuset.mems", v));
    l.pidsLimit().ifPresent(v -> files.put("pids.max", v > 0 ? Long.toString(v) : "max"));
    l.blkioWeight().ifPresent(v -> files.put("io.weight", Integer.toString(v)));
    return files;
  }
}
