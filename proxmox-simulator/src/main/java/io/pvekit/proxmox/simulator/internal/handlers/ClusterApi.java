package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.NodeState;
import io.pvekit.proxmox.simulator.internal.state.Pool;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.World;

/** Version, cluster status, resources, next free VMID and the cluster task list. */
public final class ClusterApi {
  private ClusterApi() {}

  /** Registers the endpoints. */
  public static void register(Router r, String pveVersion, String repoid) {
    r.add(
        new Endpoint(
            "GET",
            "/version",
            anyUser(),
            c -> {
              ObjectNode v = Json.object();
              v.put("version", pveVersion);
              v.put("release", pveVersion.substring(0, pveVersion.lastIndexOf('.')));
              v.put("repoid", repoid);
              return v;
            }));
    r.add(new Endpoint("GET", "/cluster/status", perm("/", "Sys.Audit"), ClusterApi::status));
    r.add(new Endpoint("GET", "/cluster/resources", anyUser(), ClusterApi::resources));
    r.add(new Endpoint("GET", "/cluster/nextid", anyUser(), ClusterApi::nextid));
    r.add(new Endpoint("GET", "/cluster/tasks", anyUser(), ClusterApi::tasks));
  }

  private static Object status(Call c) {
    World world = c.world();
    ArrayNode out = Json.array();
    if (world.nodes().size() > 1) {
      ObjectNode cluster = out.addObject();
      cluster.put("type", "cluster");
      cluster.put("id", "cluster");
      cluster.put("name", world.clusterName());
      cluster.put("nodes", world.nodes().size());
      cluster.put("quorate", 1);
      cluster.put("version", world.nodes().size());
    }
    int id = 1;
    boolean first = true;
    for (NodeState n : world.nodes().values()) {
      ObjectNode node = out.addObject();
      node.put("type", "node");
      node.put("id", "node/" + n.name());
      node.put("name", n.name());
      node.put("ip", n.ip());
      node.put("local", first ? 1 : 0);
      node.put("online", 1);
      node.put("nodeid", world.nodes().size() > 1 ? id++ : 0);
      node.put("level", "");
      first = false;
    }
    return out;
  }

  private static Object resources(Call c) {
    World world = c.world();
    String type = c.str("type");
    ArrayNode out = Json.array();
    boolean vms = type == null || type.equals("vm");
    boolean storages = type == null || type.equals("storage");
    boolean nodes = type == null || type.equals("node");
    boolean sdn = type == null || type.equals("sdn");
    if (vms) {
      for (Guest g : world.guests().values()) {
        if (c.allowed("/vms/" + g.vmid(), "VM.Audit")) {
          out.add(GuestViews.resource(world, g));
        }
      }
    }
    for (NodeState n : world.nodes().values()) {
      if (nodes && c.allowed("/nodes/" + n.name(), "Sys.Audit")) {
        out.add(NodeApi.resource(world, n));
      }
      if (storages) {
        for (StorageState s : n.storages().values()) {
          if (visible(c, s.id())) {
            out.add(storageResource(n, s));
          }
        }
      }
      if (sdn && c.allowed("/sdn/zones/localnetwork", "SDN.Audit")) {
        ObjectNode zone = out.addObject();
        zone.put("id", "sdn/" + n.name() + "/localnetwork");
        zone.put("type", "sdn");
        zone.put("sdn", "localnetwork");
        zone.put("node", n.name());
        zone.put("status", "ok");
      }
    }
    if (type == null) {
      for (Pool p : world.pools().values()) {
        if (c.allowed("/pool/" + p.id(), "Pool.Audit")) {
          ObjectNode pool = out.addObject();
          pool.put("id", "/pool/" + p.id());
          pool.put("type", "pool");
          pool.put("pool", p.id());
        }
      }
    }
    return out;
  }

  static boolean visible(Call c, String storage) {
    return c.allowed("/storage/" + storage, "Datastore.Audit")
        || c.allowed("/storage/" + storage, "Datastore.AllocateSpace");
  }

  private static ObjectNode storageResource(NodeState n, StorageState s) {
    ObjectNode r = Json.object();
    r.put("id", "storage/" + n.name() + "/" + s.id());
    r.put("type", "storage");
    r.put("storage", s.id());
    r.put("node", n.name());
    r.put("status", "available");
    r.put("plugintype", s.type());
    r.put("content", s.contentList());
    r.put("shared", 0);
    r.put("disk", s.used());
    r.put("maxdisk", s.total());
    return r;
  }

  /** The next free VMID, as a string like real PVE sends it (the schema says integer). */
  private static Object nextid(Call c) {
    World world = c.world();
    if (c.has("vmid")) {
      int wanted = (int) c.integer("vmid", 0);
      if (world.guests().containsKey(wanted)) {
        throw ApiException.parameter("vmid", "VM " + wanted + " already exists");
      }
      return Integer.toString(wanted);
    }
    return Integer.toString(world.nextFreeVmid());
  }

  private static Object tasks(Call c) {
    ArrayNode out = Json.array();
    for (TaskRecord t : c.world().tasks().values()) {
      if (TaskApi.visible(c, t)) {
        out.add(TaskApi.listEntry(t));
      }
    }
    return out;
  }
}
