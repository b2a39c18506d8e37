package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.Upid;
import java.util.ArrayList;
import java.util.List;

/** Node tasks: list, status, log and stop. */
public final class TaskApi {
  private static final String TASK = "/nodes/{node}/tasks/{upid}";

  private TaskApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", "/nodes/{node}/tasks", anyUser(), TaskApi::list));
    r.add(new Endpoint("GET", TASK + "/status", anyUser(), TaskApi::status));
    r.add(new Endpoint("GET", TASK + "/log", anyUser(), TaskApi::log));
    r.add(new Endpoint("DELETE", TASK, anyUser(), TaskApi::stop));
  }

  /** Owners see their tasks; others need Sys.Audit on the node. */
  static boolean visible(Call c, TaskRecord t) {
    String owner = t.upid().user();
    return owner.equals(c.subject())
        || owner.equals(c.identity().user())
        || c.allowed("/nodes/" + t.upid().node(), "Sys.Audit");
  }

  static ObjectNode listEntry(TaskRecord t) {
    ObjectNode out = Json.object();
    Upid u = t.upid();
    out.put("upid", t.upidText());
    out.put("node", u.node());
    out.put("pid", u.pid());
    out.put("pstart", u.pstart());
    out.put("starttime", u.starttime());
    out.put("type", u.type());
    out.put("id", u.id());
    out.put("user", u.user());
    if (!t.running()) {
      out.put("status", t.exitStatus());
      out.put("endtime", t.endtime());
    }
    return out;
  }

  private static TaskRecord task(Call c) {
    String text = c.str("upid");
    Upid upid = Upid.parse(text);
    if (upid == null) {
      throw ApiException.parameter("upid", "unable to parse worker upid '" + text + "'");
    }
    c.world().node(c.node());
    TaskRecord task = c.world().tasks().get(upid.toString());
    if (task == null || !upid.node().equals(c.node())) {
      throw new SimulatorError("no such task");
    }
    return task;
  }

  private static void requireOwnerOr(Call c, TaskRecord t, String privilege) {
    String owner = t.upid().user();
    if (!owner.equals(c.subject()) && !owner.equals(c.identity().user())) {
      c.require("/nodes/" + t.upid().node(), privilege);
    }
  }

  private static Object list(Call c) {
    c.world().node(c.node());
    List<TaskRecord> matching = new ArrayList<>();
    String vmid = c.str("vmid");
    String typeFilter = c.str("typefilter");
    String userFilter = c.str("userfilter");
    String source = c.str("source", "archive");
    boolean errorsOnly = c.flag("errors");
    for (TaskRecord t : c.world().tasks().values()) {
      Upid u = t.upid();
      boolean keep =
          u.node().equals(c.node())
              && visible(c, t)
              && (vmid == null || vmid.equals(u.id()))
              && (typeFilter == null || u.type().equals(typeFilter))
              && (userFilter == null || u.user().contains(userFilter))
              && (!errorsOnly || t.failed())
              && (source.equals("all") || (source.equals("active") ? t.running() : !t.running()))
              && (!c.has("since") || u.starttime() >= c.integer("since", 0))
              && (!c.has("until") || u.starttime() <= c.integer("until", 0));
      if (keep) {
        matching.add(t);
      }
    }
    matching.sort((a, b) -> Long.compare(b.upid().starttime(), a.upid().starttime()));
    int start = (int) c.integer("start", 0);
    int limit = (int) c.integer("limit", 50);
    ArrayNode out = Json.array();
    for (int i = start; i < matching.size() && out.size() < limit; i++) {
      out.add(listEntry(matching.get(i)));
    }
    return out;
  }

  private static Object status(Call c) {
    TaskRecord t = task(c);
    requireOwnerOr(c, t, "Sys.Audit");
    Upid u = t.upid();
    ObjectNode out = Json.object();
    out.put("upid", t.upidText());
    out.put("node", u.node());
    out.put("pid", u.pid());
    out.put("pstart", u.pstart());
    out.put("starttime", u.starttime());
    out.put("type", u.type());
    out.put("id", u.id());
    out.put(
        "user", u.user().contains("!") ? u.user().substring(0, u.user().indexOf('!')) : u.user());
    if (u.user().contains("!")) {
      out.put("tokenid", u.user().substring(u.user().indexOf('!') + 1));
    }
    out.put("status", t.running() ? "running" : "stopped");
    if (!t.running()) {
      out.put("exitstatus", t.exitStatus());
      out.put("endtime", t.endtime());
    }
    return out;
  }

  private static Object log(Call c) {
    TaskRecord t = task(c);
    requireOwnerOr(c, t, "Sys.Audit");
    List<String> lines = new ArrayList<>(t.log());
    if (lines.isEmpty()) {
      lines.add("");
    }
    int start = (int) c.integer("start", 0);
    int limit = (int) c.integer("limit", 50);
    ArrayNode out = Json.array();
    for (int i = start; i < lines.size() && out.size() < limit; i++) {
      out.addObject().put("n", i + 1).put("t", lines.get(i));
    }
    return out;
  }

  private static Object stop(Call c) {
    TaskRecord t = task(c);
    requireOwnerOr(c, t, "Sys.Modify");
    c.tasks().stop(t);
    return null;
  }
}
