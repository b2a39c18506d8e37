package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.SdnConfig.Kind;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subnets of a VNet. A subnet's id is its zone and network, {@code tenants-10.10.0.0-24} for
 * {@code 10.10.0.0/24} in zone {@code tenants}; its gateway must lie inside it. Changes are pending
 * like every SDN change.
 */
final class SdnSubnetsApi {
  private static final Pattern CIDR4 =
      Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})");
  private static final Pattern CIDR6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:]*/(\\d{1,3})");
  private static final Set<String> STORED =
      Set.of("gateway", "snat", "dhcp-dns-server", "dnszoneprefix");

  private SdnSubnetsApi() {}

  static void register(Router r) {
    String subnets = "/cluster/sdn/vnets/{vnet}/subnets";
    r.add(new Endpoint("GET", subnets, anyUser(), SdnSubnetsApi::list));
    r.add(new Endpoint("POST", subnets, anyUser(), SdnSubnetsApi::create));
    String one = subnets + "/{subnet}";
    r.add(new Endpoint("GET", one, anyUser(), SdnSubnetsApi::get));
    r.add(new Endpoint("PUT", one, anyUser(), SdnSubnetsApi::update));
    r.add(new Endpoint("DELETE", one, anyUser(), SdnSubnetsApi::delete));
  }

  /** Whether a VNet has subnets in the written configuration. */
  static boolean hasSubnets(Call c, String vnet) {
    return c.world().sdn().written(Kind.SUBNETS).values().stream()
        .anyMatch(s -> vnet.equals(s.get("vnet")));
  }

  private static ObjectNode json(String id, Map<String, Object> entry) {
    ObjectNode out = SdnViews.json("subnet", id, entry);
    // sdn_subnets_config adds these from the id for API answers
    String[] parts = id.split("-");
    out.put("zone", parts[0]);
    out.put("network", parts[1]);
    out.put("mask", parts[2]);
    out.put("cidr", parts[1] + "/" + parts[2]);
    return out;
  }

  private static Object list(Call c) {
    String vnet = c.str("vnet");
    SdnVnetsApi.accessibleVnet(c, vnet, "SDN.Audit", "SDN.Allocate");
    ArrayNode out = Json.array();
    SdnViews.view(c, Kind.SUBNETS)
        .forEach(
            (id, entry) -> {
              if (vnet.equals(entry.get("vnet"))) {
                out.add(json(id, entry));
              }
            });
    return out;
  }

  /** The id for a path value: an id as listed, or the CIDR within the VNet's zone. */
  private static String id(Call c, Map<String, String> vnet) {
    String subnet = c.str("subnet");
    return subnet.contains("/") ? vnet.get("zone") + "-" + subnet.replace('/', '-') : subnet;
  }

  private static Object get(Call c) {
    Map<String, String> vnet =
        SdnVnetsApi.accessibleVnet(c, c.str("vnet"), "SDN.Audit", "SDN.Allocate");
    String id = id(c, vnet);
    return json(id, SdnViews.one(c, Kind.SUBNETS, id, "subnet "));
  }

  private static void checkCidr(String cidr) {
    Matcher v4 = CIDR4.matcher(cidr);
    boolean ok;
    if (v4.matches()) {
      ok = Integer.parseInt(v4.group(5)) <= 32;
      for (int i = 1; i <= 4; i++) {
        ok &= Integer.parseInt(v4.group(i)) <= 255;
      }
    } else {
      Matcher v6 = CIDR6.matcher(cidr);
      ok = v6.matches() && Integer.parseInt(v6.group(1)) <= 128;
    }
    if (!ok) {
      throw ApiException.parameter(
          "subnet", "invalid format - value does not look like a valid CIDR network");
    }
  }

  /** Whether an IPv4 address lies in an IPv4 network (IPv6 is not checked). */
  private static boolean inside(String address, String cidr) {
    Matcher net = CIDR4.matcher(cidr);
    Matcher host = CIDR4.matcher(address + "/32");
    if (!net.matches() || !host.matches()) {
      return true;
    }
    int bits = Integer.parseInt(net.group(5));
    long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return (value(net) & mask) == (value(host) & mask);
  }

  private static long value(Matcher m) {
    long v = 0;
    for (int i = 1; i <= 4; i++) {
      v = (v << 8) | Integer.parseInt(m.group(i));
    }
    return v;
  }

  private static void checkGateway(Map<String, String> subnet, String cidr, String failure) {
    String gateway = subnet.get("gateway");
    if (gateway != null && !inside(gateway, cidr)) {
      throw new SimulatorError(
          failure
              + ": 400 Parameter verification failed.\ngateway: gateway ip "
              + gateway
              + " is not part of subnet "
              + cidr);
    }
  }

  private static void copy(Call c, Map<String, String> subnet) {
    for (String key : STORED) {
      if (c.has(key)) {
        subnet.put(key, c.str(key));
      }
    }
  }

  private static Object create(Call c) {
    String vnetId = c.str("vnet");
    Map<String, String> vnet = SdnVnetsApi.accessibleVnet(c, vnetId, "SDN.Allocate");
    String cidr = c.str("subnet");
    checkCidr(cidr);
    String id = vnet.get("zone") + "-" + cidr.replace('/', '-');
    String failure = "create sdn subnet object failed";
    var subnets = c.world().sdn().written(Kind.SUBNETS);
    if (subnets.containsKey(id)) {
      throw new SimulatorError(failure + ": sdn subnet object ID '" + id + "' already defined");
    }
    Map<String, String> subnet = new LinkedHashMap<>();
    subnet.put("type", "subnet");
    subnet.put("vnet", vnetId);
    copy(c, subnet);
    checkGateway(subnet, cidr, failure);
    subnets.put(id, subnet);
    c.world().changed();
    return null;
  }

  private static Map<String, String> written(Call c, String id) {
    Map<String, String> subnet = c.world().sdn().written(Kind.SUBNETS).get(id);
    if (subnet == null) {
      throw new SimulatorError("sdn subnet '" + id + "' does not exist");
    }
    return subnet;
  }

  private static Object update(Call c) {
    Map<String, String> vnet = SdnVnetsApi.accessibleVnet(c, c.str("vnet"), "SDN.Allocate");
    String id = id(c, vnet);
    if (c.has("digest") && !c.str("digest").equals(c.world().sdn().digest(Kind.SUBNETS))) {
      throw new SimulatorError(
          "detected modified configuration - file changed by other user? Try again.");
    }
    Map<String, String> changed = new LinkedHashMap<>(written(c, id));
    if (c.has("delete")) {
      for (String key : c.str("delete").split("[,;\\s]+")) {
        changed.remove(key);
      }
    }
    copy(c, changed);
    String[] parts = id.split("-");
    checkGateway(changed, parts[1] + "/" + parts[2], "update sdn subnet object failed");
    c.world().sdn().written(Kind.SUBNETS).put(id, changed);
    c.world().changed();
    return null;
  }

  private static Object delete(Call c) {
    Map<String, String> vnet = SdnVnetsApi.accessibleVnet(c, c.str("vnet"), "SDN.Allocate");
    String id = id(c, vnet);
    written(c, id);
    c.world().sdn().written(Kind.SUBNETS).remove(id);
    c.world().changed();
    return null;
  }
}
