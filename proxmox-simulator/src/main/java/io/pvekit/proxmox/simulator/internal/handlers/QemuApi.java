package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.any;
import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.schema.PropertyFormat;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.LinkedHashMap;
import java.util.Map;

/** QEMU VMs: list, create, config, current status, resize, template, guest agent, delete. */
public final class QemuApi {
  private static final String BASE = "/nodes/{node}/qemu";
  private static final String VM = BASE + "/{vmid}";
  private static final String[] CONFIG_PRIVS = {
    "VM.Config.Disk", "VM.Config.CDROM", "VM.Config.CPU", "VM.Config.Memory",
    "VM.Config.Network", "VM.Config.HWType", "VM.Config.Options", "VM.Config.Cloudinit"
  };

  private QemuApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", BASE, anyUser(), QemuApi::list));
    r.add(
        new Endpoint(
            "POST",
            BASE,
            anyUser(),
            c ->
                c.has("archive")
                    ? Restore.qemu(c)
                    : Guests.create(c, GuestType.QEMU, "qmcreate", g -> {})));
    r.add(
        new Endpoint(
            "DELETE",
            VM,
            perm("/vms/{vmid}", "VM.Allocate"),
            c -> Guests.destroy(c, GuestType.QEMU, "qmdestroy")));
    r.add(
        new Endpoint(
            "GET",
            VM + "/config",
            perm("/vms/{vmid}", "VM.Audit"),
            c -> GuestViews.config(guest(c))));
    r.add(
        new Endpoint(
            "GET",
            VM + "/pending",
            perm("/vms/{vmid}", "VM.Audit"),
            c -> GuestViews.pending(guest(c))));
    r.add(
        new Endpoint(
            "PUT",
            VM + "/config",
            any("/vms/{vmid}", CONFIG_PRIVS),
            c -> {
              update(c, guest(c), true);
              return null;
            }));
    r.add(
        new Endpoint(
            "POST", VM + "/config", any("/vms/{vmid}", CONFIG_PRIVS), QemuApi::updateAsync));
    r.add(
        new Endpoint(
            "GET",
            VM + "/status/current",
            perm("/vms/{vmid}", "VM.Audit"),
            c -> GuestStatus.status(c.world(), guest(c))));
    r.add(
        new Endpoint(
            "PUT", VM + "/resize", perm("/vms/{vmid}", "VM.Config.Disk"), QemuApi::resize));
    r.add(
        new Endpoint(
            "POST", VM + "/template", perm("/vms/{vmid}", "VM.Allocate"), QemuApi::template));
  }

  static Guest guest(Call c) {
    return c.world().guest(c.node(), c.vmid(), GuestType.QEMU);
  }

  private static Object list(Call c) {
    World world = c.world();
    world.node(c.node());
    ArrayNode out = Json.array();
    for (Guest g : world.guests().values()) {
      if (g.type() == GuestType.QEMU
          && g.node().equals(c.node())
          && c.allowed("/vms/" + g.vmid(), "VM.Audit")) {
        out.add(GuestViews.listEntry(world, g));
      }
    }
    return out;
  }

  /**
   * Applies a config change. The synchronous {@code PUT} takes the config file lock itself and
   * fails while a worker holds it; the {@code POST} worker already holds that lock (its own
   * task's), so it must not wait for it again.
   */
  private static void update(Call c, Guest guest, boolean takeFileLock) {
    GuestConfig.checkLock(guest, c);
    if (takeFileLock) {
      GuestConfig.checkFileLock(guest);
    }
    Guests.requireSpace(c, guest);
    Disks disks = new Disks(c.world(), guest.node());
    Map<String, String> before = new LinkedHashMap<>(guest.config());
    try {
      GuestConfig.apply(c.world(), guest, c, disks);
    } catch (RuntimeException e) {
      disks.rollback();
      guest.config().clear();
      guest.config().putAll(before);
      throw e;
    }
  }

  private static Object updateAsync(Call c) {
    Guest guest = guest(c);
    GuestConfig.checkLock(guest, c);
    Guests.requireSpace(c, guest);
    return c.tasks()
        .start(
            guest.node(),
            "qmconfig",
            Integer.toString(guest.vmid()),
            c.subject(),
            guest,
            false,
            t -> update(c, guest, false))
        .upidText();
  }

  private static Object resize(Call c) {
    Guest guest = guest(c);
    GuestConfig.checkLock(guest, c);
    String disk = c.str("disk");
    String value = guest.config().get(disk);
    if (value == null) {
      throw new SimulatorError("disk '" + disk + "' does not exist");
    }
    if (c.has("digest") && !c.str("digest").equals(guest.digest())) {
      throw new SimulatorError(
          "detected modified configuration - file changed by other user? Try again.");
    }
    return c.tasks()
        .start(
            guest.node(),
            "resize",
            Integer.toString(guest.vmid()),
            c.subject(),
            guest,
            false,
            t -> resizeNow(c.world(), guest, disk, c.str("size")))
        .upidText();
  }

  private static void resizeNow(World world, Guest guest, String disk, String sizeText) {
    PropertyFormat format = Guest.diskFormat(GuestType.QEMU, disk);
    Map<String, String> parts =
        new LinkedHashMap<>(PropertyStrings.parseLenient(format, guest.config().get(disk)));
    String volid = Guest.volumeOf(guest.config().get(disk));
    if (volid == null) {
      throw new SimulatorError("you can't resize a cdrom");
    }
    Volume volume = new Disks(world, guest.node()).existing(volid);
    boolean relative = sizeText.startsWith("+");
    long requested = Sizes.parse(relative ? sizeText.substring(1) : sizeText);
    long newSize = relative ? volume.size() + requested : requested;
    if (newSize < volume.size()) {
      throw new SimulatorError(
          "shrinking disks is not supported (request " + newSize + " < " + volume.size() + ")");
    }
    StorageState storage = world.storage(guest.node(), volume.storage());
    if (volume.parent() == null && newSize - volume.size() > storage.avail()) {
      throw new SimulatorError(
          "storage '" + storage.id() + "' has not enough free space to grow '" + volid + "'");
    }
    storage.volumes().put(volume.name(), volume.withSize(newSize));
    parts.put("size", Sizes.format(newSize));
    guest.config().put(disk, PropertyStrings.format(format, parts));
    world.changed();
  }

  private static Object template(Call c) {
    Guest guest = guest(c);
    if (guest.template()) {
      throw new SimulatorError("you can't convert a template to a template");
    }
    if (guest.running()) {
      throw new SimulatorError("you can't convert a VM to template if VM is running");
    }
    GuestConfig.checkLock(guest, c);
    World world = c.world();
    return c.tasks()
        .start(
            guest.node(),
            "qmtemplate",
            Integer.toString(guest.vmid()),
            c.subject(),
            guest,
            false,
            t -> {
              for (Map.Entry<String, String> e : guest.volumes().entrySet()) {
                rebase(world, guest, e.getKey(), e.getValue());
              }
              guest.config().put("template", "1");
              world.changed();
            })
        .upidText();
  }

  private static void rebase(World world, Guest guest, String key, String volid) {
    Disks disks = new Disks(world, guest.node());
    Volume volume = disks.existing(volid);
    StorageState storage = world.storage(guest.node(), volume.storage());
    String baseName =
        volume.name().replace("vm-" + guest.vmid() + "-disk-", "base-" + guest.vmid() + "-disk-");
    Volume base =
        new Volume(
            volume.storage(),
            baseName,
            volume.content(),
            volume.format(),
            volume.size(),
            volume.vmid(),
            volume.ctime(),
            volume.parent());
    storage.volumes().remove(volume.name());
    storage.volumes().put(baseName, base);
    guest.config().put(key, guest.config().get(key).replace(volid, base.volid()));
  }
}
