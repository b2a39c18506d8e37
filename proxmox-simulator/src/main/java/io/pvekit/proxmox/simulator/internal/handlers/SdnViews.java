package io.pvekit.proxmox.simulator.internal.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.state.SdnConfig;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The three ways PVE shows SDN objects: as written (default, with the file's {@code digest}), as
 * running ({@code running=1}), or the running values with what applying would change ({@code
 * pending=1}: {@code state} {@code new}, {@code changed} or {@code deleted} and the new values
 * under {@code pending}, as pve-network's {@code pending_config} computes them).
 */
final class SdnViews {
  private static final Set<String> NUMBERS =
      Set.of(
          "mtu",
          "tag",
          "vrf-vxlan",
          "vxlan-port",
          "dp-id",
          "vlanaware",
          "isolate-ports",
          "snat",
          "advertise-subnets",
          "exitnodes-local-routing",
          "disable-arp-nd-suppression",
          "bridge-disable-mac-learning");

  /** Keys pending_config keeps at the top level of a pending entry. */
  private static final Set<String> FIXED = Set.of("type", "vnet");

  private SdnViews() {}

  /** The objects of a kind the way the call asks to see them, by id. */
  static TreeMap<String, Map<String, Object>> view(Call c, SdnConfig.Kind kind) {
    SdnConfig sdn = c.world().sdn();
    TreeMap<String, Map<String, Object>> out = new TreeMap<>();
    if (c.flag("pending")) {
      return pending(sdn.running(kind), sdn.written(kind));
    }
    boolean running = c.flag("running");
    (running ? sdn.running(kind) : sdn.written(kind))
        .forEach(
            (id, keys) -> {
              Map<String, Object> entry = new LinkedHashMap<>(keys);
              if (!running) {
                entry.put("digest", sdn.digest(kind));
              }
              out.put(id, entry);
            });
    return out;
  }

  /** One object in the call's view, or PVE's error. */
  static Map<String, Object> one(Call c, SdnConfig.Kind kind, String id, String what) {
    Map<String, Object> entry = view(c, kind).get(id);
    if (entry == null) {
      throw new SimulatorError("sdn " + what + "'" + id + "' does not exist");
    }
    return entry;
  }

  private static TreeMap<String, Map<String, Object>> pending(
      Map<String, Map<String, String>> running, Map<String, Map<String, String>> written) {
    TreeMap<String, Map<String, Object>> out = new TreeMap<>();
    running.forEach(
        (id, run) -> {
          Map<String, Object> entry = new LinkedHashMap<>(run);
          Map<String, String> now = written.get(id);
          Map<String, Object> pending = new TreeMap<>();
          if (now == null) {
            entry.put("state", "deleted");
          } else {
            for (String key : run.keySet()) {
              if (!now.containsKey(key)) {
                pending.put(key, "deleted");
                entry.put("state", "changed");
              } else if (!now.get(key).equals(run.get(key))) {
                entry.put("state", "changed");
              }
            }
          }
          entry.put("pending", pending);
          out.put(id, entry);
        });
    written.forEach(
        (id, now) -> {
          Map<String, String> run = running.get(id);
          Map<String, Object> entry = out.computeIfAbsent(id, k -> new LinkedHashMap<>());
          @SuppressWarnings("unchecked")
          Map<String, Object> pending =
              (Map<String, Object>) entry.computeIfAbsent("pending", k -> new TreeMap<>());
          for (Map.Entry<String, String> e : now.entrySet()) {
            String old = run == null ? null : run.get(e.getKey());
            if (FIXED.contains(e.getKey())) {
              entry.put(e.getKey(), e.getValue());
            } else if (!Objects.equals(old, e.getValue())) {
              pending.put(e.getKey(), e.getValue());
            }
            if (run == null) {
              entry.put("state", "new");
            } else if (old == null) {
              entry.put("state", "changed");
            }
          }
        });
    // an entry without a state has nothing pending: PVE leaves the key out
    out.values()
        .forEach(
            e -> {
              if (!e.containsKey("state")) {
                e.remove("pending");
              }
            });
    return out;
  }

  /** An object as JSON: the id under {@code idKey} first, numbers as numbers. */
  static ObjectNode json(String idKey, String id, Map<String, Object> entry) {
    ObjectNode out = Json.object();
    out.put(idKey, id);
    entry.forEach(
        (k, v) -> {
          if (v instanceof Map<?, ?> pending) {
            ObjectNode p = out.putObject(k);
            pending.forEach((pk, pv) -> put(p, pk.toString(), pv.toString()));
          } else {
            put(out, k, v.toString());
          }
        });
    return out;
  }

  private static void put(ObjectNode out, String key, String value) {
    if (NUMBERS.contains(key) && value.matches("-?\\d+")) {
      out.put(key, Long.parseLong(value));
    } else {
      out.put(key, value);
    }
  }
}
