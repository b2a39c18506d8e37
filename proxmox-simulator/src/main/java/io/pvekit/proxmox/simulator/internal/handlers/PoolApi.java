package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.Pool;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.World;

/** Resource pools. */
public final class PoolApi {
  private PoolApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", "/pools", anyUser(), PoolApi::list));
    r.add(new Endpoint("POST", "/pools", perm("/pool/{poolid}", "Pool.Allocate"), PoolApi::create));
    r.add(
        new Endpoint(
            "GET",
            "/pools/{poolid}",
            perm("/pool/{poolid}", "Pool.Audit"),
            c -> {
              ObjectNode out = Json.object();
              Pool pool = pool(c);
              if (pool.comment() != null) {
                out.put("comment", pool.comment());
              }
              out.set("members", members(c.world(), pool, c.str("type")));
              return out;
            }));
    r.add(
        new Endpoint(
            "PUT", "/pools/{poolid}", perm("/pool/{poolid}", "Pool.Allocate"), PoolApi::update));
    // PVE 8.1 added the flat forms (poolid as a parameter, for nested pool ids); both stay served
    r.add(new Endpoint("PUT", "/pools", perm("/pool/{poolid}", "Pool.Allocate"), PoolApi::update));
    r.add(
        new Endpoint(
            "DELETE", "/pools/{poolid}", perm("/pool/{poolid}", "Pool.Allocate"), PoolApi::delete));
    r.add(
        new Endpoint("DELETE", "/pools", perm("/pool/{poolid}", "Pool.Allocate"), PoolApi::delete));
  }

  private static Object delete(Call c) {
    Pool pool = pool(c);
    if (!pool.vms().isEmpty() || !pool.storages().isEmpty()) {
      throw new SimulatorError("pool '" + pool.id() + "' is not empty");
    }
    c.world().pools().remove(pool.id());
    c.world().changed();
    return null;
  }

  private static Pool pool(Call c) {
    Pool pool = c.world().pools().get(c.str("poolid"));
    if (pool == null) {
      throw new SimulatorError("pool '" + c.str("poolid") + "' does not exist");
    }
    return pool;
  }

  private static Object list(Call c) {
    ArrayNode out = Json.array();
    String only = c.str("poolid");
    for (Pool p : c.world().pools().values()) {
      if ((only == null || only.equals(p.id())) && c.allowed("/pool/" + p.id(), "Pool.Audit")) {
        ObjectNode entry = out.addObject();
        entry.put("poolid", p.id());
        if (p.comment() != null) {
          entry.put("comment", p.comment());
        }
        if (only != null) {
          entry.set("members", members(c.world(), p, c.str("type")));
        }
      }
    }
    return out;
  }

  private static ArrayNode members(World world, Pool pool, String type) {
    ArrayNode out = Json.array();
    for (int vmid : pool.vms()) {
      Guest g = world.guests().get(vmid);
      if (g != null && (type == null || type.equals(g.type().apiName()))) {
        out.add(GuestViews.resource(world, g));
      }
    }
    if (type == null || type.equals("storage")) {
      for (String id : pool.storages()) {
        for (var node : world.nodes().values()) {
          StorageState s = node.storages().get(id);
          if (s != null) {
            ObjectNode m = out.addObject();
            m.put("id", "storage/" + node.name() + "/" + id);
            m.put("type", "storage");
            m.put("storage", id);
            m.put("node", node.name());
            m.put("disk", s.used());
            m.put("maxdisk", s.total());
          }
        }
      }
    }
    return out;
  }

  private static Object create(Call c) {
    World world = c.world();
    String id = c.str("poolid");
    if (world.pools().containsKey(id)) {
      throw new SimulatorError("create pool failed: pool '" + id + "' already exists");
    }
    world.pools().put(id, new Pool(id, c.str("comment")));
    world.changed();
    return null;
  }

  private static Object update(Call c) {
    World world = c.world();
    Pool pool = pool(c);
    boolean remove = c.flag("delete");
    if (c.has("comment")) {
      pool.comment(c.str("comment"));
    }
    if (c.has("vms")) {
      for (String text : c.str("vms").split("[,;\\s]+")) {
        int vmid = Integer.parseInt(text);
        Guest g = world.guests().get(vmid);
        if (g == null) {
          throw new SimulatorError("VM " + vmid + " does not exist");
        }
        c.require("/vms/" + vmid, "VM.Allocate");
        if (remove) {
          if (!pool.vms().remove(vmid)) {
            throw new SimulatorError("VM " + vmid + " is not a pool member");
          }
          g.pool(null);
        } else {
          if (g.pool() != null && !g.pool().equals(pool.id()) && !c.flag("allow-move")) {
            throw new SimulatorError("VM " + vmid + " is already a pool member");
          }
          if (g.pool() != null && world.pools().containsKey(g.pool())) {
            world.pools().get(g.pool()).vms().remove(vmid);
          }
          pool.vms().add(vmid);
          g.pool(pool.id());
        }
      }
    }
    if (c.has("storage")) {
      for (String id : c.str("storage").split("[,;\\s]+")) {
        if (remove) {
          if (!pool.storages().remove(id)) {
            throw new SimulatorError("storage '" + id + "' is not a pool member");
          }
        } else {
          if (world.nodes().values().stream().noneMatch(n -> n.storages().containsKey(id))) {
            throw new SimulatorError("storage '" + id + "' does not exist");
          }
          if (!pool.storages().add(id)) {
            throw new SimulatorError("storage '" + id + "' is already a pool member");
          }
        }
      }
    }
    world.changed();
    return null;
  }
}
