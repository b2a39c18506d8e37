package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.schema.PropertyFormat;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * qemu-server's cloud-init bookkeeping: the drive ({@code STORAGE:cloudinit} becomes {@code
 * vm-<vmid>-cloudinit}), the record of values changed since the drive was generated, and password
 * hashing.
 */
final class CloudInit {
  /** The size qemu-server allocates for a cloud-init drive. */
  static final long DRIVE_SIZE = 4L * 1024 * 1024;

  private static final Pattern NEW_DRIVE = Pattern.compile("[a-zA-Z][a-zA-Z0-9\\-_.]*:cloudinit");
  private static final Pattern PENDING_KEY =
      Pattern.compile(
          "cicustom|cipassword|citype|ciupgrade|ciuser|nameserver|searchdomain|sshkeys"
              + "|ipconfig\\d+|net\\d+|name");
  private static final Pattern HASHED = Pattern.compile("^\\$(?:[156]|2[ayb])(\\$.+){2}");
  private static final String CRYPT64 =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom SALTS = new SecureRandom();
  private static final String ADDED = "added";

  private CloudInit() {}

  /** Whether a disk value asks for a new cloud-init drive ({@code local-lvm:cloudinit}). */
  static boolean isNewDrive(String volume) {
    return NEW_DRIVE.matcher(volume).matches();
  }

  /** The config value of an allocated drive: the volume as a CD-ROM, as qemu-server prints it. */
  static String driveValue(PropertyFormat format, Map<String, String> parts, Volume volume) {
    Map<String, String> out = new LinkedHashMap<>(parts);
    out.put(format.defaultKey(), volume.volid());
    out.remove("size");
    out.put("media", "cdrom");
    return PropertyStrings.format(format, out);
  }

  /** The config key of the VM's cloud-init drive, if it has one. */
  static Optional<String> driveKey(Guest guest) {
    return guest.volumes().entrySet().stream()
        .filter(e -> !e.getKey().startsWith("unused"))
        .filter(e -> Guest.isCloudInitVolume(e.getValue()))
        .map(Map.Entry::getKey)
        .findFirst();
  }

  /** Whether a key is one {@code GET .../cloudinit} reports. */
  static boolean isPendingKey(String key) {
    return PENDING_KEY.matcher(key).matches();
  }

  /**
   * The value to store for {@code key}: qemu-server hashes a clear-text {@code cipassword} (PVE's
   * own check for "already a crypt hash"); the change is recorded against the drive.
   */
  static String beforeSet(Guest guest, String key, String value) {
    if (guest.type() != GuestType.QEMU) {
      return value;
    }
    String stored = value;
    if (key.equals("cipassword") && !HASHED.matcher(value).find()) {
      stored = hash(value);
    }
    recordChange(guest, key, guest.config().get(key), stored);
    return stored;
  }

  /** A cloud-init drive that has just been added is generated at once, as qemu-server does. */
  static void afterUpdate(Guest guest, Collection<String> keys) {
    if (guest.type() != GuestType.QEMU) {
      return;
    }
    for (String key : keys) {
      String value = guest.config().get(key);
      if (guest.isDiskKey(key) && value != null) {
        String volid = Guest.volumeOf(value);
        if (volid != null && Guest.isCloudInitVolume(volid)) {
          regenerate(guest);
          return;
        }
      }
    }
  }

  /** {@code PUT .../cloudinit}: the drive now holds the current values. */
  static void regenerate(Guest guest) {
    if (driveKey(guest).isPresent()) {
      guest.cloudInitChanges().clear();
    }
  }

  /**
   * Records a change of a cloud-init value against what the drive holds: the first change of a key
   * keeps its old value, a key that did not exist is marked {@code added}, a change back to the
   * drive's value forgets the record.
   */
  static void recordChange(Guest guest, String key, String old, String value) {
    if (guest.type() != GuestType.QEMU || !isPendingKey(key) || "create".equals(guest.lock())) {
      return;
    }
    Map<String, String> record = guest.cloudInitChanges();
    TreeSet<String> added = added(record);
    String recorded = record.get(key);
    if (value != null) {
      if (recorded != null || added.contains(key)) {
        if (value.equals(recorded)) {
          record.remove(key);
          added.remove(key);
        }
      } else if (old != null) {
        if (!old.equals(value)) {
          record.put(key, old);
        }
      } else {
        added.add(key);
      }
    } else if (old != null && recorded == null) {
      if (!added.remove(key)) {
        record.put(key, old);
      }
    }
    if (added.isEmpty()) {
      record.remove(ADDED);
    } else {
      record.put(ADDED, String.join(",", added));
    }
  }

  /** The keys the record marks as added since the drive was generated. */
  static TreeSet<String> added(Map<String, String> record) {
    String list = record.get(ADDED);
    TreeSet<String> keys = new TreeSet<>();
    if (list != null && !list.isEmpty()) {
      keys.addAll(Arrays.asList(list.split(",")));
    }
    return keys;
  }

  /** PVE's {@code encrypt_pw}: SHA-256 crypt with a random 16-character salt. */
  static String hash(String password) {
    StringBuilder salt = new StringBuilder();
    for (int i = 0; i < 16; i++) {
      salt.append(CRYPT64.charAt(SALTS.nextInt(CRYPT64.length())));
    }
    return ShaCrypt.sha256(password, salt.toString());
  }
}
