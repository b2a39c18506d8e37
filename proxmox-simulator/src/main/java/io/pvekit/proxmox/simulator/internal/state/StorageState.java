package io.pvekit.proxmox.simulator.internal.state;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A storage on one node, with its capacity and volumes. */
public final class StorageState {
  private final String id;
  private final String type;
  private final Set<String> content;
  private final long total;
  private final Map<String, Volume> volumes = new LinkedHashMap<>();
  private final Map<String, String> notes = new java.util.HashMap<>();
  private final Set<String> protectedVolumes = new java.util.HashSet<>();

  /** A storage of the given type ({@code dir}, {@code lvmthin}, ...). */
  public StorageState(String id, String type, Set<String> content, long total) {
    this.id = id;
    this.type = type;
    this.content = Set.copyOf(content);
    this.total = total;
  }

  public String id() {
    return id;
  }

  public String type() {
    return type;
  }

  public Set<String> content() {
    return content;
  }

  /** The content types in PVE's order, comma-separated. */
  public String contentList() {
    return String.join(
        ",",
        List.of("images", "rootdir", "vztmpl", "iso", "backup", "snippets", "import").stream()
            .filter(content::contains)
            .toList());
  }

  /** Notes of volumes, by volume name. */
  public Map<String, String> notes() {
    return notes;
  }

  /** Names of protected volumes. */
  public Set<String> protectedVolumes() {
    return protectedVolumes;
  }

  /** Whether every node sees the same content (none of the simulated storage types is shared). */
  public boolean shared() {
    return Set.of("nfs", "cifs", "cephfs", "rbd", "pbs", "iscsi").contains(type);
  }

  /** The file-system path of a volume, as {@code pvesm path} prints it. */
  public String path(Volume volume) {
    return switch (type) {
      case "lvmthin", "lvm" -> "/dev/pve/" + volume.name();
      case "zfspool" -> "/dev/zvol/rpool/data/" + volume.name();
      default ->
          "/var/lib/vz/"
              + (volume.content().equals("images") || volume.content().equals("rootdir")
                  ? "images/" + volume.vmid() + "/" + volume.name()
                  : volume
                      .name()
                      .replaceFirst("^vztmpl/", "template/cache/")
                      .replaceFirst("^iso/", "template/iso/")
                      .replaceFirst("^backup/", "dump/"));
    };
  }

  public long total() {
    return total;
  }

  /** Bytes in use; linked clones share their base's blocks (thin provisioning) and count 0. */
  public long used() {
    long used = 0;
    for (Volume v : volumes.values()) {
      if (v.parent() == null) {
        used += v.size();
      }
    }
    return used;
  }

  public long avail() {
    return Math.max(0, total - used());
  }

  public Map<String, Volume> volumes() {
    return volumes;
  }

  /** Whether a volume with this name exists. */
  public boolean has(String name) {
    return volumes.containsKey(name);
  }

  /** Stores a volume, refusing when it does not fit (a PVE storage would fail the same way). */
  public void add(Volume volume) {
    if (volume.parent() == null && volume.size() > avail()) {
      throw new SimulatorError(
          "storage '"
              + id
              + "' has not enough free space: requested "
              + volume.size()
              + " bytes, available "
              + avail()
              + " bytes");
    }
    volumes.put(volume.name(), volume);
  }

  /** Frees a volume; true when it existed. */
  public boolean remove(String name) {
    notes.remove(name);
    protectedVolumes.remove(name);
    return volumes.remove(name) != null;
  }

  /** The next free {@code vm-<vmid>-disk-<n>} (or {@code subvol}) name. */
  public String nextDiskName(int vmid, String prefix) {
    for (int n = 0; ; n++) {
      String suffix = "-" + vmid + "-disk-" + n;
      boolean taken = false;
      for (String existing : volumes.keySet()) {
        String file = existing.substring(existing.lastIndexOf('/') + 1);
        if (file.matches("(vm|base|subvol)" + suffix + "(\\..*)?")) {
          taken = true;
          break;
        }
      }
      if (!taken) {
        return prefix + suffix;
      }
    }
  }
}
