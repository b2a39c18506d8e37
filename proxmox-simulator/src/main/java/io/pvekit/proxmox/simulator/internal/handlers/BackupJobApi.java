package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.schema.SchemaParams;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scheduled backup jobs ({@code /cluster/backup}, stored like {@code jobs.cfg} entries of type
 * {@code vzdump}) and {@code /cluster/backup-info/not-backed-up}: the guests no job covers.
 */
public final class BackupJobApi {
  private BackupJobApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    String one = "/cluster/backup/{id}";
    r.add(new Endpoint("GET", "/cluster/backup", perm("/", "Sys.Audit"), BackupJobApi::list));
    r.add(new Endpoint("POST", "/cluster/backup", perm("/", "Sys.Modify"), BackupJobApi::create));
    r.add(new Endpoint("GET", one, perm("/", "Sys.Audit"), c -> view(c.world(), job(c))));
    r.add(new Endpoint("PUT", one, perm("/", "Sys.Modify"), BackupJobApi::update));
    r.add(
        new Endpoint(
            "DELETE",
            one,
            perm("/", "Sys.Modify"),
            c -> {
              job(c);
              c.world().backups().jobs().remove(c.str("id"));
              c.world().changed();
              return null;
            }));
    r.add(
        new Endpoint(
            "GET",
            one + "/included_volumes",
            perm("/", "Sys.Audit"),
            BackupJobApi::includedVolumes));
    r.add(
        new Endpoint(
            "GET",
            "/cluster/backup-info/not-backed-up",
            perm("/", "Sys.Audit"),
            BackupJobApi::notBackedUp));
  }

  private static Map<String, String> job(Call c) {
    Map<String, String> job = c.world().backups().jobs().get(c.str("id"));
    if (job == null) {
      throw ApiException.parameter("id", "No such job '" + c.str("id") + "'");
    }
    return job;
  }

  private static Object list(Call c) {
    ArrayNode out = Json.array();
    c.world().backups().jobs().values().forEach(job -> out.add(view(c.world(), job)));
    return out;
  }

  private static ObjectNode view(World world, Map<String, String> job) {
    ObjectNode out = Json.object();
    out.put("type", "vzdump");
    job.forEach(
        (k, v) -> {
          if (v.matches("-?\\d+") && !k.equals("id") && !k.equals("vmid")) {
            out.put(k, Long.parseLong(v));
          } else {
            out.put(k, v);
          }
        });
    if ("1".equals(job.get("enabled"))) {
      // the simulator does not run schedules; the next full hour stands in for the next run
      out.put("next-run", (world.clock().epochSecond() / 3600 + 1) * 3600);
    }
    return out;
  }

  private static Object create(Call c) {
    World world = c.world();
    checkSelection(c);
    if (!c.has("schedule") && !c.has("starttime")) {
      throw ApiException.parameter("schedule", "either schedule or starttime must be set");
    }
    String id = c.str("id");
    if (id == null) {
      String uuid = world.newUuid();
      id = "backup-" + uuid.substring(0, 13);
    }
    if (world.backups().jobs().containsKey(id)) {
      throw new SimulatorError("Job '" + id + "' already exists");
    }
    Map<String, String> job = new LinkedHashMap<>();
    job.put("id", id);
    c.params().forEach((k, v) -> job.put(k, v.toString()));
    job.putIfAbsent("enabled", "1");
    if (!job.containsKey("schedule")) {
      job.put("schedule", job.getOrDefault("dow", "mon..sun") + " " + job.get("starttime"));
    }
    world.backups().jobs().put(id, job);
    world.changed();
    return null;
  }

  private static Object update(Call c) {
    Map<String, String> job = job(c);
    checkSelection(c);
    for (String key : c.str("delete", "").split("[,;\\s]+")) {
      if (!key.isEmpty()) {
        if (!SchemaParams.params("PUT", "/cluster/backup/{id}").containsKey(key)
            || key.equals("id")) {
          throw ApiException.parameter("delete", "unknown option '" + key + "'");
        }
        job.remove(key);
      }
    }
    c.params()
        .forEach(
            (k, v) -> {
              if (!k.equals("delete")) {
                job.put(k, v.toString());
              }
            });
    // one way of choosing guests replaces the other, as pve-manager's update_job does
    if (c.has("vmid")) {
      job.keySet().removeAll(List.of("all", "exclude", "pool"));
    } else if (c.flag("all")) {
      job.keySet().removeAll(List.of("vmid", "pool"));
    } else if (c.has("pool")) {
      job.keySet().removeAll(List.of("vmid", "all", "exclude"));
    }
    c.world().changed();
    return null;
  }

  private static void checkSelection(Call c) {
    if (c.flag("all") && c.has("vmid")) {
      throw ApiException.parameter("all", "option conflicts with option 'vmid'");
    }
    if (c.has("pool")) {
      Guests.checkPool(c.world(), c.str("pool"));
    }
  }

  /** The guests a job backs up, each with its volumes and whether they go into the backup. */
  private static Object includedVolumes(Call c) {
    World world = c.world();
    Map<String, String> job = job(c);
    ObjectNode out = Json.object();
    ArrayNode guests = out.putArray("children");
    for (int vmid : covered(world, job)) {
      if (!c.allowed("/vms/" + vmid, "VM.Audit")) {
        continue;
      }
      ObjectNode entry = guests.addObject();
      entry.put("id", vmid);
      Guest guest = world.guests().get(vmid);
      if (guest == null) {
        entry.put("type", "unknown");
        entry.put("leaf", 1);
        continue;
      }
      entry.put("type", guest.type() == GuestType.QEMU ? "qemu" : "lxc");
      entry.put("name", guest.name());
      ArrayNode volumes = entry.putArray("children");
      for (Map.Entry<String, String> e : guest.config().entrySet()) {
        if (!guest.isDiskKey(e.getKey())
            || e.getKey().startsWith("unused")
            || e.getValue().contains("media=cdrom")) {
          continue;
        }
        BackupWriter.Inclusion inclusion = BackupWriter.inclusion(guest, e.getKey(), e.getValue());
        ObjectNode volume = volumes.addObject();
        volume.put("id", vmid + ":" + e.getKey());
        volume.put("name", e.getValue().split(",", 2)[0]);
        volume.put("included", inclusion.included() ? 1 : 0);
        volume.put("reason", inclusion.reason());
        volume.put("leaf", 1);
      }
      entry.put("leaf", volumes.isEmpty() ? 1 : 0);
    }
    return out;
  }

  /** The VMIDs a job selects: its list, its pool's guests, or every guest but the excluded. */
  private static Set<Integer> covered(World world, Map<String, String> job) {
    Set<Integer> covered = new java.util.TreeSet<>();
    if ("1".equals(job.get("all")) || (job.containsKey("exclude") && !job.containsKey("pool"))) {
      Set<Integer> excluded = new HashSet<>();
      for (String id : job.getOrDefault("exclude", "").split("[,;\\s]+")) {
        if (!id.isEmpty()) {
          excluded.add(Integer.parseInt(id));
        }
      }
      world.guests().keySet().stream().filter(v -> !excluded.contains(v)).forEach(covered::add);
    } else if (job.containsKey("pool") && world.pools().containsKey(job.get("pool"))) {
      covered.addAll(world.pools().get(job.get("pool")).vms());
    } else {
      for (String id : job.getOrDefault("vmid", "").split("[,;\\s]+")) {
        if (!id.isEmpty()) {
          covered.add(Integer.parseInt(id));
        }
      }
    }
    return covered;
  }

  private static Object notBackedUp(Call c) {
    World world = c.world();
    Set<Integer> covered = new HashSet<>();
    for (Map<String, String> job : world.backups().jobs().values()) {
      if ("1".equals(job.getOrDefault("enabled", "1"))) {
        covered.addAll(covered(world, job));
      }
    }
    ArrayNode out = Json.array();
    for (Guest g : world.guests().values()) {
      if (covered.contains(g.vmid()) || !c.allowed("/vms/" + g.vmid(), "VM.Audit")) {
        continue;
      }
      ObjectNode entry = out.addObject();
      entry.put("vmid", g.vmid());
      entry.put("type", g.type() == GuestType.QEMU ? "qemu" : "lxc");
      entry.put("name", g.name());
    }
    return out;
  }
}
