package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.schema.SchemaParams;
import io.pvekit.proxmox.simulator.internal.state.SdnConfig;
import io.pvekit.proxmox.simulator.internal.state.SdnConfig.Kind;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * SDN zones and VNets with pve-network's pending semantics: every change edits the written
 * configuration only; {@code PUT /cluster/sdn} commits it as the running one at once and returns
 * the {@code reloadnetworkall} task that reloads the nodes. VNets are in {@link SdnVnetsApi},
 * subnets in {@link SdnSubnetsApi}.
 */
public final class SdnApi {
  private static final Pattern ID = Pattern.compile("(?i)[a-z][a-z0-9]*[a-z0-9]");
  private static final Set<String> COMMON =
      Set.of("nodes", "ipam", "dns", "reversedns", "dnszone", "mtu", "dhcp");

  /** The keys each zone type takes beyond the common ones, and which of them it needs. */
  private record ZoneType(Set<String> keys, List<String> required) {}

  private static final Map<String, ZoneType> TYPES =
      Map.of(
          "simple", new ZoneType(Set.of(), List.of()),
          "vlan", new ZoneType(Set.of("bridge", "bridge-disable-mac-learning"), List.of("bridge")),
          "qinq",
              new ZoneType(
                  Set.of("bridge", "tag", "vlan-protocol", "bridge-disable-mac-learning"),
                  List.of("bridge", "tag")),
          "vxlan",
              new ZoneType(
                  Set.of("peers", "vxlan-port", "fabric", "bridge-disable-mac-learning"),
                  List.of()),
          "evpn",
              new ZoneType(
                  Set.of(
                      "controller",
                      "vrf-vxlan",
                      "mac",
                      "exitnodes",
                      "exitnodes-primary",
                      "exitnodes-local-routing",
                      "advertise-subnets",
                      "disable-arp-nd-suppression",
                      "rt-import",
                      "vxlan-port",
                      "fabric",
                      "bridge-disable-mac-learning"),
                  List.of("controller", "vrf-vxlan")),
          "faucet", new ZoneType(Set.of("dp-id"), List.of()));

