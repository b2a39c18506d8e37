package io.pvekit.proxmox.simulator.internal.runtime;

import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.NodeState;
import io.pvekit.proxmox.simulator.internal.state.OciRegistry;
import io.pvekit.proxmox.simulator.internal.state.Pool;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns an {@link InventorySpec} into the world's initial state. */
final class InventoryLoader {
  private static final long GIB = 1024L * 1024 * 1024;

  private InventoryLoader() {}

  static void load(World world, InventorySpec spec) {
    if (spec.nodes.isEmpty()) {
      throw new IllegalArgumentException(
          "inventory: no node; add one with node(name, cpus, memoryBytes)");
    }
    long now = world.clock().epochSecond();
    world.agentBoot(spec.agentBootDelay, spec.agentBootCalls);
    int index = 0;
    for (InventorySpec.NodeSpec n : spec.nodes) {
      int host = 10 + index++;
      List<NodeState.Iface> network =
          List.of(
              new NodeState.Iface("eno1", "eth", null, null, null, null, null),
              new NodeState.Iface(
                  "vmbr0", "bridge", "192.168.100." + host, "24", "192.168.100.1", "eno1", null));
      NodeState node =
          new NodeState(
              n.name(), n.cpus(), n.memory(), now - 86_400, "192.168.100." + host, network);
      for (InventorySpec.StorageSpec s : spec.storages) {
        node.storages().put(s.id(), new StorageState(s.id(), s.type(), s.content(), s.capacity()));
      }
      for (InventorySpec.FileSpec f : spec.files) {
        StorageState storage = node.storages().get(f.storage());
        if (storage == null) {
          throw new IllegalArgumentException(
              "inventory file " + f.filename() + ": storage '" + f.storage() + "' is not defined");
        }
        storage.add(
            new Volume(
                f.storage(),
                f.content() + "/" + f.filename(),
                f.content(),
                format(f.filename()),
                f.size(),
                0,
                now - 3600,
                null));
      }
      world.nodes().put(n.name(), node);
    }
    for (String pool : spec.pools) {
      world.pools().put(pool, new Pool(pool, null));
    }
    for (InventorySpec.OciImageSpec image : spec.ociImages) {
      world
          .ociRegistry()
          .add(
              image.repository(),
              image.tags(),
              // what pve-container records for an image it does not recognise
              new OciRegistry.Image(
                  image.entrypoint(), String.join("\0", image.env()), "unmanaged", 10L << 20));
    }
    NodeState first = world.nodes().values().iterator().next();
    for (InventorySpec.GuestSpec g : spec.guests) {
      addGuest(world, first, g, now);
    }
  }

  private static void addGuest(World world, NodeState node, InventorySpec.GuestSpec g, long now) {
    if (world.guests().containsKey(g.vmid())) {
      throw new IllegalArgumentException("inventory: VMID " + g.vmid() + " is used twice");
    }
    Guest guest = new Guest(g.vmid(), g.lxc() ? GuestType.LXC : GuestType.QEMU, node.name());
    StorageState disks =
        node.storages().values().stream()
            .filter(s -> s.content().contains(g.lxc() ? "rootdir" : "images"))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "inventory guest "
                            + g.vmid()
                            + ": no storage holds "
                            + (g.lxc() ? "rootdir" : "images")));
    String prefix = g.template() ? "base" : "vm";
    String volumeName = prefix + "-" + g.vmid() + "-disk-0";
    disks.add(
        new Volume(
            disks.id(),
            volumeName,
            g.lxc() ? "rootdir" : "images",
            "raw",
            g.diskGib() * GIB,
            g.vmid(),
            now - 3600,
            null));
    Map<String, String> c = guest.config();
    if (g.lxc()) {
      c.put("arch", "amd64");
      c.put("cores", "1");
      c.put("hostname", g.name());
      c.put("memory", Integer.toString(g.memoryMib()));
      c.put("swap", "512");
      c.put("net0", "name=eth0,bridge=vmbr0,hwaddr=" + world.newMac() + ",ip=dhcp,type=veth");
      c.put("ostype", "debian");
      c.put("rootfs", disks.id() + ":" + volumeName + ",size=" + g.diskGib() + "G");
      c.put("unprivileged", "1");
    } else {
      c.put("agent", "1");
      c.put("boot", "order=scsi0");
      c.put("cores", "2");
      c.put("cpu", "x86-64-v2-AES");
      c.put("ipconfig0", "ip=dhcp");
      c.put("memory", Integer.toString(g.memoryMib()));
      c.put("meta", "creation-qemu=" + World.QEMU_VERSION + ",ctime=" + (now - 3600));
      c.put("name", g.name());
      c.put("net0", "virtio=" + world.newMac() + ",bridge=vmbr0");
      c.put("ostype", "l26");
      c.put("scsi0", disks.id() + ":" + volumeName + ",size=" + g.diskGib() + "G");
      c.put("scsihw", "virtio-scsi-single");
      c.put("serial0", "socket");
      c.put("smbios1", "uuid=" + world.newUuid());
      c.put("sockets", "1");
      c.put("vga", "serial0");
      c.put("vmgenid", world.newUuid());
    }
    if (g.template()) {
      c.put("template", "1");
    }
    world.guests().put(g.vmid(), guest);
    if (g.running() && !g.template()) {
      guest.markRunning(now - 600, 100_000 + g.vmid());
    }
  }

  private static String format(String filename) {
    String lower = filename.toLowerCase(Locale.ROOT);
    for (String f :
        new String[] {"tar.zst", "tar.gz", "tar.xz", "tar.bz2", "tgz", "tar", "iso", "img"}) {
      if (lower.endsWith("." + f)) {
        return f.equals("img") ? "raw" : f;
      }
    }
    return "raw";
  }
}
