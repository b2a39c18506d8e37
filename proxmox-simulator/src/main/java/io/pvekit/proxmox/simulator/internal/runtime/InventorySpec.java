package io.pvekit.proxmox.simulator.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The initial inventory a builder describes, before it becomes state. */
public final class InventorySpec {
  /** A node. */
  public record NodeSpec(String name, int cpus, long memory) {}

  /** A storage present on every node. */
  public record StorageSpec(String id, String type, long capacity, Set<String> content) {}

  /** A QEMU VM or template, or an LXC container, on the first node. */
  public record GuestSpec(
      int vmid,
      boolean lxc,
      String name,
      int memoryMib,
      int diskGib,
      boolean template,
      boolean running) {}

  /** A file (ISO image or container template) on a storage of every node. */
  public record FileSpec(String storage, String content, String filename, long size) {}

  /** An image of the simulated registry catalog (PVE 9.1 OCI pulls). */
  public record OciImageSpec(
      String repository, List<String> tags, String entrypoint, List<String> env) {}

  public final List<NodeSpec> nodes = new ArrayList<>();
  public final List<StorageSpec> storages = new ArrayList<>();
  public final List<GuestSpec> guests = new ArrayList<>();
  public final List<FileSpec> files = new ArrayList<>();
  public final List<String> pools = new ArrayList<>();
  public final List<OciImageSpec> ociImages = new ArrayList<>();

  /** How long (simulator clock) the guest agent stays unreachable after a VM starts. */
  public java.time.Duration agentBootDelay = java.time.Duration.ZERO;

  /** How many agent calls after a VM starts fail before it answers. */
  public int agentBootCalls;

  /** PVE's usual single-node setup: pve1, local, local-lvm, vmbr0, template 9000. */
  public static InventorySpec defaults() {
    InventorySpec spec = new InventorySpec();
    long gib = 1024L * 1024 * 1024;
    spec.nodes.add(new NodeSpec("pve1", 16, 64 * gib));
    spec.storages.add(
        new StorageSpec("local", "dir", 100 * gib, Set.of("iso", "vztmpl", "backup")));
    spec.storages.add(
        new StorageSpec("local-lvm", "lvmthin", 500 * gib, Set.of("images", "rootdir")));
    spec.guests.add(new GuestSpec(9000, false, "debian-12-template", 2048, 4, true, false));
    spec.files.add(
        new FileSpec("local", "vztmpl", "debian-12-standard_12.12-1_amd64.tar.zst", 126_331_904L));
    spec.files.add(new FileSpec("local", "iso", "debian-12.12.0-amd64-netinst.iso", 661_651_456L));
    return spec;
  }
}
