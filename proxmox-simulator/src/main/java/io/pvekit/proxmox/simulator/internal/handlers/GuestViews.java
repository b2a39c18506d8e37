package io.pvekit.proxmox.simulator.internal.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.schema.Param;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.schema.SchemaParams;
import io.pvekit.proxmox.simulator.internal.schema.Validator;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.Map;

/** The JSON shapes PVE answers for guests: config, current status, list and resource entries. */
final class GuestViews {
  private GuestViews() {}

  /** {@code GET .../config}: values typed by the schema (numbers, 0/1), plus {@code digest}. */
  static ObjectNode config(Guest guest) {
    Map<String, Param> schema =
        SchemaParams.params(
            "PUT",
            guest.type() == GuestType.QEMU
                ? "/nodes/{node}/qemu/{vmid}/config"
                : "/nodes/{node}/lxc/{vmid}/config");
    ObjectNode out = Json.object();
    guest
        .config()
        .forEach(
            (key, value) -> {
              Param p = Validator.lookup(schema, key);
              String type = p == null ? "string" : p.type();
              try {
                switch (type) {
                  case "integer", "boolean" -> out.put(key, Long.parseLong(value));
                  case "number" -> out.put(key, Double.parseDouble(value));
                  default -> out.put(key, value);
                }
              } catch (NumberFormatException e) {
                out.put(key, value);
              }
            });
    if (out.has("cipassword")) {
      out.put("cipassword", "**********"); // qemu-server never shows the hash
    }
    out.put("digest", guest.digest());
    return out;
  }

  /**
   * {@code GET .../pending}: every config key with its current value. The simulator applies changes
   * at once (as PVE does for a stopped guest), so no key carries a pending value or delete.
   */
  static ArrayNode pending(Guest guest) {
    ArrayNode out = Json.array();
    guest
        .config()
        .forEach(
            (key, value) -> {
              ObjectNode entry = out.addObject();
              entry.put("key", key);
              entry.put("value", value);
            });
    return out;
  }

  /** An entry of {@code GET /nodes/{node}/qemu} or {@code .../lxc}. */
  static ObjectNode listEntry(World world, Guest guest) {
    ObjectNode out = common(world, guest);
    if (guest.type() == GuestType.LXC) {
      out.put("type", "lxc");
    }
    return out;
  }

  /** An entry of {@code GET /cluster/resources}. */
  static ObjectNode resource(World world, Guest guest) {
    ObjectNode out = Json.object();
    out.put("id", guest.type().apiName() + "/" + guest.vmid());
    out.put("type", guest.type().apiName());
    out.put("vmid", guest.vmid());
    out.put("name", guest.name());
    out.put("node", guest.node());
    out.put("status", guest.status());
    out.put("template", guest.template() ? 1 : 0);
    out.put("maxcpu", guest.cpus());
    putCpu(out, guest);
    out.put("maxmem", guest.memoryBytes());
    out.put("mem", usedMemory(guest));
    out.put("maxdisk", maxdisk(world, guest));
    out.put("disk", 0);
    long uptime = uptime(world, guest);
    out.put("uptime", uptime);
    out.put("netin", uptime * 1000);
    out.put("netout", uptime * 800);
    out.put("diskread", uptime * 4096);
    out.put("diskwrite", uptime * 2048);
    if (guest.pool() != null) {
      out.put("pool", guest.pool());
    }
    optional(out, guest, "tags");
    optional(out, guest, "lock");
    return out;
  }

  static ObjectNode common(World world, Guest guest) {
    ObjectNode out = Json.object();
    out.put("vmid", guest.vmid());
    out.put("name", guest.name());
    out.put("status", guest.status());
    out.put("cpus", guest.cpus());
    putCpu(out, guest);
    out.put("maxmem", guest.memoryBytes());
    out.put("mem", usedMemory(guest));
    out.put("maxdisk", maxdisk(world, guest));
    out.put("disk", 0);
    long uptime = uptime(world, guest);
    out.put("uptime", uptime);
    out.put("netin", uptime * 1000);
    out.put("netout", uptime * 800);
    out.put("diskread", uptime * 4096);
    out.put("diskwrite", uptime * 2048);
    if (guest.running()) {
      out.put("pid", guest.pid());
    }
    if (guest.type() == GuestType.LXC) {
      long swap = Long.parseLong(guest.config().getOrDefault("swap", "512")) * Sizes.MIB;
      out.put("maxswap", swap);
      out.put("swap", 0);
    }
    if (guest.template()) {
      out.put("template", 1);
    }
    optional(out, guest, "tags");
    optional(out, guest, "lock");
    return out;
  }

  /** A load as a float; an idle guest's 0 as an integer, as Perl's JSON writes it. */
  private static void putCpu(ObjectNode out, Guest guest) {
    if (guest.running()) {
      out.put("cpu", 0.0123);
    } else {
      out.put("cpu", 0);
    }
  }

  private static void optional(ObjectNode out, Guest guest, String key) {
    String value = guest.config().get(key);
    if (value != null) {
      out.put(key, value);
    }
  }

  static boolean agentEnabled(Guest guest) {
    String agent = guest.config().get("agent");
    if (agent == null) {
      return false;
    }
    String enabled =
        PropertyStrings.parseLenient(
                io.pvekit.proxmox.simulator.internal.schema.PropertyFormat.of(
                    "enabled!*:bool freeze-fs:bool fstrim_cloned_disks:bool type:str"),
                agent)
            .get("enabled");
    return "1".equals(enabled) || "on".equals(enabled) || "yes".equals(enabled);
  }

  static long usedMemory(Guest guest) {
    return guest.running() ? guest.memoryBytes() * 35 / 100 : 0;
  }

  static long uptime(World world, Guest guest) {
    return guest.running() ? Math.max(0, world.clock().epochSecond() - guest.startedAt()) : 0;
  }

  /** The size of the boot disk (QEMU) or root file system (LXC). */
  static long maxdisk(World world, Guest guest) {
    String key = guest.type() == GuestType.LXC ? "rootfs" : bootDisk(guest);
    if (key == null || guest.config().get(key) == null) {
      return 0;
    }
    String size =
        PropertyStrings.parseLenient(Guest.diskFormat(guest.type(), key), guest.config().get(key))
            .get("size");
    try {
      return size == null ? 0 : Sizes.parse(size);
    } catch (RuntimeException e) {
      return 0;
    }
  }

  private static String bootDisk(Guest guest) {
    for (String candidate : new String[] {"scsi0", "virtio0", "sata0", "ide0"}) {
      if (guest.config().containsKey(candidate)) {
        return candidate;
      }
    }
    return guest.volumes().keySet().stream()
        .filter(k -> !k.startsWith("unused"))
        .findFirst()
        .orElse(null);
  }
}