  private SdnApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", "/cluster/sdn", perm("/sdn", "SDN.Audit"), c -> index()));
    r.add(new Endpoint("PUT", "/cluster/sdn", perm("/sdn", "SDN.Allocate"), SdnApi::apply));
    String zones = "/cluster/sdn/zones";
    r.add(new Endpoint("GET", zones, anyUser(), SdnApi::zones));
    Endpoint.Check zone = perm("/sdn/zones/{zone}", "SDN.Allocate");
    r.add(new Endpoint("POST", zones, perm("/sdn/zones", "SDN.Allocate"), SdnApi::createZone));
    r.add(new Endpoint("GET", zones + "/{zone}", zone, SdnApi::zone));
    r.add(new Endpoint("PUT", zones + "/{zone}", zone, SdnApi::updateZone));
    r.add(new Endpoint("DELETE", zones + "/{zone}", zone, SdnApi::deleteZone));
    SdnVnetsApi.register(r);
    SdnSubnetsApi.register(r);
  }

  private static Object index() {
    ArrayNode out = Json.array();
    for (String id : new String[] {"vnets", "zones", "controllers", "ipams", "dns", "fabrics"}) {
      out.addObject().put("id", id);
    }
    return out;
  }

  private static Object apply(Call c) {
    SdnConfig sdn = c.world().sdn();
    sdn.commit();
    c.world().changed();
    String node = c.world().nodes().keySet().iterator().next();
    return c.tasks()
        .start(node, "reloadnetworkall", "", c.subject(), null, false, t -> {})
        .upidText();
  }

  /** The zone or VNet id format of pve-network, as a 400 on the parameter. */
  static void checkId(String param, String what, String id) {
    if (!ID.matcher(id).matches()) {
      throw ApiException.parameter(
          param, "invalid format - " + what + " ID '" + id + "' contains illegal characters");
    }
    if (id.length() > 8) {
      throw ApiException.parameter(
          param,
          "invalid format - " + what + " ID '" + id + "' can't be more length than 8 characters");
    }
  }

  private static Object zones(Call c) {
    ArrayNode out = Json.array();
    SdnViews.view(c, Kind.ZONES)
        .forEach(
            (id, entry) -> {
              boolean visible =
                  c.allowed("/sdn/zones/" + id, "SDN.Audit")
                      || c.allowed("/sdn/zones/" + id, "SDN.Allocate");
              if (visible && (!c.has("type") || c.str("type").equals(entry.get("type")))) {
                out.add(SdnViews.json("zone", id, entry));
              }
            });
    return out;
  }

  private static Object zone(Call c) {
    String id = c.str("zone");
    return SdnViews.json("zone", id, SdnViews.one(c, Kind.ZONES, id, ""));
  }

  /** The zone options a request sets, checked against the type like SectionConfig does. */
  private static Map<String, String> zoneOptions(Call c, String type, boolean create) {
    ZoneType zoneType = TYPES.get(type);
    Map<String, String> options = new LinkedHashMap<>();
    for (String key : SchemaParams.params("PUT", "/cluster/sdn/zones/{zone}").keySet()) {
      if (!c.has(key) || Set.of("zone", "delete", "digest", "lock-token").contains(key)) {
        continue;
      }
      if (!COMMON.contains(key) && !zoneType.keys().contains(key)) {
        throw new SimulatorError("unexpected property '" + key + "'");
      }
      options.put(key, c.str(key));
    }
    if (create) {
      for (String key : zoneType.required()) {
        if (!options.containsKey(key)) {
          throw ApiException.parameter(key, "property is missing and it is not optional");
        }
      }
    }
    return options;
  }

  /**
   * The references a zone may make (the simulated cluster has PVE's default IPAM {@code pve} and no
   * DNS plugins), checked under the SDN lock, so PVE's parameter error becomes a 500.
   */
  private static void checkReferences(Map<String, String> options, String failure) {
    String problem = null;
    if (options.containsKey("dns")) {
      problem = "dns: " + options.get("dns") + " don't exist";
    } else if (options.containsKey("reversedns")) {
      problem = "reversedns: " + options.get("reversedns") + " don't exist";
    } else if (options.containsKey("dnszone")) {
      problem = "dnszone: missing dns server";
    } else if (options.containsKey("ipam") && !options.get("ipam").equals("pve")) {
      problem = "ipam: " + options.get("ipam") + " not existing";
    }
    if (problem != null) {
      throw new SimulatorError(failure + ": 400 Parameter verification failed.\n" + problem);
    }
  }

  private static Object createZone(Call c) {
    String id = c.str("zone");
    checkId("zone", "zone", id);
    String type = c.str("type");
    Map<String, String> options = zoneOptions(c, type, true);
    SdnConfig sdn = c.world().sdn();
    String failure = "create sdn zone object failed";
    if (sdn.written(Kind.ZONES).containsKey(id)) {
      throw new SimulatorError(failure + ": sdn zone object ID '" + id + "' already defined");
    }
    checkReferences(options, failure);
    Map<String, String> zone = new LinkedHashMap<>();
    zone.put("type", type);
    zone.putAll(options);
    sdn.written(Kind.ZONES).put(id, zone);
    c.world().changed();
    return null;
  }

  private static Map<String, String> writtenZone(Call c, String id) {
    Map<String, String> zone = c.world().sdn().written(Kind.ZONES).get(id);
    if (zone == null) {
      throw new SimulatorError("sdn '" + id + "' does not exist");
    }
    return zone;
  }

  static void assertUnmodified(Call c, Kind kind) {
    if (c.has("digest") && !c.str("digest").equals(c.world().sdn().digest(kind))) {
      throw new SimulatorError(
          "detected modified configuration - file changed by other user? Try again.");
    }
  }

  private static Object updateZone(Call c) {
    String id = c.str("zone");
    assertUnmodified(c, Kind.ZONES);
    Map<String, String> zone = writtenZone(c, id);
    Map<String, String> options = zoneOptions(c, zone.get("type"), false);
    checkReferences(options, "update sdn zone object failed");
    if (c.has("delete")) {
      for (String key : c.str("delete").split("[,;\\s]+")) {
        zone.remove(key);
      }
    }
    zone.putAll(options);
    c.world().changed();
    return null;
  }

  private static Object deleteZone(Call c) {
    String id = c.str("zone");
    writtenZone(c, id);
    SdnConfig sdn = c.world().sdn();
    sdn.written(Kind.VNETS)
        .forEach(
            (vnet, keys) -> {
              if (id.equals(keys.get("zone"))) {
                throw new SimulatorError(
                    "delete sdn zone object failed: zone " + id + " is used by vnet " + vnet);
              }
            });
    sdn.written(Kind.ZONES).remove(id);
    c.world().changed();
    return null;
  }
}
