package io.pvekit.proxmox.simulator.internal.handlers;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.schema.SchemaParams;
import io.pvekit.proxmox.simulator.internal.state.FirewallConfig;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The firewall of the cluster and of each guest, as pve-firewall keeps it: options, and rules in
 * order. A new rule goes to position 0 and moves the others down (PVE's create ignores {@code
 * pos}); {@code moveto} moves a rule; a rule deleted by position closes the gap; every list carries
 * the digest a later change may send. Aliases and IP sets are in {@link FirewallSetsApi}.
 */
public final class FirewallApi {
  private static final Set<String> OPTION_STRINGS =
      Set.of(
          "policy_in",
          "policy_out",
          "policy_forward",
          "log_ratelimit",
          "log_level_in",
          "log_level_out");

  private FirewallApi() {}

  /** Registers the firewall endpoints of the cluster, QEMU and LXC guests. */
  public static void register(Router r) {
    for (FirewallScope s : FirewallScope.ALL) {
      String rules = s.base() + "/rules";
      r.add(new Endpoint("GET", s.base() + "/options", s.audit(), c -> options(s, c)));
      r.add(new Endpoint("PUT", s.base() + "/options", s.modify(), c -> setOptions(s, c)));
      r.add(new Endpoint("GET", rules, s.audit(), c -> rules(s, c)));
      r.add(new Endpoint("POST", rules, s.modify(), c -> create(s, c)));
      r.add(new Endpoint("GET", rules + "/{pos}", s.audit(), c -> rule(s, c)));
      r.add(new Endpoint("PUT", rules + "/{pos}", s.modify(), c -> update(s, c)));
      r.add(new Endpoint("DELETE", rules + "/{pos}", s.modify(), c -> delete(s, c)));
      FirewallSetsApi.register(r, s);
    }
  }

  private static Object options(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    ObjectNode out = Json.object();
    file.options()
        .forEach(
            (k, v) -> {
              if (OPTION_STRINGS.contains(k)) {
                out.put(k, v);
              } else {
                out.put(k, Long.parseLong(v));
              }
            });
    out.put("digest", file.optionsDigest());
    return out;
  }

  private static Object setOptions(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    FirewallScope.assertUnmodified(c, file.optionsDigest());
    if (c.has("delete")) {
      for (String key : c.str("delete").split("[,;\\s]+")) {
        file.options().remove(key);
      }
    }
    for (String key : SchemaParams.params("PUT", s.base() + "/options").keySet()) {
      if (c.has(key) && !Set.of("delete", "digest", "node", "vmid").contains(key)) {
        file.options().put(key, c.str(key));
      }
    }
    c.world().changed();
    return null;
  }

  private static ObjectNode listed(Map<String, String> rule, int pos, String digest) {
    ObjectNode out = Json.object();
    out.put("pos", pos);
    rule.forEach(
        (k, v) -> {
          if (FirewallRules.numeric(k)) {
            out.put(k, Long.parseLong(v));
          } else {
            out.put(k, v);
          }
        });
    out.put("digest", digest);
    return out;
  }

  private static Object rules(FirewallScope s, Call c) {
    List<Map<String, String>> rules = s.file(c).rules();
    String digest = FirewallConfig.digest(rules);
    ArrayNode out = Json.array();
    for (int i = 0; i < rules.size(); i++) {
      out.add(listed(rules.get(i), i, digest));
    }
    return out;
  }

  private static int position(Call c, List<Map<String, String>> rules) {
    long pos = c.integer("pos", 0);
    if (pos >= rules.size()) {
      throw new SimulatorError("no rule at position " + pos);
    }
    return (int) pos;
  }

  private static Object rule(FirewallScope s, Call c) {
    List<Map<String, String>> rules = s.file(c).rules();
    int pos = position(c, rules);
    return listed(rules.get(pos), pos, FirewallConfig.digest(rules));
  }

  private static Object create(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    FirewallScope.assertUnmodified(c, FirewallConfig.digest(file.rules()));
    Map<String, String> rule = new LinkedHashMap<>();
    FirewallRules.copy(c, rule);
    FirewallRules.verify(rule, file, FirewallScope.clusterFile(c), !s.cluster());
    rule.putIfAbsent("enable", "0");
    file.rules().add(0, rule);
    c.world().changed();
    return null;
  }

  private static Object update(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    List<Map<String, String>> rules = file.rules();
    FirewallScope.assertUnmodified(c, FirewallConfig.digest(rules));
    int pos = position(c, rules);
    Map<String, String> rule = rules.get(pos);
    if (c.has("moveto")) {
      long moveto = c.integer("moveto", pos);
      if (moveto != pos) {
        List<Map<String, String>> moved = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
          if (i == pos) {
            continue;
          }
          if (i == moveto) {
            moved.add(rule);
          }
          moved.add(rules.get(i));
        }
        if (moveto >= rules.size()) {
          moved.add(rule);
        }
        file.rules(moved);
      }
    } else {
      Map<String, String> changed = new LinkedHashMap<>(rule);
      FirewallRules.copy(c, changed);
      if (c.has("delete")) {
        FirewallRules.delete(changed, c.str("delete"));
      }
      FirewallRules.verify(changed, file, FirewallScope.clusterFile(c), !s.cluster());
      rules.set(pos, changed);
    }
    c.world().changed();
    return null;
  }

  private static Object delete(FirewallScope s, Call c) {
    FirewallConfig file = s.file(c);
    List<Map<String, String>> rules = file.rules();
    FirewallScope.assertUnmodified(c, FirewallConfig.digest(rules));
    rules.remove(position(c, rules));
    c.world().changed();
    return null;
  }
}
