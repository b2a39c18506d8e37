package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.NodeState;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.Map;

/** Steps QEMU and LXC share: create, destroy, power changes, pools. */
final class Guests {
  private Guests() {}

  /** The create permission: VM.Allocate on the VMID or on the target pool. */
  static void requireAllocate(Call call, int vmid, String pool) {
    if (!call.allowed("/vms/" + vmid, "VM.Allocate")
        && !(pool != null && call.allowed("/pool/" + pool, "VM.Allocate"))) {
      throw ApiException.forbidden("/vms/" + vmid + ", VM.Allocate");
    }
  }

  /** Datastore.AllocateSpace on every storage a {@code STORAGE:SIZE} value allocates on. */
  static void requireSpace(Call call, Guest guest) {
    for (Map.Entry<String, Object> e : call.params().entrySet()) {
      if (guest.isDiskKey(e.getKey())) {
        String value = e.getValue().toString();
        String first = value.split(",", 2)[0];
        if (first.contains("=")) {
          first = first.substring(first.indexOf('=') + 1);
        }
        if (first.matches("[a-zA-Z][a-zA-Z0-9\\-_.]*:\\d+(\\.\\d+)?")) {
          call.require(
              "/storage/" + first.substring(0, first.indexOf(':')), "Datastore.AllocateSpace");
        }
      }
    }
  }

  /** Checks the pool exists. */
  static void checkPool(World world, String pool) {
    if (pool != null && !world.pools().containsKey(pool)) {
      throw new SimulatorError("pool '" + pool + "' does not exist");
    }
  }

  /** Adds a guest to a pool. */
  static void joinPool(World world, Guest guest, String pool) {
    if (pool != null) {
      world.pools().get(pool).vms().add(guest.vmid());
      guest.pool(pool);
    }
  }

  /**
   * Creates a guest: the VMID is reserved with a {@code create} lock at once, the worker writes the
   * config and allocates the disks, and a failure removes everything again.
   */
  static String create(
      Call call, GuestType type, String workerType, java.util.function.Consumer<Guest> prepare) {
    World world = call.world();
    NodeState node = world.node(call.node());
    int vmid = call.vmid();
    String pool = call.str("pool");
    requireAllocate(call, vmid, pool);
    checkPool(world, pool);
    Guest guest = new Guest(vmid, type, node.name());
    requireSpace(call, guest);
    try {
      world.checkVmidUnused(vmid);
    } catch (SimulatorError e) {
      throw new SimulatorError(
          "unable to create " + type.label() + " " + vmid + " - " + e.getMessage());
    }
    prepare.accept(guest);
    guest.config().put("lock", "create");
    world.guests().put(vmid, guest);
    joinPool(world, guest, pool);
    world.changed();
    boolean start = call.flag("start");
    TaskRecord task =
        call.tasks()
            .start(
                node.name(),
                workerType,
                Integer.toString(vmid),
                call.subject(),
                guest,
                false,
                t -> {
                  Disks disks = new Disks(world, node.name());
                  try {
                    GuestConfig.apply(world, guest, call, disks);
                    defaults(world, guest);
                  } catch (SimulatorError | ApiException e) {
                    disks.rollback();
                    world.destroyGuest(guest);
                    throw new SimulatorError(
                        "unable to create " + type.label() + " " + vmid + " - " + e.getMessage());
                  }
                  guest.config().remove("lock");
                  t.log().add(type.label() + " " + vmid + " created");
                  if (start) {
                    powerOn(world, guest, t);
                  }
                });
    task.onAbort(() -> world.destroyGuest(guest));
    return task.upidText();
  }

  private static void defaults(World world, Guest guest) {
    Map<String, String> config = guest.config();
    if (guest.type() == GuestType.QEMU) {
      config.putIfAbsent("meta", world.newMeta());
      config.putIfAbsent("smbios1", "uuid=" + world.newUuid());
      config.putIfAbsent("vmgenid", world.newUuid());
    } else {
      config.putIfAbsent("hostname", "CT" + guest.vmid());
      config.putIfAbsent("memory", "512");
      config.putIfAbsent("swap", "512");
    }
  }

