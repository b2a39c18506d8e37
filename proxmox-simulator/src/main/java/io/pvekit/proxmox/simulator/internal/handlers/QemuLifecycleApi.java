package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.Map;

/** QEMU clone and power actions. */
public final class QemuLifecycleApi {
  private static final String VM = "/nodes/{node}/qemu/{vmid}";
  private static final String POWER = "VM.PowerMgmt";

  private QemuLifecycleApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(
        new Endpoint(
            "POST", VM + "/clone", perm("/vms/{vmid}", "VM.Clone"), QemuLifecycleApi::cloneVm));
    r.add(
        new Endpoint(
            "POST",
            VM + "/status/start",
            perm("/vms/{vmid}", POWER),
            c -> Guests.power(c, GuestType.QEMU, "qmstart", false, true)));
    r.add(
        new Endpoint(
            "POST",
            VM + "/status/stop",
            perm("/vms/{vmid}", POWER),
            c -> Guests.power(c, GuestType.QEMU, "qmstop", false, false)));
    r.add(
        new Endpoint(
            "POST",
            VM + "/status/shutdown",
            perm("/vms/{vmid}", POWER),
            c -> Guests.power(c, GuestType.QEMU, "qmshutdown", true, false)));
    r.add(
        new Endpoint(
            "POST", VM + "/status/reboot", perm("/vms/{vmid}", POWER), QemuLifecycleApi::reboot));
  }

  private static Object reboot(Call c) {
    World world = c.world();
    Guest guest = QemuApi.guest(c);
    if (!guest.running()) {
      throw new SimulatorError("VM " + guest.vmid() + " not running");
    }
    return c.tasks()
        .start(
            guest.node(),
            "qmreboot",
            Integer.toString(guest.vmid()),
            c.subject(),
            guest,
            false,
            t -> {
              guest.markRunning(world.clock().epochSecond(), guest.pid() + 1);
              world.changed();
            })
        .upidText();
  }

  /**
   * Clones a VM. The target appears at once with a {@code clone} lock; the worker copies the disks
   * (or links them to the template's base volumes) and unlocks it, or removes it on failure.
   */
  private static Object cloneVm(Call c) {
    World world = c.world();
    Guest source = QemuApi.guest(c);
    int newid = (int) c.integer("newid", 0);
    String pool = c.str("pool");
    Guests.requireAllocate(c, newid, pool);
    Guests.checkPool(world, pool);
    world.checkVmidUnused(newid);
    String targetNode = c.str("target", source.node());
    world.node(targetNode);
    boolean full = c.flag("full", !source.template());
    if (!full) {
      if (c.has("storage")) {
        throw new SimulatorError("parameter 'storage' not allowed for linked clones");
      }
      if (c.has("format")) {
        throw new SimulatorError("parameter 'format' not allowed for linked clones");
      }
      if (!source.template()) {
        String disk = source.volumes().keySet().stream().findFirst().orElse("scsi0");
        throw new SimulatorError("Linked clone feature is not supported for drive '" + disk + "'");
      }
      if (!targetNode.equals(source.node())) {
        throw new SimulatorError("Can't clone to other node unless the storage is shared");
      }
    }
    String storage = c.str("storage");
    if (storage != null) {
      c.require("/storage/" + storage, "Datastore.AllocateSpace");
      world.storage(targetNode, storage);
    }
    GuestConfig.checkLock(source, c);
    Guest target = new Guest(newid, GuestType.QEMU, targetNode);
    for (Map.Entry<String, String> e : source.config().entrySet()) {
      String key = e.getKey();
      boolean ownVolume = source.isDiskKey(key) && Guest.volumeOf(e.getValue()) != null;
      // disks with volumes are added by the worker once their copies exist, so a failed clone
      // can never free the source's volumes
      if (!ownVolume
          && !key.equals("template")
          && !key.equals("lock")
          && !key.equals("meta")
          && !key.equals("vmgenid")) {
        target
            .config()
            .put(key, key.matches("net\\d+") ? freshMac(world, e.getValue()) : e.getValue());
      }
    }
    // a clone is a new machine to its guest OS: new SMBIOS uuid (CAPMOX derives the providerID
    // from it), new generation id, new creation meta
    target.config().put("meta", world.newMeta());
    target.config().put("smbios1", freshSmbios(world, source.config().get("smbios1")));
    target.config().put("vmgenid", world.newUuid());
    target.config().put("name", c.str("name", "Copy-of-VM-" + source.name()));
    if (c.has("description")) {
      target.config().put("description", c.str("description"));
    }
    target.config().put("lock", "clone");
    world.guests().put(newid, target);
    Guests.joinPool(world, target, pool);
    world.changed();
    TaskRecord task =
        c.tasks()
            .start(
                source.node(),
                "qmclone",
                Integer.toString(source.vmid()),
                c.subject(),
                source,
                source.template(),
                t -> {
                  Disks disks = new Disks(world, targetNode);
                  try {
                    disks.cloneDisks(source, target, storage, full);
                  } catch (SimulatorError e) {
                    disks.rollback();
                    world.destroyGuest(target);
                    throw new SimulatorError("clone failed: " + e.getMessage());
                  }
                  target.config().remove("lock");
                  t.log()
                      .add(
                          "create "
                              + (full ? "full" : "linked")
                              + " clone of drive(s) of VM "
                              + source.vmid());
                  world.changed();
                });
    task.onAbort(() -> world.destroyGuest(target));
    return task.upidText();
  }

  /** The source's SMBIOS settings with a new {@code uuid}. */
  static String freshSmbios(World world, String smbios1) {
    StringBuilder out = new StringBuilder("uuid=").append(world.newUuid());
    if (smbios1 != null) {
      for (String part : smbios1.split(",")) {
        if (!part.isEmpty() && !part.startsWith("uuid=")) {
          out.append(',').append(part);
        }
      }
    }
    return out.toString();
  }

  private static String freshMac(World world, String net) {
    String model = net.split("[=,]", 2)[0];
    String rest = net.contains(",") ? net.substring(net.indexOf(',')) : "";
    return model + "=" + world.newMac() + rest;
  }
}
