package io.pvekit.proxmox.simulator.internal.state;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Backup archives (what each {@code vzdump} archive volume holds) and the cluster's scheduled
 * backup jobs ({@code jobs.cfg} entries of type {@code vzdump}). Mutated under the world's lock.
 */
public final class Backups {
  private final Map<String, BackupArchive> archives = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> jobs = new TreeMap<>();

  /** Archives by volume id; an entry outlives its volume only until someone looks it up. */
  public Map<String, BackupArchive> archives() {
    return archives;
  }

  /** Backup jobs by id: their settings as PVE stores them. */
  public Map<String, Map<String, String>> jobs() {
    return jobs;
  }

  /** The archive behind a volume that still exists on its storage, or null. */
  public BackupArchive archive(World world, String node, String volid) {
    BackupArchive archive = archives.get(volid);
    int colon = volid.indexOf(':');
    if (archive == null || colon < 0) {
      return null;
    }
    StorageState storage = world.node(node).storages().get(volid.substring(0, colon));
    if (storage == null || !storage.has(volid.substring(colon + 1))) {
      archives.remove(volid);
      return null;
    }
    return archive;
  }
}
