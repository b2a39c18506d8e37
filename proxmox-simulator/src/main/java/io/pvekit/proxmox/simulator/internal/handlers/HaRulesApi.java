package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.FirewallConfig;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * PVE 9's HA rules as pve-ha-manager keeps them: node affinity (resources kept on nodes) and
 * resource affinity (resources kept together or apart). Rules may only name configured HA resources
 * and existing nodes; a resource-affinity rule needs two resources.
 */
public final class HaRulesApi {
  private static final String RULES = "/cluster/ha/rules";
  private static final Map<String, Set<String>> KEYS =
      Map.of(
          "node-affinity", Set.of("resources", "nodes", "strict", "comment", "disable"),
          "resource-affinity", Set.of("resources", "affinity", "comment", "disable"));
  private static final Map<String, String> REQUIRED =
      Map.of("node-affinity", "nodes", "resource-affinity", "affinity");

  private HaRulesApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", RULES, perm("/", "Sys.Audit"), HaRulesApi::list));
    r.add(new Endpoint("POST", RULES, perm("/", "Sys.Console"), HaRulesApi::create));
    r.add(new Endpoint("GET", RULES + "/{rule}", perm("/", "Sys.Audit"), HaRulesApi::get));
    r.add(new Endpoint("PUT", RULES + "/{rule}", perm("/", "Sys.Console"), HaRulesApi::update));
    r.add(new Endpoint("DELETE", RULES + "/{rule}", perm("/", "Sys.Console"), HaRulesApi::delete));
  }

  private static String digest(World world) {
    List<Map<String, String>> entries = new ArrayList<>();
    world
        .haRules()
        .forEach(
            (id, rule) -> {
              Map<String, String> e = new LinkedHashMap<>(rule);
              e.put("rule", id);
              entries.add(e);
            });
    return FirewallConfig.digest(entries);
  }

  private static ObjectNode json(World world, String id, Map<String, String> rule, int order) {
    ObjectNode out = Json.object().put("rule", id);
    rule.forEach(
        (k, v) -> {
          if (Set.of("strict", "disable").contains(k)) {
            out.put(k, Integer.parseInt(v));
          } else {
            out.put(k, v);
          }
        });
    if (rule.get("type").equals("node-affinity") && !rule.containsKey("strict")) {
      out.put("strict", 0);
    }
    return out.put("order", order).put("digest", digest(world));
  }

  private static List<String> split(String list) {
    List<String> out = new ArrayList<>();
    for (String part : list.split("[,;\\s]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  private static Object list(Call c) {
    ArrayNode out = Json.array();
    int order = 0;
    for (Map.Entry<String, Map<String, String>> e : c.world().haRules().entrySet()) {
      order++;
      Map<String, String> rule = e.getValue();
      boolean typeMatches = !c.has("type") || c.str("type").equals(rule.get("type"));
      boolean resourceMatches =
          !c.has("resource") || split(rule.get("resources")).contains(c.str("resource"));
      if (typeMatches && resourceMatches) {
        out.add(json(c.world(), e.getKey(), rule, order));
      }
    }
    return out;
  }

  private static Object get(Call c) {
    String id = c.str("rule");
    int order = 0;
    for (Map.Entry<String, Map<String, String>> e : c.world().haRules().entrySet()) {
      order++;
      if (e.getKey().equals(id)) {
        return json(c.world(), id, e.getValue(), order);
      }
    }
    throw new SimulatorError("no such ha rule '" + id + "'");
  }

  /** The options a request sets, checked against the rule type like SectionConfig does. */
  private static Map<String, String> options(Call c, String type) {
    Map<String, String> options = new LinkedHashMap<>();
    for (String key : List.of("resources", "nodes", "strict", "affinity", "comment", "disable")) {
      if (c.has(key)) {
        if (!KEYS.get(type).contains(key)) {
          throw new SimulatorError("unexpected property '" + key + "'");
        }
        options.put(key, c.str(key));
      }
    }
    return options;
  }

  /** The checks pve-ha-manager makes before writing a rule, with its messages. */
  private static void check(Call c, String id, Map<String, String> rule, String failure) {
    TreeSet<String> unmanaged = new TreeSet<>();
    for (String sid : split(rule.getOrDefault("resources", ""))) {
      String normalised = sid.matches("\\d+") ? "vm:" + sid : sid;
      if (!c.world().haResources().containsKey(normalised)) {
        unmanaged.add(sid);
      }
    }
    if (!unmanaged.isEmpty()) {
      throw new SimulatorError(
          failure + ": cannot use unmanaged resource(s) " + String.join(", ", unmanaged) + ".");
    }
    TreeSet<String> missing = new TreeSet<>();
    for (String node : split(rule.getOrDefault("nodes", ""))) {
      String name = node.contains(":") ? node.substring(0, node.indexOf(':')) : node;
      if (!c.world().nodes().containsKey(name)) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw new SimulatorError(
          failure + ": cannot use non-existant node(s) " + String.join(", ", missing) + ".");
    }
    if (rule.get("type").equals("resource-affinity")
        && split(rule.getOrDefault("resources", "")).size() < 2) {
      throw new ApiException(
          400,
          "Rule '" + id + "' is invalid.",
          Map.of("resources", "rule must specify at least two resources"));
    }
  }

  private static Object create(Call c) {
    String id = c.str("rule");
    String type = c.str("type");
    Map<String, String> options = options(c, type);
    String required = REQUIRED.get(type);
    if (!options.containsKey(required)) {
      throw ApiException.parameter(required, "property is missing and it is not optional");
    }
    String failure = "create ha rule failed";
    if (c.world().haRules().containsKey(id)) {
      throw new SimulatorError(failure + ": HA rule '" + id + "' already defined");
    }
    Map<String, String> rule = new LinkedHashMap<>();
    rule.put("type", type);
    rule.putAll(options);
    check(c, id, rule, failure);
    c.world().haRules().put(id, rule);
    c.world().changed();
    return null;
  }

  private static Object update(Call c) {
    String id = c.str("rule");
    String failure = "update HA rules failed";
    if (c.has("digest") && !c.str("digest").equals(digest(c.world()))) {
      throw new SimulatorError(
          failure + ": detected modified configuration - file changed by other user? Try again.");
    }
    Map<String, String> rule = c.world().haRules().get(id);
    if (rule == null) {
      throw new SimulatorError(failure + ": HA rule '" + id + "' does not exist");
    }
    Map<String, String> changed = new LinkedHashMap<>(rule);
    if (c.has("delete")) {
      split(c.str("delete")).forEach(changed::remove);
    }
    changed.putAll(options(c, rule.get("type")));
    check(c, id, changed, failure);
    c.world().haRules().put(id, changed);
    c.world().changed();
    return null;
  }

  private static Object delete(Call c) {
    c.world().haRules().remove(c.str("rule"));
    c.world().changed();
    return null;
  }
}
