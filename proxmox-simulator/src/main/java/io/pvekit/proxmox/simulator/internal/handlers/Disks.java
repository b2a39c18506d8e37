package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.schema.PropertyFormat;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Volumes of guest disks: allocation for {@code STORAGE:SIZE}, copies for clones, renames for
 * templates. Every allocation of one call is tracked so a failure can free what it took.
 */
final class Disks {
  private static final Pattern NEW_VOLUME =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9\\-_.]*):(\\d+(\\.\\d+)?)");

  private final World world;
  private final String node;
  private final List<Volume> allocated = new ArrayList<>();

  Disks(World world, String node) {
    this.world = world;
    this.node = node;
  }

  /**
   * Resolves one disk value: {@code local-lvm:8} (allocate 8 GiB), {@code local-lvm:0,import-from=
   * ...} (copy), or an existing volume. Returns the value to store.
   */
  String resolve(Guest guest, String key, String value) {
    PropertyFormat format = Guest.diskFormat(guest.type(), key);
    Map<String, String> parts = new LinkedHashMap<>(PropertyStrings.parseLenient(format, value));
    String defaultKey = format.defaultKey();
    String volume = parts.get(defaultKey);
    if (volume == null || value.contains("media=cdrom") || volume.equals("none")) {
      return value;
    }
    if (CloudInit.isNewDrive(volume)) {
      StorageState storage = world.storage(node, volume.substring(0, volume.indexOf(':')));
      return CloudInit.driveValue(format, parts, allocateCloudInit(storage, guest));
    }
    Matcher m = NEW_VOLUME.matcher(volume);
    if (m.matches()) {
      StorageState storage = world.storage(node, m.group(1));
      long size = (long) (Double.parseDouble(m.group(2)) * Sizes.GIB);
      String importFrom = parts.remove("import-from");
      if (importFrom != null) {
        size = existing(importFrom).size();
      }
      String content = guest.type() == GuestType.LXC ? "rootdir" : "images";
      if (!storage.content().contains(content)) {
        throw new SimulatorError(
            "storage '" + storage.id() + "' does not support content-type '" + content + "'");
      }
      Volume created = allocate(storage, guest, content, size, null);
      parts.put(defaultKey, created.volid());
      parts.put("size", Sizes.format(size));
      return PropertyStrings.format(format, parts);
    }
    if (volume.contains(":")) {
      Volume found = existing(volume);
      if (!parts.containsKey("size")) {
        parts.put("size", Sizes.format(found.size()));
      }
      return PropertyStrings.format(format, parts);
    }
    return value;
  }

  /** A new volume for {@code guest} on {@code storage}. */
  Volume allocate(StorageState storage, Guest guest, String content, long size, String parent) {
    String prefix = guest.type() == GuestType.LXC && storage.type().equals("dir") ? "subvol" : "vm";
    String name = storage.nextDiskName(guest.vmid(), prefix);
    String format =
        storage.type().equals("dir") ? (prefix.equals("subvol") ? "subvol" : "qcow2") : "raw";
    if (storage.type().equals("dir") && !prefix.equals("subvol")) {
      name = "images/" + guest.vmid() + "/" + name + ".qcow2";
    }
    Volume volume =
        new Volume(
            storage.id(),
            name,
            content,
            format,
            size,
            guest.vmid(),
            world.clock().epochSecond(),
            parent);
    storage.add(volume);
    allocated.add(volume);
    return volume;
  }

  /**
   * The {@code vm-<vmid>-cloudinit} volume qemu-server allocates for {@code STORAGE:cloudinit} (4
   * MiB; a file with the storage's format on a directory storage).
   */
  Volume allocateCloudInit(StorageState storage, Guest guest) {
    if (!storage.content().contains("images")) {
      throw new SimulatorError(
          "storage '" + storage.id() + "' does not support content-type 'images'");
    }
    boolean dir = storage.type().equals("dir");
    String file = "vm-" + guest.vmid() + "-cloudinit";
    String name = dir ? "images/" + guest.vmid() + "/" + file + ".qcow2" : file;
    if (storage.has(name)) {
      throw new SimulatorError("volume '" + storage.id() + ":" + name + "' already exists");
    }
    Volume volume =
        new Volume(
            storage.id(),
            name,
            "images",
            dir ? "qcow2" : "raw",
            CloudInit.DRIVE_SIZE,
            guest.vmid(),
            world.clock().epochSecond(),
            null);
    storage.add(volume);
    allocated.add(volume);
    return volume;
  }

  /** A copy of every disk of {@code source} for {@code target}: full copies or linked clones. */
  void cloneDisks(Guest source, Guest target, String targetStorage, boolean full) {
    for (Map.Entry<String, String> e : source.volumes().entrySet()) {
      if (e.getKey().startsWith("unused")) {
        target.config().remove(e.getKey());
        continue;
      }
      Volume original = existing(e.getValue());
      StorageState storage =
          world.storage(node, targetStorage != null ? targetStorage : original.storage());
      if (Guest.isCloudInitVolume(original.volid())) {
        // qemu-server gives a clone a new, empty cloud-init drive, never a linked one
        PropertyFormat ciFormat = Guest.diskFormat(source.type(), e.getKey());
        Map<String, String> ciParts =
            new LinkedHashMap<>(
                PropertyStrings.parseLenient(ciFormat, source.config().get(e.getKey())));
        target
            .config()
            .put(
                e.getKey(),
                CloudInit.driveValue(ciFormat, ciParts, allocateCloudInit(storage, target)));
        continue;
      }
      Volume copy =
          allocate(
              storage, target, original.content(), original.size(), full ? null : original.volid());
      PropertyFormat format = Guest.diskFormat(source.type(), e.getKey());
      Map<String, String> parts =
          new LinkedHashMap<>(
              PropertyStrings.parseLenient(format, source.config().get(e.getKey())));
      parts.put(format.defaultKey(), copy.volid());
      parts.put("size", Sizes.format(copy.size()));
      target.config().put(e.getKey(), PropertyStrings.format(format, parts));
    }
  }

  /** The volume behind a volume id, or PVE's error. */
  Volume existing(String volid) {
    int colon = volid.indexOf(':');
    if (colon < 0) {
      throw new SimulatorError("unable to parse volume ID '" + volid + "'");
    }
    StorageState storage = world.storage(node, volid.substring(0, colon));
    Volume volume = storage.volumes().get(volid.substring(colon + 1));
    if (volume == null) {
      throw new SimulatorError("volume '" + volid + "' does not exist");
    }
    return volume;
  }

  /** Frees everything this call allocated (after a failure). */
  void rollback() {
    for (Volume v : allocated) {
      world.storage(node, v.storage()).remove(v.name());
    }
    allocated.clear();
  }
}
