package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.schema.SchemaParams;
import io.pvekit.proxmox.simulator.internal.state.SdnConfig;
import io.pvekit.proxmox.simulator.internal.state.SdnConfig.Kind;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * SDN VNets: each needs an existing zone and the tag its zone type wants (vnet_update_hook); the
 * permission to change one is {@code SDN.Allocate} on {@code /sdn/zones/<zone>/<vnet>}
 * (check_vnet_access). Changes are pending like every SDN change.
 */
final class SdnVnetsApi {
  private SdnVnetsApi() {}

  static void register(Router r) {
    String vnets = "/cluster/sdn/vnets";
    r.add(new Endpoint("GET", vnets, anyUser(), SdnVnetsApi::vnets));
    r.add(
        new Endpoint(
            "POST", vnets, perm("/sdn/zones/{zone}", "SDN.Allocate"), SdnVnetsApi::createVnet));
    r.add(new Endpoint("GET", vnets + "/{vnet}", anyUser(), SdnVnetsApi::vnet));
    r.add(new Endpoint("PUT", vnets + "/{vnet}", anyUser(), SdnVnetsApi::updateVnet));
    r.add(new Endpoint("DELETE", vnets + "/{vnet}", anyUser(), SdnVnetsApi::deleteVnet));
  }

  private static boolean vnetVisible(Call c, String zone, String vnet) {
    String path = "/sdn/zones/" + zone + "/" + vnet;
    return c.allowed(path, "SDN.Audit") || c.allowed(path, "SDN.Allocate");
  }

  private static Object vnets(Call c) {
    ArrayNode out = Json.array();
    SdnViews.view(c, Kind.VNETS)
        .forEach(
            (id, entry) -> {
              Object zone = entry.get("zone");
              if (zone == null && entry.get("pending") instanceof Map<?, ?> p) {
                zone = p.get("zone");
              }
              if (vnetVisible(c, String.valueOf(zone), id)) {
                out.add(SdnViews.json("vnet", id, entry));
              }
            });
    return out;
  }

  /** The written VNet, after PVE's check_vnet_access for {@code privileges}. */
  static Map<String, String> accessibleVnet(Call c, String id, String... privileges) {
    Map<String, String> vnet = c.world().sdn().written(Kind.VNETS).get(id);
    if (vnet == null) {
      throw new SimulatorError("sdn vnet '" + id + "' does not exist");
    }
    c.requireAny("/sdn/zones/" + vnet.get("zone") + "/" + id, privileges);
    return vnet;
  }

  private static Object vnet(Call c) {
    String id = c.str("vnet");
    accessibleVnet(c, id, "SDN.Audit", "SDN.Allocate");
    return SdnViews.json("vnet", id, SdnViews.one(c, Kind.VNETS, id, "vnet "));
  }

  /** The zone type's checks of a VNet's tag (vnet_update_hook), as PVE words them. */
  private static void checkVnet(Call c, Map<String, String> vnet, String failure) {
    Map<String, String> zone = c.world().sdn().written(Kind.ZONES).get(vnet.get("zone"));
    if (zone == null) {
      throw new SimulatorError(failure + ": zone '" + vnet.get("zone") + "' does not exist");
    }
    String tag = vnet.get("tag");
    String problem =
        switch (zone.get("type")) {
          case "vlan", "qinq" ->
              tag == null
                  ? "missing vlan tag"
                  : Long.parseLong(tag) > 4094 ? "vlan tag max value is 4094" : null;
          case "vxlan", "evpn" -> tag == null ? "missing vxlan tag" : null;
          case "simple" -> tag != null ? "vlan tag is not allowed on simple zone" : null;
          default -> null;
        };
    if (problem != null) {
      throw new SimulatorError(failure + ": 400 Parameter verification failed.\ntag: " + problem);
    }
  }

  private static Object createVnet(Call c) {
    String id = c.str("vnet");
    SdnApi.checkId("vnet", "vnet", id);
    SdnConfig sdn = c.world().sdn();
    if (sdn.written(Kind.VNETS).containsKey(id)) {
      throw new SimulatorError(
          "create sdn vnet object failed: sdn vnet object ID '" + id + "' already defined");
    }
    Map<String, String> vnet = new LinkedHashMap<>();
    vnet.put("type", "vnet");
    for (String key : SchemaParams.params("POST", "/cluster/sdn/vnets").keySet()) {
      if (c.has(key) && !Set.of("vnet", "type", "lock-token").contains(key)) {
        vnet.put(key, c.str(key));
      }
    }
    checkVnet(c, vnet, "create sdn vnet object failed");
    sdn.written(Kind.VNETS).put(id, vnet);
    c.world().changed();
    return null;
  }

  private static Object updateVnet(Call c) {
    String id = c.str("vnet");
    Map<String, String> vnet = accessibleVnet(c, id, "SDN.Allocate");
    SdnApi.assertUnmodified(c, Kind.VNETS);
    Map<String, String> changed = new LinkedHashMap<>(vnet);
    if (c.has("delete")) {
      for (String key : c.str("delete").split("[,;\\s]+")) {
        changed.remove(key);
      }
    }
    for (String key : SchemaParams.params("PUT", "/cluster/sdn/vnets/{vnet}").keySet()) {
      if (c.has(key) && !Set.of("vnet", "delete", "digest", "lock-token").contains(key)) {
        changed.put(key, c.str(key));
      }
    }
    String failure = "update sdn vnet object failed";
    if (!changed.containsKey("zone")) {
      throw new SimulatorError(
          failure + ": 400 Parameter verification failed.\nzone: cannot delete zone");
    }
    if (!changed.get("zone").equals(vnet.get("zone")) && SdnSubnetsApi.hasSubnets(c, id)) {
      throw new SimulatorError(
          failure
              + ": 400 Parameter verification failed.\nzone: can't change zone if subnets exist");
    }
    checkVnet(c, changed, failure);
    c.world().sdn().written(Kind.VNETS).put(id, changed);
    c.world().changed();
    return null;
  }

  private static Object deleteVnet(Call c) {
    String id = c.str("vnet");
    accessibleVnet(c, id, "SDN.Allocate");
    if (SdnSubnetsApi.hasSubnets(c, id)) {
      throw new SimulatorError(
          "delete sdn vnet object failed: 400 Parameter verification failed.\n"
              + "vnet: Can't delete vnet if subnets exists");
    }
    c.world().sdn().written(Kind.VNETS).remove(id);
    c.world().changed();
    return null;
  }
}
