package io.pvekit.proxmox.simulator.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Json;

/** QEMU's {@code query-blockstats} entry for one drive, growing with the guest's uptime. */
final class BlockStats {
  private BlockStats() {}

  static ObjectNode of(long uptime) {
    ObjectNode s = Json.object();
    long reads = uptime * 3;
    long writes = uptime * 2;
    s.put("account_failed", true);
    s.put("account_invalid", true);
    s.put("idle_time_ns", 1_000_000_000L);
    s.put("rd_bytes", reads * 4096);
    s.put("rd_operations", reads);
    s.put("rd_merged", 0);
    s.put("rd_total_time_ns", reads * 10_000);
    s.put("wr_bytes", writes * 4096);
    s.put("wr_operations", writes);
    s.put("wr_merged", 0);
    s.put("wr_total_time_ns", writes * 20_000);
    s.put("wr_highest_offset", writes * 4096);
    s.put("flush_operations", writes / 2);
    s.put("flush_total_time_ns", writes * 5_000);
    s.put("unmap_bytes", 0);
    s.put("unmap_operations", 0);
    s.put("unmap_merged", 0);
    s.put("unmap_total_time_ns", 0);
    for (String op : new String[] {"rd", "wr", "flush", "unmap"}) {
      s.put("failed_" + op + "_operations", 0);
      s.put("invalid_" + op + "_operations", 0);
    }
    s.putArray("timed_stats");
    return s;
  }
}
