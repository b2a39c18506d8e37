package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.AccessControl;
import io.pvekit.proxmox.simulator.internal.state.BackupArchive;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code vzdump} backups as pve-manager runs them: one {@code vzdump} worker per call that writes
 * one archive volume per guest of this node into a storage with content {@code backup}, named after
 * the guest kind, VMID and the time ({@code vzdump-qemu-100-2026_12_07-18_00_00.vma.zst}). The
 * archive remembers the guest's config, so restores and {@code extractconfig} read it back.
 */
public final class BackupApi {
  private static final List<String> ROOT_ONLY =
      List.of("maxfiles", "prune-backups", "tmpdir", "dumpdir", "script", "bwlimit", "ionice");

  private BackupApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("POST", "/nodes/{node}/vzdump", anyUser(), BackupApi::vzdump));
    r.add(
        new Endpoint(
            "GET", "/nodes/{node}/vzdump/extractconfig", anyUser(), BackupApi::extractConfig));
  }

  private static Object vzdump(Call c) {
    World world = c.world();
    String node = world.node(c.node()).name();
    if (c.flag("all") && c.has("vmid")) {
      throw ApiException.parameter("all", "option conflicts with option 'vmid'");
    }
    if (!(c.flag("all") || c.flag("stop") || c.has("pool")) && !c.has("vmid")) {
      throw ApiException.parameter("vmid", "property is missing");
    }
    if (c.flag("stdout")) {
      throw ApiException.parameter(
          "stdout", "option is only allowed on the command line interface.");
    }
    for (String key : ROOT_ONLY) {
      if (c.has(key) && !c.subject().equals(AccessControl.ROOT)) {
        throw ApiException.parameter(key, "Only root may set this option.");
      }
    }
    if (c.has("pool")) {
      Guests.checkPool(world, c.str("pool"));
    }
    List<Integer> vmids = included(c, world, node);
    if (vmids.isEmpty() && !c.flag("all")) {
      return "OK"; // the guests run on other nodes: pve-manager exits silently
    }
    String storageId = c.str("storage", "local");
    if (c.has("storage")) {
      c.require("/storage/" + storageId, "Datastore.AllocateSpace");
    }
    Options options =
        new Options(
            storageId,
            c.str("mode", "snapshot"),
            c.str("compress", "0"),
            c.str("notes-template"),
            c.flag("protected"));
    String command = commandLine(c);
    String taskId = vmids.size() == 1 ? Integer.toString(vmids.get(0)) : "";
    // the guests being backed up carry PVE's 'backup' lock until the worker is done with them
    Set<Integer> locked = new TreeSet<>();
    for (int vmid : vmids) {
      Guest guest = world.guests().get(vmid);
      if (guest != null && guest.lock() == null && c.allowed("/vms/" + vmid, "VM.Backup")) {
        guest.config().put("lock", "backup");
        locked.add(vmid);
      }
    }
    world.changed();
    TaskRecord task =
        c.tasks()
            .start(
                node,
                "vzdump",
                taskId,
                c.subject(),
                null,
                false,
                t -> {
                  unlock(world, locked);
                  run(c, world, node, vmids, locked, options, command, t);
                });
    task.onAbort(() -> unlock(world, locked));
    return task.upidText();
  }

  private static void unlock(World world, Set<Integer> locked) {
    for (int vmid : locked) {
      Guest guest = world.guests().get(vmid);
      if (guest != null && "backup".equals(guest.lock())) {
        guest.config().remove("lock");
      }
    }
    world.changed();
  }

  /** What a {@code vzdump} call asked for. */
  record Options(
      String storage, String mode, String compress, String notesTemplate, boolean protect) {}

  /** The guests a call names on this node, unknown VMIDs included so that they fail visibly. */
  private static List<Integer> included(Call c, World world, String node) {
    Set<Integer> wanted = new TreeSet<>();
    if (c.has("vmid")) {
      for (String id : c.str("vmid").split("[,;\\s]+")) {
        if (!id.isEmpty()) {
          wanted.add(Integer.parseInt(id));
        }
      }
    } else if (c.has("pool")) {
      wanted.addAll(world.pools().get(c.str("pool")).vms());
    } else {
      wanted.addAll(world.guests().keySet());
      if (c.has("exclude")) {
        for (String id : c.str("exclude").split("[,;\\s]+")) {
          if (!id.isEmpty()) {
            wanted.remove(Integer.parseInt(id));
          }
        }
      }
    }
    List<Integer> local = new ArrayList<>();
    for (int vmid : wanted) {
      Guest g = world.guests().get(vmid);
      if (g == null || g.node().equals(node)) {
        local.add(vmid);
      }
    }
    return local;
  }

  private static String commandLine(Call c) {
    StringBuilder line = new StringBuilder("vzdump");
    if (c.has("vmid")) {
      line.append(' ').append(c.str("vmid").replaceAll("[,;\\s]+", " "));
    }
    for (Map.Entry<String, Object> e : new java.util.TreeMap<>(c.params()).entrySet()) {
      if (!e.getKey().equals("vmid") && !e.getKey().equals("node")) {
        line.append(" --").append(e.getKey()).append(' ').append(e.getValue());
      }
    }
    return line.toString();
  }

  private static void run(
      Call c,
      World world,
      String node,
      List<Integer> vmids,
      Set<Integer> locked,
      Options options,
      String command,
      TaskRecord task) {
    task.log().add("INFO: starting new backup job: " + command);
    StorageState storage = world.node(node).storages().get(options.storage());
    if (storage == null || !storage.content().contains("backup")) {
      String reason =
          storage == null
              ? "storage '" + options.storage() + "' does not exist"
              : "can't use storage '" + options.storage() + "' for backups - wrong content type";
      throw new SimulatorError(
          "could not get storage information for '" + options.storage() + "': " + reason);
    }
    int errors = 0;
    for (int vmid : vmids) {
      Guest guest = world.guests().get(vmid);
      String failure = null;
      if (guest == null || !guest.node().equals(node)) {
        failure = "unable to find configuration file for VM " + vmid + " on node '" + node + "'";
      } else if (!c.allowed("/vms/" + vmid, "VM.Backup")) {
        failure = "Permission check failed (/vms/" + vmid + ", VM.Backup)";
      } else if (!locked.contains(vmid) && guest.lock() != null) {
        // another operation holds the guest (an earlier job's lock is gone by now: vzdump jobs
        // of a node run one after the other)
        failure = guest.type().label() + " " + vmid + " is locked (" + guest.lock() + ")";
      }
      if (failure != null) {
        task.log().add("ERROR: Backup of VM " + vmid + " failed - " + failure);
        errors++;
        continue;
      }
      BackupWriter.write(world, storage, guest, options, task);
    }
    if (errors > 0) {
      task.log().add("INFO: Backup job finished with errors");
      throw new SimulatorError("job errors");
    }
    task.log().add("INFO: Backup job finished successfully");
  }

  /** The archive a backup volume id names, or PVE's error. */
  static BackupArchive archive(Call c, String volid) {
    BackupArchive archive = c.world().backups().archive(c.world(), c.node(), volid);
    if (archive == null) {
      int colon = volid.indexOf(':');
      if (colon > 0) {
        c.world().storage(c.node(), volid.substring(0, colon));
      }
      throw new SimulatorError("volume '" + volid + "' does not exist");
    }
    return archive;
  }

  private static Object extractConfig(Call c) {
    BackupArchive archive = archive(c, c.str("volume"));
    c.require("/vms/" + archive.vmid(), "VM.Backup");
    StringBuilder text = new StringBuilder();
    archive.config().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> text.append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
    return text.toString();
  }

  /** The backup-only fields of a content listing entry: {@code subtype}, notes, protection. */
  static void describe(ObjectNode entry, StorageState storage, Volume volume) {
    if (!volume.content().equals("backup")) {
      return;
    }
    entry.put("subtype", volume.name().startsWith("backup/vzdump-qemu-") ? "qemu" : "lxc");
    String notes = storage.notes().get(volume.name());
    if (notes != null) {
      entry.put("notes", notes.split("\n", 2)[0]);
    }
    if (storage.protectedVolumes().contains(volume.name())) {
      entry.put("protected", 1);
    }
  }
}
