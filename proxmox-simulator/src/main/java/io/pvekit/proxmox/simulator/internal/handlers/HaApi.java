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
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HA resources and the HA status. The simulated CRM acts at once: a resource requested {@code
 * started} starts its guest, {@code stopped} stops it; {@code status/current} shows quorum, master,
 * one LRM per node and one service entry per resource.
 */
public final class HaApi {
  private static final String RESOURCES = "/cluster/ha/resources";

  private HaApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", RESOURCES, perm("/", "Sys.Audit"), HaApi::list));
    r.add(new Endpoint("POST", RESOURCES, perm("/", "Sys.Console"), HaApi::create));
    r.add(new Endpoint("GET", RESOURCES + "/{sid}", perm("/", "Sys.Audit"), HaApi::get));
    r.add(new Endpoint("PUT", RESOURCES + "/{sid}", perm("/", "Sys.Console"), HaApi::update));
    r.add(new Endpoint("DELETE", RESOURCES + "/{sid}", perm("/", "Sys.Console"), HaApi::delete));
    r.add(new Endpoint("GET", "/cluster/ha/status/current", perm("/", "Sys.Audit"), HaApi::status));
    r.add(
        new Endpoint(
            "GET",
            "/cluster/ha/status/manager_status",
            perm("/", "Sys.Audit"),
            HaApi::managerStatus));
  }

  /** {@code 100} becomes {@code vm:100} or {@code ct:100} by the guest's kind. */
  private static String sid(Call c) {
    String sid = c.str("sid");
    if (sid.matches("\\d+")) {
      Guest guest = c.world().guests().get(Integer.parseInt(sid));
      if (guest == null) {
        throw new SimulatorError("unable to find VM '" + sid + "'");
      }
      return (guest.type() == GuestType.QEMU ? "vm:" : "ct:") + sid;
    }
    if (!sid.matches("(vm|ct):\\d+")) {
      throw new SimulatorError("unable to parse service id '" + sid + "'");
    }
    return sid;
  }

  private static Map<String, String> existing(Call c, String sid) {
    Map<String, String> resource = c.world().haResources().get(sid);
    if (resource == null) {
      throw new SimulatorError("no such resource '" + sid + "'");
    }
    return resource;
  }

  private static Guest guestOf(World world, String sid) {
    return world.guests().get(Integer.parseInt(sid.substring(3)));
  }

  private static ObjectNode entry(String sid, Map<String, String> resource) {
    ObjectNode out = Json.object();
    out.put("sid", sid);
    out.put("type", sid.substring(0, 2));
    out.put("state", resource.getOrDefault("state", "started"));
    for (String key : new String[] {"max_restart", "max_relocate", "failback"}) {
      if (resource.containsKey(key)) {
        out.put(key, Integer.parseInt(resource.get(key)));
      }
    }
    for (String key : new String[] {"group", "comment"}) {
      if (resource.containsKey(key)) {
        out.put(key, resource.get(key));
      }
    }
    out.put(
        "digest",
        String.format(java.util.Locale.ROOT, "%08x%032x", sid.hashCode(), resource.hashCode()));
    return out;
  }

  private static Object list(Call c) {
    ArrayNode out = Json.array();
    c.world()
        .haResources()
        .forEach(
            (sid, resource) -> {
              if (!c.has("type") || sid.startsWith(c.str("type") + ":")) {
                out.add(entry(sid, resource));
              }
            });
    return out;
  }

  private static Object get(Call c) {
    String sid = sid(c);
    return entry(sid, existing(c, sid));
  }

  private static Object create(Call c) {
    String sid = sid(c);
    World world = c.world();
    if (c.has("type") && !sid.startsWith(c.str("type") + ":")) {
      throw new SimulatorError("types does not match");
    }
    if (world.haResources().containsKey(sid)) {
      throw new SimulatorError("resource ID '" + sid + "' already defined");
    }
    if (guestOf(world, sid) == null) {
      throw new SimulatorError("unable to find VM '" + sid.substring(3) + "'");
    }
    Map<String, String> resource = new LinkedHashMap<>();
    world.haResources().put(sid, resource);
    apply(c, world, sid, resource);
    return null;
  }

  private static Object update(Call c) {
    String sid = sid(c);
    Map<String, String> resource = existing(c, sid);
    if (c.has("delete")) {
      for (String key : c.str("delete").split("[,;\\s]+")) {
        resource.remove(key);
      }
    }
    apply(c, c.world(), sid, resource);
    return null;
  }

  private static void apply(Call c, World world, String sid, Map<String, String> resource) {
    for (String key :
        new String[] {"state", "group", "comment", "max_restart", "max_relocate", "failback"}) {
      if (c.has(key)) {
        resource.put(key, c.str(key));
      }
    }
    String state = resource.getOrDefault("state", "started");
    Guest guest = guestOf(world, sid);
    if (guest != null && (state.equals("started") || state.equals("enabled")) && !guest.running()) {
      guest.markRunning(world.clock().epochSecond(), 100_000 + guest.vmid());
    } else if (guest != null
        && (state.equals("stopped") || state.equals("disabled"))
        && guest.running()) {
      guest.markStopped();
    }
    world.changed();
  }

  private static Object delete(Call c) {
    String sid = sid(c);
    existing(c, sid);
    c.world().haResources().remove(sid);
    c.world().changed();
    return null;
  }

  private static Object status(Call c) {
    World world = c.world();
    long now = world.clock().epochSecond();
    String master = world.nodes().keySet().iterator().next();
    ArrayNode out = Json.array();
    out.addObject()
        .put("id", "quorum")
        .put("type", "quorum")
        .put("node", master)
        .put("status", "OK")
        .put("quorate", 1);
    out.addObject()
        .put("id", "master")
        .put("type", "master")
        .put("node", master)
        .put("status", master + " (active, " + java.time.Instant.ofEpochSecond(now) + ")")
        .put("timestamp", now);
    for (String node : world.nodes().keySet()) {
      boolean active =
          world.haResources().keySet().stream()
              .map(sid -> guestOf(world, sid))
              .anyMatch(g -> g != null && g.node().equals(node));
      out.addObject()
          .put("id", "lrm:" + node)
          .put("type", "lrm")
          .put("node", node)
          .put(
              "status",
              node
                  + " ("
                  + (active ? "active" : "idle")
                  + ", "
                  + java.time.Instant.ofEpochSecond(now)
                  + ")")
          .put("timestamp", now);
    }
    world
        .haResources()
        .forEach(
            (sid, resource) -> {
              Guest guest = guestOf(world, sid);
              String state = resource.getOrDefault("state", "started");
              String actual = guest != null && guest.running() ? "started" : "stopped";
              out.addObject()
                  .put("id", "service:" + sid)
                  .put("type", "service")
                  .put("sid", sid)
                  .put("node", guest == null ? master : guest.node())
                  .put("state", actual)
                  .put("crm_state", actual)
                  .put("request_state", state)
                  .put("status", actual)
                  .put("max_restart", Integer.parseInt(resource.getOrDefault("max_restart", "1")))
                  .put("max_relocate", Integer.parseInt(resource.getOrDefault("max_relocate", "1")))
                  .put("failback", Integer.parseInt(resource.getOrDefault("failback", "1")));
            });
    return out;
  }

  private static Object managerStatus(Call c) {
    World world = c.world();
    ObjectNode out = Json.object();
    ObjectNode manager = out.putObject("manager_status");
    manager.put("master_node", world.nodes().keySet().iterator().next());
    manager.put("timestamp", world.clock().epochSecond());
    ObjectNode services = manager.putObject("service_status");
    world
        .haResources()
        .forEach(
            (sid, resource) -> {
              Guest guest = guestOf(world, sid);
              services
                  .putObject(sid)
                  .put("node", guest == null ? "" : guest.node())
                  .put("state", guest != null && guest.running() ? "started" : "stopped");
            });
    ObjectNode nodeStatus = manager.putObject("node_status");
    world.nodes().keySet().forEach(n -> nodeStatus.put(n, "online"));
    out.putObject("quorum").put("node", manager.get("master_node").asText()).put("quorate", "1");
    return out;
  }
}
