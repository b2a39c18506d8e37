package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.any;
import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
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
import io.pvekit.proxmox.simulator.internal.state.Snapshot;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Snapshots of QEMU VMs and LXC containers: a tree (each snapshot's {@code parent}, the config's
 * {@code parent} naming the newest one), create/delete/rollback as worker tasks under a {@code
 * snapshot} / {@code snapshot-delete} / {@code rollback} config lock, and a rollback that restores
 * the config taken with the snapshot.
 */
public final class SnapshotApi {
  private SnapshotApi() {}

  /** Registers the endpoints for both guest kinds. */
  public static void register(Router r) {
    for (GuestType type : GuestType.values()) {
      String base = "/nodes/{node}/" + type.apiName() + "/{vmid}/snapshot";
      String one = base + "/{snapname}";
      r.add(new Endpoint("GET", base, perm("/vms/{vmid}", "VM.Audit"), c -> list(c, type)));
      r.add(new Endpoint("POST", base, perm("/vms/{vmid}", "VM.Snapshot"), c -> create(c, type)));
      r.add(
          new Endpoint(
              "GET",
              one,
              anyUser(),
              c -> {
                snapshot(c, type);
                ArrayNode links = Json.array();
                links.addObject().put("cmd", "rollback");
                links.addObject().put("cmd", "config");
                return links;
              }));
      r.add(new Endpoint("DELETE", one, perm("/vms/{vmid}", "VM.Snapshot"), c -> delete(c, type)));
      r.add(
          new Endpoint(
              "POST",
              one + "/rollback",
              any("/vms/{vmid}", "VM.Snapshot", "VM.Snapshot.Rollback"),
              c -> rollback(c, type)));
      r.add(
          new Endpoint(
              "GET",
              one + "/config",
              any("/vms/{vmid}", "VM.Snapshot", "VM.Snapshot.Rollback", "VM.Audit"),
              c -> snapshotConfig(snapshot(c, type))));
      r.add(
          new Endpoint(
              "PUT",
              one + "/config",
              perm("/vms/{vmid}", "VM.Snapshot"),
              c -> {
                Guest guest = guest(c, type);
                Snapshot s = snapshot(c, type);
                if (c.has("description")) {
                  guest.snapshots().put(s.name(), s.withDescription(c.str("description")));
                  c.world().changed();
                }
                return null;
              }));
    }
  }

  private static Guest guest(Call c, GuestType type) {
    return c.world().guest(c.node(), c.vmid(), type);
  }

  private static Snapshot snapshot(Call c, GuestType type) {
    Guest guest = guest(c, type);
    Snapshot s = guest.snapshots().get(c.str("snapname"));
    if (s == null) {
      throw new SimulatorError("snapshot '" + c.str("snapname") + "' does not exist");
    }
    return s;
  }

  private static Object list(Call c, GuestType type) {
    Guest guest = guest(c, type);
    ArrayNode out = Json.array();
    for (Snapshot s : guest.snapshots().values()) {
      ObjectNode entry = out.addObject();
      entry.put("name", s.name());
      entry.put("description", s.description());
      entry.put("snaptime", s.snaptime());
      if (type == GuestType.QEMU) {
        entry.put("vmstate", s.vmstate() ? 1 : 0);
      }
      if (s.parent() != null) {
        entry.put("parent", s.parent());
      }
    }
    ObjectNode current = out.addObject();
    current.put("name", "current");
    current.put("description", "You are here!");
    current.put("running", guest.running() ? 1 : 0);
    if (guest.config().containsKey("parent")) {
      current.put("parent", guest.config().get("parent"));
    }
    return out;
  }

  private static ObjectNode snapshotConfig(Snapshot s) {
    ObjectNode out = Json.object();
    s.config().forEach(out::put);
    out.put("snaptime", s.snaptime());
    out.put("description", s.description());
    if (s.vmstate()) {
      out.put("vmstate", 1);
    }
    if (s.parent() != null) {
      out.put("parent", s.parent());
    }
    return out;
  }

