package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.schema.PropertyFormat;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.state.BackupArchive;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.NodeState;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Restores of {@code vzdump} archives: {@code POST /nodes/{node}/qemu} with {@code archive} and
 * {@code POST /nodes/{node}/lxc} with {@code restore=1}. The guest gets the archive's config and
 * new disks for the backed-up ones (on {@code storage} or where they were), a new VMID is allowed,
 * {@code unique} gives it new MAC addresses (and a new SMBIOS UUID), and an existing guest is only
 * replaced with {@code force}, while it is stopped, as qemu-server and pve-container do.
 */
final class Restore {
  /** Call parameters that steer the restore; any other config key overrides the archive's. */
  private static final java.util.Set<String> STEERING =
      java.util.Set.of(
          "node",
          "vmid",
          "archive",
          "ostemplate",
          "restore",
          "force",
          "unique",
          "storage",
          "pool",
          "bwlimit",
          "live-restore",
          "start",
          "ha-managed",
          "ignore-unpack-errors",
          "unprivileged");

  private Restore() {}

  /** {@code POST /nodes/{node}/qemu} with {@code archive}. */
  static String qemu(Call c) {
    return restore(c, GuestType.QEMU, c.str("archive"), "qmrestore");
  }

  /** {@code POST /nodes/{node}/lxc} with {@code restore=1}. */
  static String lxc(Call c) {
    return restore(c, GuestType.LXC, c.str("ostemplate"), "vzrestore");
  }

  private static String restore(Call c, GuestType type, String volid, String workerType) {
    World world = c.world();
    NodeState node = world.node(c.node());
    int vmid = c.vmid();
    String pool = c.str("pool");
    Guests.requireAllocate(c, vmid, pool);
    Guests.checkPool(world, pool);
    BackupArchive archive = BackupApi.archive(c, volid);
    String label = type == GuestType.QEMU ? "VM" : "CT";
    String prefix = "unable to restore " + label + " " + vmid + " - ";
    if (archive.type() != type) {
      throw new SimulatorError(
          prefix + "archive '" + volid + "' holds a " + archive.type().label() + " backup");
    }
    Guest existing = world.guests().get(vmid);
    Guest guest;
    if (existing != null) {
      if (!c.flag("force")) {
        throw new SimulatorError(
            (type == GuestType.QEMU ? prefix : "")
                + existing.type().label()
                + " "
                + vmid
                + " already exists on node '"
                + existing.node()
                + "'");
      }
      guest = world.guest(node.name(), vmid, type);
      GuestConfig.checkLock(guest, c);
      if ("1".equals(guest.config().get("protection"))) {
        throw new SimulatorError(prefix + "protection mode enabled");
      }
      if (guest.running()) {
        throw new SimulatorError(
            type == GuestType.QEMU
                ? prefix + "vm is running"
                : "can't overwrite running container");
      }
    } else {
      guest = new Guest(vmid, type, node.name());
      world.guests().put(vmid, guest);
      Guests.joinPool(world, guest, pool);
    }
    guest.config().put("lock", "create");
    world.changed();
    boolean start = c.flag("start");
    boolean unique = c.flag("unique");
    String storage = c.str("storage", type == GuestType.LXC ? "local" : null);
    TaskRecord task =
        c.tasks()
            .start(
                node.name(),
                workerType,
                Integer.toString(vmid),
                c.subject(),
                guest,
                false,
                t -> {
                  for (String old : guest.volumes().values()) {
                    world.freeVolume(guest.node(), old);
                  }
                  guest.config().clear();
                  guest.snapshots().clear();
                  Disks disks = new Disks(world, node.name());
                  try {
                    restoreConfig(c, world, guest, archive, storage, unique, disks, t);
                  } catch (SimulatorError e) {
                    disks.rollback();
                    world.destroyGuest(guest);
                    throw new SimulatorError(prefix + e.getMessage());
                  }
                  t.log().add("restore of '" + volid + "' to " + label + " " + vmid + " finished");
                  if (start) {
                    Guests.powerOn(world, guest, t);
                  }
                  world.changed();
                });
    task.onAbort(() -> world.destroyGuest(guest));
    return task.upidText();
  }

  private static void restoreConfig(
      Call c,
      World world,
      Guest guest,
      BackupArchive archive,
      String storage,
      boolean unique,
      Disks disks,
      TaskRecord task) {
    Map<String, String> config = guest.config();
    for (Map.Entry<String, String> e : archive.config().entrySet()) {
      String key = e.getKey();
      String value = e.getValue();
      Long size = archive.diskSizes().get(key);
      if (size != null) {
        value = newDisk(guest, key, value, storage, size, disks);
        task.log().add("restored '" + key + "' to '" + Guest.volumeOf(value) + "'");
      } else if (key.matches("net\\d+") && unique) {
        value = newMac(world, guest.type(), value);
      } else if (key.equals("smbios1") && unique) {
        value = value.replaceFirst("(^|,)uuid=[^,]*", "$1uuid=" + world.newUuid());
      } else if (key.equals("vmgenid") && !value.equals("0")) {
        value = world.newUuid(); // qemu-server always gives a restored VM a new generation id
      }
      config.put(key, value);
    }
    for (Map.Entry<String, Object> e : c.params().entrySet()) {
      if (!STEERING.contains(e.getKey()) && !guest.isDiskKey(e.getKey())) {
        config.put(e.getKey(), e.getValue().toString());
      }
    }
  }

  private static String newDisk(
      Guest guest, String key, String value, String storage, long size, Disks disks) {
    PropertyFormat format = Guest.diskFormat(guest.type(), key);
    Map<String, String> parts = new LinkedHashMap<>(PropertyStrings.parseLenient(format, value));
    String original = Guest.volumeOf(value);
    String target = storage != null ? storage : original.substring(0, original.indexOf(':'));
    String gib = new BigDecimal(size).divide(new BigDecimal(Sizes.GIB)).toPlainString();
    parts.put(format.defaultKey(), target + ":" + gib);
    parts.remove("size");
    return disks.resolve(guest, key, PropertyStrings.format(format, parts));
  }

  private static String newMac(World world, GuestType type, String value) {
    if (type == GuestType.QEMU) {
      String stripped =
          value
              .replaceFirst("=([0-9A-Fa-f]{2}:){5}[0-9A-Fa-f]{2}", "")
              .replaceFirst("(^|,)macaddr=[^,]*", "")
              .replaceFirst("^,", "");
      return GuestConfig.qemuNet(world, stripped);
    }
    return GuestConfig.lxcNet(
        world, value.replaceFirst("(^|,)hwaddr=[^,]*", "").replaceFirst("^,", ""));
  }
}
