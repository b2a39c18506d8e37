package io.pvekit.proxmox.simulator.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.World;

/**
 * {@code GET .../status/current} as PVE 9.1 answers it: the list fields plus what the schema's
 * {@code returns} documents ({@code memhost}, the pressure stall averages, {@code serial}, {@code
 * spice}) and what a running QEMU adds on a real server (balloon info, block and NIC counters,
 * {@code proxmox-support}).
 */
final class GuestStatus {
  private static final String[] PRESSURE = {
    "pressurecpusome",
    "pressureiofull",
    "pressureiosome",
    "pressurememoryfull",
    "pressurememorysome"
  };

  private GuestStatus() {}

  static ObjectNode status(World world, Guest guest) {
    ObjectNode out = GuestViews.common(world, guest);
    ObjectNode ha = out.putObject("ha");
    java.util.Map<String, String> resource = world.haResource(guest.vmid());
    ha.put("managed", resource == null ? 0 : 1);
    if (resource != null) {
      ha.put("state", resource.getOrDefault("state", "started"));
      if (resource.containsKey("group")) {
        ha.put("group", resource.get("group"));
      }
    }
    boolean running = guest.running();
    for (String p : PRESSURE) {
      out.put(p, running ? 0.12 : 0);
    }
    if (guest.type() == GuestType.LXC) {
      out.put("type", "lxc");
      return out;
    }
    out.put("pressurecpufull", running ? 0.05 : 0);
    out.put("qmpstatus", guest.status());
    if (GuestViews.agentEnabled(guest)) {
      out.put("agent", 1);
    }
    if (guest.config().keySet().stream().anyMatch(k -> k.matches("serial\\d"))) {
      out.put("serial", 1);
    }
    String vga = guest.config().getOrDefault("vga", "");
    if (vga.contains("clipboard=vnc")) {
      out.put("clipboard", "vnc");
    }
    out.put("memhost", GuestViews.usedMemory(guest));
    if (running) {
      running(world, guest, out);
    }
    return out;
  }

  private static void running(World world, Guest guest, ObjectNode out) {
    long maxmem = guest.memoryBytes();
    long used = GuestViews.usedMemory(guest);
    long uptime = GuestViews.uptime(world, guest);
    out.put("running-machine", "pc-i440fx-10.1+pve0");
    out.put("running-qemu", World.QEMU_VERSION);
    out.put("spice", guest.config().getOrDefault("vga", "").startsWith("qxl") ? 1 : 0);
    out.put("shares", 1000);
    out.put("balloon", maxmem);
    out.put("balloon_min", maxmem);
    out.put("freemem", maxmem - used);
    ObjectNode balloon = out.putObject("ballooninfo");
    balloon.put("actual", maxmem);
    balloon.put("max_mem", maxmem);
    balloon.put("free_mem", maxmem - used);
    balloon.put("total_mem", maxmem - 80L * Sizes.MIB);
    balloon.put("major_page_faults", 0);
    balloon.put("minor_page_faults", uptime * 20);
    balloon.put("mem_swapped_in", 0);
    balloon.put("mem_swapped_out", 0);
    balloon.put("last_update", world.clock().epochSecond());
    ObjectNode blockstat = out.putObject("blockstat");
    for (String key : guest.volumes().keySet()) {
      if (!key.startsWith("unused")) {
        blockstat.set(key, BlockStats.of(uptime));
      }
    }
    ObjectNode nics = out.putObject("nics");
    for (String key : guest.netKeys()) {
      nics.putObject("tap" + guest.vmid() + "i" + key.substring(3))
          .put("netin", uptime * 1000)
          .put("netout", uptime * 800);
    }
    ObjectNode support = out.putObject("proxmox-support");
    support.put("backup-fleecing", true);
    support.put("backup-max-workers", true);
    support.put("pbs-dirty-bitmap", true);
    support.put("pbs-dirty-bitmap-migration", true);
    support.put("pbs-dirty-bitmap-savevm", true);
    support.put("pbs-library-version", "2.0.1 (UNKNOWN)");
    support.put("pbs-masterkey", true);
    support.put("query-bitmap-info", true);
  }
}