  /** Destroys a stopped guest in a worker. */
  static String destroy(Call call, GuestType type, String workerType) {
    World world = call.world();
    Guest guest = world.guest(call.node(), call.vmid(), type);
    if (guest.running()) {
      if (type == GuestType.LXC && call.flag("force")) {
        guest.markStopped();
      } else if (type == GuestType.LXC) {
        throw new SimulatorError(
            "unable to destroy CT " + guest.vmid() + " - container is running");
      } else {
        throw new SimulatorError("VM " + guest.vmid() + " is running - destroy failed");
      }
    }
    GuestConfig.checkLock(guest, call);
    boolean purge = call.flag("purge");
    if (world.haManaged(guest.vmid()) && !purge) {
      throw new SimulatorError(
          "unable to remove "
              + (type == GuestType.QEMU ? "VM " : "CT ")
              + guest.vmid()
              + " - used in HA resources and purge parameter not set.");
    }
    if ("1".equals(guest.config().get("protection"))) {
      throw new SimulatorError(
          "can't remove " + type.label() + " " + guest.vmid() + " - protection mode enabled");
    }
    return call.tasks()
        .start(
            guest.node(),
            workerType,
            Integer.toString(guest.vmid()),
            call.subject(),
            guest,
            false,
            t -> {
              if (purge) {
                world.haResources().remove((type == GuestType.QEMU ? "vm:" : "ct:") + guest.vmid());
              }
              world.destroyGuest(guest);
              t.log().add("destroyed " + type.label() + " " + guest.vmid());
            })
        .upidText();
  }

  /** Starts a guest inside a worker: bridges must exist and the node must have the memory. */
  static void powerOn(World world, Guest guest, TaskRecord task) {
    if (guest.running()) {
      throw new SimulatorError(guest.type().label() + " " + guest.vmid() + " already running");
    }
    GuestConfig.checkBridges(world, guest);
    NodeState node = world.node(guest.node());
    long needed = world.usedMemory(node.name()) + guest.memoryBytes();
    if (needed > node.memory()) {
      if (guest.type() == GuestType.QEMU) {
        task.log().add("kvm: cannot set up guest memory 'pc.ram': Cannot allocate memory");
        throw new SimulatorError("start failed: QEMU exited with code 1");
      }
      task.log().add("lxc-start: cannot allocate memory for the container's cgroup");
      throw new SimulatorError("startup for container '" + guest.vmid() + "' failed");
    }
    guest.markRunning(world.clock().epochSecond(), 100_000 + guest.vmid());
    world.changed();
  }

  /** A power change in a worker ({@code stop} needs no running guest, {@code shutdown} does). */
  static String power(Call call, GuestType type, String workerType, boolean mustRun, boolean on) {
    World world = call.world();
    Guest guest = world.guest(call.node(), call.vmid(), type);
    if (on && guest.template()) {
      throw new SimulatorError(
          type == GuestType.QEMU
              ? "you can't start a vm if it's a template"
              : "cannot start container template");
    }
    if (on) {
      GuestConfig.checkLock(guest, call);
    }
    if (type == GuestType.LXC) {
      // pve-container checks before forking the worker, so these fail the call itself
      if (on && guest.running()) {
        throw new SimulatorError("CT " + guest.vmid() + " already running");
      }
      if (!on && !guest.running()) {
        throw new SimulatorError("CT " + guest.vmid() + " not running");
      }
    }
    return call.tasks()
        .start(
            guest.node(),
            workerType,
            Integer.toString(guest.vmid()),
            call.subject(),
            guest,
            false,
            t -> {
              if (on) {
                powerOn(world, guest, t);
                return;
              }
              if (mustRun && !guest.running()) {
                throw new SimulatorError(type.label() + " " + guest.vmid() + " not running");
              }
              guest.markStopped();
              world.changed();
            })
        .upidText();
  }
}
