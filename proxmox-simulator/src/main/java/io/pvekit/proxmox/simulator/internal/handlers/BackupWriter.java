package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.schema.LxcSchema;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.state.BackupArchive;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Writes one guest's {@code vzdump} archive: the volume named after the guest kind, VMID and time,
 * the config at backup time with the sizes of the disks that go in, notes and protection.
 */
final class BackupWriter {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy_MM_dd-HH_mm_ss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter LOG_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private BackupWriter() {}

  /** Backs up {@code guest} into {@code storage}, logging as vzdump does. */
  static void write(
      World world, StorageState storage, Guest guest, BackupApi.Options options, TaskRecord task) {
    long now = world.clock().epochSecond();
    boolean qemu = guest.type() == GuestType.QEMU;
    String compression =
        switch (options.compress()) {
          case "1", "lzo" -> ".lzo";
          case "gzip" -> ".gz";
          case "zstd" -> ".zst";
          default -> "";
        };
    String format = (qemu ? "vma" : "tar") + compression;
    String file =
        "vzdump-"
            + (qemu ? "qemu" : "lxc")
            + "-"
            + guest.vmid()
            + "-"
            + STAMP.format(java.time.Instant.ofEpochSecond(now))
            + "."
            + format;
    task.log()
        .add("INFO: Starting Backup of VM " + guest.vmid() + " (" + (qemu ? "qemu" : "lxc") + ")");
    task.log()
        .add("INFO: Backup started at " + LOG_TIME.format(java.time.Instant.ofEpochSecond(now)));
    task.log().add("INFO: status = " + guest.status());
    task.log().add("INFO: backup mode: " + options.mode());
    Map<String, String> config = new LinkedHashMap<>();
    Map<String, Long> disks = new LinkedHashMap<>();
    guest
        .config()
        .forEach(
            (key, value) -> {
              if (key.equals("lock") || key.equals("parent") || key.startsWith("unused")) {
                return;
              }
              String volid = guest.isDiskKey(key) ? Guest.volumeOf(value) : null;
              if (volid != null) {
                if (!inclusion(guest, key, value).included()) {
                  task.log().add("INFO: excluding volume '" + key + "' (backup=no)");
                  return;
                }
                disks.put(key, volumeSize(world, guest.node(), volid, value));
              }
              config.put(key, value);
            });
    long data = disks.values().stream().mapToLong(Long::longValue).sum() / 8;
    long size = Math.max(Sizes.MIB, compression.isEmpty() ? data : data / 2);
    String name = "backup/" + file;
    storage.remove(name);
    storage.add(new Volume(storage.id(), name, "backup", format, size, guest.vmid(), now, null));
    String volid = storage.id() + ":" + name;
    world
        .backups()
        .archives()
        .put(volid, new BackupArchive(volid, guest.type(), guest.vmid(), config, disks));
    if (options.notesTemplate() != null) {
      storage.notes().put(name, notes(world, guest, options.notesTemplate()));
    }
    if (options.protect()) {
      storage.protectedVolumes().add(name);
    }
    task.log()
        .add("INFO: creating vzdump archive '" + storage.path(storage.volumes().get(name)) + "'");
    task.log().add("INFO: archive file size: " + Sizes.format(size));
    task.log().add("INFO: Finished Backup of VM " + guest.vmid() + " (00:00:01)");
    world.changed();
  }

  /** Whether a volume goes into a backup, with PVE's reason ({@code included_volumes}). */
  record Inclusion(boolean included, String reason) {}

  /**
   * QEMU disks go in unless {@code backup=0} (an EFI disk only with OVMF; the reason texts are
   * qemu-server's, which says {@code backup=no} whenever the option is set); LXC mount points only
   * with {@code backup=1}.
   */
  static Inclusion inclusion(Guest guest, String key, String value) {
    if (guest.type() == GuestType.QEMU) {
      java.util.regex.Matcher backup =
          java.util.regex.Pattern.compile("(^|,)backup=([^,]*)").matcher(value);
      boolean set = backup.find();
      boolean included = !set || backup.group(2).matches("1|yes|on|true");
      if (key.startsWith("efidisk") && !"ovmf".equals(guest.config().get("bios"))) {
        return new Inclusion(false, "efidisk but no OMVF BIOS");
      }
      return new Inclusion(included, set ? "backup=no" : "backup=yes");
    }
    if (key.equals("rootfs")) {
      return new Inclusion(true, "rootfs");
    }
    if (Guest.volumeOf(value) == null) {
      return new Inclusion(false, "not a volume");
    }
    String backup = PropertyStrings.parseLenient(LxcSchema.MOUNT_POINT, value).get("backup");
    boolean enabled = backup != null && backup.matches("1|yes|on|true");
    return new Inclusion(enabled, enabled ? "enabled" : "disabled");
  }

  private static long volumeSize(World world, String node, String volid, String value) {
    int colon = volid.indexOf(':');
    StorageState storage = world.node(node).storages().get(volid.substring(0, colon));
    Volume volume = storage == null ? null : storage.volumes().get(volid.substring(colon + 1));
    if (volume != null) {
      return volume.size();
    }
    java.util.regex.Matcher size =
        java.util.regex.Pattern.compile("(^|,)size=([^,]+)").matcher(value);
    return size.find() ? Sizes.parse(size.group(2)) : 0;
  }

  /** pve-manager's notes template: {@code {{cluster}}}, {@code {{guestname}}}, ... */
  private static String notes(World world, Guest guest, String template) {
    String text = template.replace("\\n", "\n").replace("\\\\", "\\");
    return text.replace("{{cluster}}", world.clusterName())
        .replace("{{guestname}}", guest.name())
        .replace("{{node}}", guest.node())
        .replace("{{vmid}}", Integer.toString(guest.vmid()));
  }
}
