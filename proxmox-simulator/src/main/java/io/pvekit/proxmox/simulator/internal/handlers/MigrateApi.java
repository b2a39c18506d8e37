package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.Map;

/**
 * Migration between nodes: the preconditions ({@code GET .../migrate}) and the move ({@code POST},
 * a {@code qmigrate}/{@code vzmigrate} worker on the source node under a {@code migrate} lock that
 * copies the local volumes to the same storage on the target and moves the guest there).
 */
public final class MigrateApi {
  private MigrateApi() {}

  /** Registers the endpoints for both guest kinds. */
  public static void register(Router r) {
    for (GuestType type : GuestType.values()) {
      String path = "/nodes/{node}/" + type.apiName() + "/{vmid}/migrate";
      r.add(
          new Endpoint(
              "GET", path, perm("/vms/{vmid}", "VM.Migrate"), c -> preconditions(c, type)));
      r.add(new Endpoint("POST", path, perm("/vms/{vmid}", "VM.Migrate"), c -> migrate(c, type)));
    }
  }

  private static Object preconditions(Call c, GuestType type) {
    World world = c.world();
    Guest guest = world.guest(c.node(), c.vmid(), type);
    ObjectNode out = Json.object();
    out.put("running", guest.running() ? 1 : 0);
    String allowedKey = type == GuestType.QEMU ? "allowed_nodes" : "allowed-nodes";
    String notAllowedKey = type == GuestType.QEMU ? "not_allowed_nodes" : "not-allowed-nodes";
    ArrayNode allowed = out.putArray(allowedKey);
    ObjectNode notAllowed = out.putObject(notAllowedKey);
    for (String node : world.nodes().keySet()) {
      if (node.equals(guest.node())) {
        continue;
      }
      String missing = missingStorage(world, guest, node);
      if (missing == null) {
        allowed.add(node);
      } else {
        notAllowed.putObject(node).putArray("unavailable_storages").add(missing);
      }
    }
    if (type == GuestType.QEMU) {
      ArrayNode disks = out.putArray("local_disks");
      for (Map.Entry<String, String> e : guest.volumes().entrySet()) {
        Volume v = new Disks(world, guest.node()).existing(e.getValue());
        ObjectNode disk = disks.addObject();
        disk.put("volid", v.volid());
        disk.put("size", v.size());
        disk.put("cdrom", 0);
        disk.put("is_unused", e.getKey().startsWith("unused") ? 1 : 0);
      }
      out.putArray("local_resources");
      out.putArray("mapped-resources");
      out.putObject("mapped-resource-info");
      out.put("has-dbus-vmstate", 1);
    }
    return out;
  }

  /** The first storage a guest's volumes use that the target node lacks, or null. */
  private static String missingStorage(World world, Guest guest, String target) {
    for (String volid : guest.volumes().values()) {
      String storage = volid.substring(0, volid.indexOf(':'));
      if (!world.node(target).storages().containsKey(storage)) {
        return storage;
      }
    }
    return null;
  }

  private static Object migrate(Call c, GuestType type) {
    World world = c.world();
    Guest guest = world.guest(c.node(), c.vmid(), type);
    String target = c.str("target");
    if (target.equals(guest.node())) {
      throw new SimulatorError("target is local node.");
    }
    world.node(target);
    GuestConfig.checkLock(guest, c);
    boolean running = guest.running();
    if (type == GuestType.QEMU && running && !c.flag("online")) {
      throw new SimulatorError("can't migrate running VM without --online");
    }
    if (type == GuestType.LXC && running) {
      if (c.flag("online")) {
        throw new SimulatorError("lxc live migration is currently not implemented");
      }
      if (!c.flag("restart")) {
        throw new SimulatorError("running container can only be migrated in restart mode");
      }
    }
    String missing = missingStorage(world, guest, target);
    if (missing != null) {
      throw new SimulatorError(
          "storage '" + missing + "' is not available on node '" + target + "'");
    }
    if (type == GuestType.QEMU
        && running
        && !guest.volumes().isEmpty()
        && !c.flag("with-local-disks")) {
      throw new SimulatorError(
          "can't live migrate attached local disks without with-local-disks option");
    }
    String source = guest.node();
    if (world.haManaged(guest.vmid())) {
      return haMigrate(c, guest, target);
    }
    guest.config().put("lock", "migrate");
    world.changed();
    return c.tasks()
        .start(
            source,
            type == GuestType.QEMU ? "qmigrate" : "vzmigrate",
            Integer.toString(guest.vmid()),
            c.subject(),
            guest,
            false,
            t -> {
              guest.config().remove("lock");
              t.log()
                  .add(
                      "starting migration of "
                          + type.label()
                          + " "
                          + guest.vmid()
                          + " to node '"
                          + target
                          + "'");
              for (String volid : guest.volumes().values()) {
                moveVolume(world, source, target, volid);
                t.log().add("volume '" + volid + "' is '" + volid + "' on the target");
              }
              guest.node(target);
              if (type == GuestType.LXC && running) {
                guest.markRunning(world.clock().epochSecond(), guest.pid() + 1);
              }
              t.log().add("migration finished successfully");
              world.changed();
            })
        .upidText();
  }

  /**
   * An HA-managed guest is migrated by the HA manager: the API only queues the request in a short
   * {@code hamigrate} task; the simulated CRM then moves the guest (and its volumes) at once.
   */
  private static Object haMigrate(Call c, Guest guest, String target) {
    World world = c.world();
    String source = guest.node();
    String sid = (guest.type() == GuestType.QEMU ? "vm:" : "ct:") + guest.vmid();
    return c.tasks()
        .start(
            source,
            "hamigrate",
            Integer.toString(guest.vmid()),
            c.subject(),
            null,
            false,
            t -> {
              t.log()
                  .add(
                      "Requesting HA migration for "
                          + guest.type().label()
                          + " "
                          + guest.vmid()
                          + " to node "
                          + target);
              for (String volid : guest.volumes().values()) {
                moveVolume(world, source, target, volid);
              }
              guest.node(target);
              world.changed();
            })
        .upidText();
  }

  private static void moveVolume(World world, String source, String target, String volid) {
    String storageId = volid.substring(0, volid.indexOf(':'));
    String name = volid.substring(volid.indexOf(':') + 1);
    StorageState from = world.storage(source, storageId);
    StorageState to = world.storage(target, storageId);
    Volume v = from.volumes().get(name);
    if (v == null) {
      return;
    }
    if (to.volumes().containsKey(name)) {
      throw new SimulatorError("volume '" + volid + "' already exists on node '" + target + "'");
    }
    // a linked clone's copy on another node is a full volume: the base stays on the source
    to.add(
        new Volume(
            v.storage(), v.name(), v.content(), v.format(), v.size(), v.vmid(), v.ctime(), null));
    from.remove(name);
  }
}
