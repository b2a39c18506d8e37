package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.NodeState;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.Map;
import java.util.TreeMap;

/**
 * One storage volume ({@code GET}/{@code PUT}/{@code DELETE .../content/{volume}}) and the storage
 * configuration list ({@code GET /storage}). The volume is a full volume id or, with the {@code
 * storage} path parameter, a name on that storage.
 */
public final class VolumeApi {
  private static final String VOLUME = "/nodes/{node}/storage/{storage}/content/{volume}";

  private VolumeApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", VOLUME, anyUser(), VolumeApi::get));
    r.add(new Endpoint("PUT", VOLUME, anyUser(), VolumeApi::update));
    r.add(new Endpoint("DELETE", VOLUME, anyUser(), VolumeApi::delete));
    r.add(new Endpoint("GET", "/storage", anyUser(), VolumeApi::configs));
  }

  private record Located(StorageState storage, Volume volume) {}

  private static Located locate(Call c) {
    World world = c.world();
    String volume = c.str("volume");
    String storageId = c.str("storage");
    String name = volume;
    int colon = volume.indexOf(':');
    if (colon > 0) {
      storageId = volume.substring(0, colon);
      name = volume.substring(colon + 1);
    }
    StorageState storage = world.storage(c.node(), storageId);
    Volume v = storage.volumes().get(name);
    if (v == null) {
      throw new SimulatorError("volume '" + storageId + ":" + name + "' does not exist");
    }
    return new Located(storage, v);
  }

  /** PVE's read check: Datastore.Audit/AllocateSpace, or VM.Audit... on the owning guest. */
  private static void requireAccess(Call c, Located l) {
    String storagePath = "/storage/" + l.storage().id();
    if (c.allowed(storagePath, "Datastore.Allocate")) {
      return;
    }
    int owner = l.volume().vmid();
    if (owner > 0
        && c.allowed(storagePath, "Datastore.AllocateSpace")
        && c.allowed("/vms/" + owner, "VM.Config.Disk")) {
      return;
    }
    if (owner == 0 && c.allowed(storagePath, "Datastore.AllocateSpace")) {
      return;
    }
    throw ApiException.forbidden(storagePath + ", Datastore.Allocate");
  }

  private static Object get(Call c) {
    Located l = locate(c);
    requireAccess(c, l);
    ObjectNode out = Json.object();
    out.put("path", l.storage().path(l.volume()));
    out.put("size", l.volume().size());
    out.put("used", l.volume().parent() == null ? l.volume().size() : 0);
    out.put("format", l.volume().format());
    String notes = l.storage().notes().get(l.volume().name());
    if (notes != null) {
      out.put("notes", notes);
    }
    out.put("protected", l.storage().protectedVolumes().contains(l.volume().name()) ? 1 : 0);
    return out;
  }

  private static Object update(Call c) {
    Located l = locate(c);
    requireAccess(c, l);
    String name = l.volume().name();
    if (c.has("notes")) {
      if (c.str("notes").isEmpty()) {
        l.storage().notes().remove(name);
      } else {
        l.storage().notes().put(name, c.str("notes"));
      }
    }
    if (c.has("protected")) {
      if (!l.volume().content().equals("backup")) {
        throw new SimulatorError("protection is only supported for backups");
      }
      if (c.flag("protected")) {
        l.storage().protectedVolumes().add(name);
      } else {
        l.storage().protectedVolumes().remove(name);
      }
    }
    c.world().changed();
    return null;
  }

  private static Object delete(Call c) {
    World world = c.world();
    Located l = locate(c);
    String storagePath = "/storage/" + l.storage().id();
    c.require(storagePath, "Datastore.Allocate");
    Volume v = l.volume();
    if (l.storage().protectedVolumes().contains(v.name())) {
      throw new SimulatorError("volume '" + v.volid() + "' is protected");
    }
    if (v.name().startsWith("base-")
        && l.storage().volumes().values().stream().anyMatch(o -> v.volid().equals(o.parent()))) {
      throw new SimulatorError("base volume '" + v.name() + "' is still in use by linked clones");
    }
    if (v.vmid() > 0 && inUse(world, v)) {
      throw new SimulatorError(
          "unable to delete volume '"
              + v.volid()
              + "' - volume is still in use by VM "
              + v.vmid()
              + " (referenced in its config)");
    }
    return c.tasks()
        .start(
            c.node(),
            "imgdel",
            "", // pve-storage forks imgdel without an id
            c.subject(),
            null,
            false,
            t -> {
              l.storage().remove(v.name());
              forgetUnused(world, v);
              world.changed();
            })
        .upidText();
  }

  /** Whether the owning guest uses the volume as a disk (not as {@code unusedN}). */
  private static boolean inUse(World world, Volume v) {
    Guest owner = world.guests().get(v.vmid());
    if (owner == null) {
      return false;
    }
    return owner.volumes().entrySet().stream()
        .anyMatch(e -> !e.getKey().startsWith("unused") && e.getValue().equals(v.volid()));
  }

  /** A deleted volume no longer shows up as the owner's {@code unusedN}, as qemu-server cleans. */
  private static void forgetUnused(World world, Volume v) {
    Guest owner = world.guests().get(v.vmid());
    if (owner != null) {
      owner
          .config()
          .entrySet()
          .removeIf(e -> e.getKey().startsWith("unused") && e.getValue().equals(v.volid()));
    }
  }

  private static Object configs(Call c) {
    Map<String, StorageState> byId = new TreeMap<>();
    Map<String, java.util.Set<String>> nodesOf = new TreeMap<>();
    for (NodeState node : c.world().nodes().values()) {
      for (StorageState s : node.storages().values()) {
        byId.putIfAbsent(s.id(), s);
        nodesOf.computeIfAbsent(s.id(), k -> new java.util.TreeSet<>()).add(node.name());
      }
    }
    String type = c.str("type");
    ArrayNode out = Json.array();
    for (StorageState s : byId.values()) {
      String path = "/storage/" + s.id();
      if ((type != null && !type.equals(s.type()))
          || !(c.allowed(path, "Datastore.Audit") || c.allowed(path, "Datastore.AllocateSpace"))) {
        continue;
      }
      ObjectNode entry = out.addObject();
      entry.put("storage", s.id());
      entry.put("type", s.type());
      entry.put("content", s.contentList());
      entry.put("shared", s.shared() ? 1 : 0);
      switch (s.type()) {
        case "lvmthin" -> entry.put("thinpool", "data").put("vgname", "pve");
        case "lvm" -> entry.put("vgname", "pve");
        case "zfspool" -> entry.put("pool", "rpool/data").put("sparse", 1);
        default -> entry.put("path", s.id().equals("local") ? "/var/lib/vz" : "/mnt/pve/" + s.id());
      }
      if (nodesOf.get(s.id()).size() < c.world().nodes().size()) {
        entry.put("nodes", String.join(",", nodesOf.get(s.id())));
      }
      entry.put("digest", digest(s));
    }
    return out;
  }

  private static String digest(StorageState s) {
    try {
      byte[] sha1 =
          java.security.MessageDigest.getInstance("SHA-1")
              .digest(
                  (s.id() + ":" + s.type() + ":" + s.contentList())
                      .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(sha1);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