  private static Object create(Call c, GuestType type) {
    World world = c.world();
    Guest guest = guest(c, type);
    String name = c.str("snapname");
    if (name.equals("current")) {
      throw new SimulatorError("invalid snapshot name 'current'");
    }
    if (guest.snapshots().containsKey(name)) {
      throw new SimulatorError("snapshot name '" + name + "' already used");
    }
    GuestConfig.checkLock(guest, c);
    if (guest.template()) {
      throw new SimulatorError("you can't take a snapshot of a template");
    }
    boolean vmstate = c.flag("vmstate") && guest.running();
    guest.config().put("lock", "snapshot");
    world.changed();
    String worker = type == GuestType.QEMU ? "qmsnapshot" : "vzsnapshot";
    return c.tasks()
        .start(
            guest.node(),
            worker,
            Integer.toString(guest.vmid()),
            c.subject(),
            guest,
            false,
            t -> {
              guest.config().remove("lock");
              Map<String, String> config = new LinkedHashMap<>(guest.config());
              config.remove("parent");
              guest
                  .snapshots()
                  .put(
                      name,
                      new Snapshot(
                          name,
                          c.str("description", ""),
                          world.clock().epochSecond(),
                          vmstate,
                          guest.config().get("parent"),
                          config));
              guest.config().put("parent", name);
              t.log().add("snapshot '" + name + "' created");
              world.changed();
            })
        .upidText();
  }

  private static Object delete(Call c, GuestType type) {
    World world = c.world();
    Guest guest = guest(c, type);
    Snapshot s = snapshot(c, type);
    if (!c.flag("force")) {
      GuestConfig.checkLock(guest, c);
    }
    String worker = type == GuestType.QEMU ? "qmdelsnapshot" : "vzdelsnapshot";
    guest.config().put("lock", "snapshot-delete");
    world.changed();
    return c.tasks()
        .start(
            guest.node(),
            worker,
            Integer.toString(guest.vmid()),
            c.subject(),
            guest,
            false,
            t -> {
              guest.config().remove("lock");
              guest.snapshots().remove(s.name());
              guest
                  .snapshots()
                  .replaceAll(
                      (n, other) ->
                          s.name().equals(other.parent()) ? other.withParent(s.parent()) : other);
              if (s.name().equals(guest.config().get("parent"))) {
                if (s.parent() == null) {
                  guest.config().remove("parent");
                } else {
                  guest.config().put("parent", s.parent());
                }
              }
              world.changed();
            })
        .upidText();
  }

  private static Object rollback(Call c, GuestType type) {
    World world = c.world();
    Guest guest = guest(c, type);
    Snapshot s = snapshot(c, type);
    GuestConfig.checkLock(guest, c);
    String worker = type == GuestType.QEMU ? "qmrollback" : "vzrollback";
    boolean start = c.flag("start");
    return c.tasks()
        .start(
            guest.node(),
            worker,
            Integer.toString(guest.vmid()),
            c.subject(),
            guest,
            false,
            t -> {
              if (guest.running()) {
                guest.markStopped();
              }
              Map<String, String> restored = new LinkedHashMap<>(s.config());
              // disks added after the snapshot stay on their storage as unused volumes
              for (String volid : guest.volumes().values()) {
                if (!restored.containsValue(volid)
                    && restored.values().stream().noneMatch(v -> volid.equals(Guest.volumeOf(v)))) {
                  int i = 0;
                  while (restored.containsKey("unused" + i)) {
                    i++;
                  }
                  restored.put("unused" + i, volid);
                }
              }
              guest.config().clear();
              guest.config().putAll(restored);
              guest.config().put("parent", s.name());
              if (start || s.vmstate()) {
                Guests.powerOn(world, guest, t);
              }
              world.changed();
            })
        .upidText();
  }
}
