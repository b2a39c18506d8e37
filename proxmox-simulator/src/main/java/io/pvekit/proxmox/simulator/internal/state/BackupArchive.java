package io.pvekit.proxmox.simulator.internal.state;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@code vzdump} archive holds: the guest's config at backup time (without the snapshot
 * sections, {@code lock}, {@code parent} and disks excluded from backups) and the size of every
 * backed-up disk, so that a restore can allocate the disks again.
 *
 * @param volid the archive's volume id, e.g. {@code local:backup/vzdump-qemu-100-...vma.zst}
 * @param type the guest kind
 * @param vmid the guest that was backed up
 * @param config the config keys as PVE stores them
 * @param diskSizes bytes of each backed-up disk, by config key
 */
public record BackupArchive(
    String volid,
    GuestType type,
    int vmid,
    Map<String, String> config,
    Map<String, Long> diskSizes) {

  public BackupArchive {
    config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    diskSizes = Collections.unmodifiableMap(new LinkedHashMap<>(diskSizes));
  }
}
