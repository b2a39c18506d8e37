package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.schema.LxcSchema;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.schema.QemuSchema;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Applies create and update parameters to a guest's config as qemu-server and pve-container do. */
final class GuestConfig {
  /** Parameters that steer the call and are not written to the config. */
  static final Set<String> NOT_CONFIG =
      Set.of(
          "node",
          "vmid",
          "delete",
          "digest",
          "revert",
          "skiplock",
          "force",
          "background_delay",
          "archive",
          "bwlimit",
          "pool",
          "start",
          "storage",
          "unique",
          "live-restore",
          "import-working-storage",
          "ha-managed",
          "ostemplate",
          "password",
          "ssh-public-keys",
          "restore",
          "ignore-unpack-errors");

  private GuestConfig() {}

  /** Fails like PVE when a config lock is set and {@code skiplock} is not. */
  static void checkLock(Guest guest, Call call) {
    String lock = guest.lock();
    if (lock != null && !call.flag("skiplock")) {
      throw new SimulatorError(
          guest.type().label() + " " + guest.vmid() + " is locked (" + lock + ")");
    }
  }

  /** Fails like PVE when a worker holds the config file lock. */
  static void checkFileLock(Guest guest) {
    if (guest.fileLocked()) {
      throw new SimulatorError("can't lock file '" + guest.lockFile() + "' - got timeout");
    }
  }

  /** Writes the call's settings and deletions into the config; disks are allocated on the way. */
  static void apply(World world, Guest guest, Call call, Disks disks) {
    if (call.has("digest") && !call.str("digest").equals(guest.digest())) {
      throw new SimulatorError(
          "detected modified configuration - file changed by other user? Try again.");
    }
    Map<String, String> config = guest.config();
    for (Map.Entry<String, Object> e : call.params().entrySet()) {
      String key = e.getKey();
      if (NOT_CONFIG.contains(key)) {
        continue;
      }
      String value = e.getValue().toString();
      if (guest.isDiskKey(key) && !key.startsWith("unused")) {
        String resolved = disks.resolve(guest, key, value);
        String old = config.get(key);
        String oldVolume = old == null ? null : Guest.volumeOf(old);
        String newVolume = Guest.volumeOf(resolved);
        if (oldVolume != null && !oldVolume.equals(newVolume)) {
          detach(world, guest, oldVolume);
        }
        value = resolved;
      } else if (key.matches("net\\d+")) {
        value = guest.type() == GuestType.QEMU ? qemuNet(world, value) : lxcNet(world, value);
      }
      value = CloudInit.beforeSet(guest, key, value);
      config.put(key, value);
    }
    if (call.has("delete")) {
      for (String key : call.str("delete").split("[,;\\s]+")) {
        delete(world, guest, key.trim());
      }
    }
    CloudInit.afterUpdate(guest, call.params().keySet());
    world.changed();
  }

  private static void delete(World world, Guest guest, String key) {
    Map<String, String> config = guest.config();
    String value = config.get(key);
    if (key.isEmpty() || value == null) {
      return;
    }
    if (guest.type() == GuestType.LXC && key.equals("rootfs")) {
      throw ApiException.parameter("delete", "unable to delete required option 'rootfs'");
    }
    if (key.startsWith("unused")) {
      world.freeVolume(guest.node(), Guest.volumeOf(value) == null ? value : Guest.volumeOf(value));
    } else if (guest.isDiskKey(key) && Guest.volumeOf(value) != null) {
      detach(world, guest, Guest.volumeOf(value));
    }
    CloudInit.recordChange(guest, key, value, null);
    config.remove(key);
  }

  /** A detached disk becomes {@code unusedN}; a cloud-init drive is freed, as qemu-server does. */
  private static void detach(World world, Guest guest, String volid) {
    if (Guest.isCloudInitVolume(volid)) {
      world.freeVolume(guest.node(), volid);
    } else {
      guest.config().put(nextUnused(guest.config()), volid);
    }
  }

  private static String nextUnused(Map<String, String> config) {
    for (int i = 0; ; i++) {
      if (!config.containsKey("unused" + i)) {
        return "unused" + i;
      }
    }
  }

  /** {@code virtio,bridge=vmbr0} becomes {@code virtio=BC:24:11:..,bridge=vmbr0}. */
  static String qemuNet(World world, String value) {
    Map<String, String> parts =
        new LinkedHashMap<>(PropertyStrings.parseLenient(QemuSchema.NET, value));
    String model = parts.remove("model");
    String mac = parts.remove("macaddr");
    StringBuilder out =
        new StringBuilder(model == null ? "virtio" : model)
            .append('=')
            .append(mac == null ? world.newMac() : mac);
    parts.forEach((k, v) -> out.append(',').append(k).append('=').append(v));
    return out.toString();
  }

  /** Adds {@code hwaddr} and {@code type=veth} as pve-container does. */
  static String lxcNet(World world, String value) {
    Map<String, String> parts =
        new LinkedHashMap<>(PropertyStrings.parseLenient(LxcSchema.NET, value));
    parts.putIfAbsent("hwaddr", world.newMac());
    parts.putIfAbsent("type", "veth");
    return PropertyStrings.format(LxcSchema.NET, parts);
  }

  /** The bridges a guest's network devices use, for the start-time check. */
  static void checkBridges(World world, Guest guest) {
    for (String key : guest.netKeys()) {
      Map<String, String> parts =
          PropertyStrings.parseLenient(
              guest.type() == GuestType.QEMU ? QemuSchema.NET : LxcSchema.NET,
              guest.config().get(key));
      String bridge = parts.get("bridge");
      if (bridge != null
          && world.node(guest.node()).network().stream().noneMatch(i -> i.name().equals(bridge))) {
        throw new SimulatorError("bridge '" + bridge + "' does not exist");
      }
    }
  }
}
