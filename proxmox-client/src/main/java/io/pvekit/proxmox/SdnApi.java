package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code /cluster/sdn}: zones, VNets and subnets. Changes are pending until {@link #apply()}.
 *
 * <pre>{@code
 * SdnApi sdn = client.cluster().sdn();
 * sdn.createVlanZone("tenants", "vmbr0");
 * sdn.createVnet("tenanta", "tenants", 100);
 * sdn.createSubnet("tenanta", "10.10.0.0/24", "10.10.0.1", true);
 * sdn.zones(SdnApi.View.PENDING);   // state "new" until applied
 * sdn.apply().await(Duration.ofMinutes(1));
 * }</pre>
 */
public final class SdnApi {
  /** Which configuration a list shows. */
  public enum View {
    /** What is written, applied or not (PVE's default). */
    WRITTEN,
    /** What runs since the last apply ({@code running=1}). */
    RUNNING,
    /**
     * The running values with what applying would change ({@code pending=1}): {@code state} and
     * {@code pending} on each entry.
     */
    PENDING;

    ApiCall on(ApiCall call) {
      return switch (this) {
        case WRITTEN -> call;
        case RUNNING -> call.param("running", true);
        case PENDING -> call.param("pending", true);
      };
    }
  }

  /** PVE's zone and VNet ids: a letter, then up to 7 letters or digits. */
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9]{0,7}");

  private final Transport transport;

  SdnApi(Transport transport) {
    this.transport = transport;
  }

  private static String id(String what, String value) {
    if (value == null || !ID.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what + ": '" + value + "' must be a lower-case letter and up to 7 letters or digits");
    }
    return value;
  }

  private static Map<String, String> pending(JsonNode e) {
    Map<String, String> out = new LinkedHashMap<>();
    e.path("pending")
        .properties()
        .forEach(
            p -> {
              String text = Json.text(p.getValue());
              out.put(p.getKey(), text == null ? p.getValue().toString() : text);
            });
    return out;
  }

  /**
   * {@code GET /cluster/sdn/zones}: the written configuration.
   *
   * @return the zones
   */
  public List<SdnZone> zones() {
    return zones(View.WRITTEN);
  }

  /**
   * {@code GET /cluster/sdn/zones} in a view.
   *
   * @param view written, running or pending
   * @return the zones
   */
  public List<SdnZone> zones(View view) {
    return transport.decode(
        view.on(ApiCall.get("/cluster/sdn/zones")),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableSdnZone.builder()
                        .zone(Json.requiredText(e, "zone", "SDN zone"))
                        .type(Json.text(e, "type").orElse("unknown"))
                        .bridge(Json.text(e, "bridge"))
                        .tag(Json.integer(e, "tag"))
                        .mtu(Json.integer(e, "mtu"))
                        .nodes(Json.list(e, "nodes"))
                        .ipam(Json.text(e, "ipam"))
                        .state(Json.text(e, "state"))
                        .pending(pending(e))
                        .digest(Json.text(e, "digest"))
                        .raw(e)
                        .build()));
  }

  /**
   * {@code POST /cluster/sdn/zones} of type {@code simple}: an isolated bridge on each node.
   *
   * @param zone the zone id
   */
  public void createSimpleZone(String zone) {
    transport.call(
        ApiCall.post("/cluster/sdn/zones").param("zone", id("zone", zone)).param("type", "simple"));
  }

  /**
   * {@code POST /cluster/sdn/zones} of type {@code vlan}: VNets are VLANs on a bridge.
   *
   * @param zone the zone id
   * @param bridge the VLAN-aware bridge on every node, e.g. {@code vmbr0}
   */
  public void createVlanZone(String zone, String bridge) {
    transport.call(
        ApiCall.post("/cluster/sdn/zones")
            .param("zone", id("zone", zone))
            .param("type", "vlan")
            .param("bridge", bridge));
  }

  /**
   * {@code POST /cluster/sdn/zones} of type {@code qinq}: VNets are customer VLANs inside a service
   * VLAN on a bridge.
   *
   * @param zone the zone id
   * @param bridge the bridge on every node, e.g. {@code vmbr0}
   * @param serviceVlan the outer (service) VLAN tag
   */
  public void createQinqZone(String zone, String bridge, int serviceVlan) {
    transport.call(
        ApiCall.post("/cluster/sdn/zones")
            .param("zone", id("zone", zone))
            .param("type", "qinq")
            .param("bridge", bridge)
            .param("tag", serviceVlan));
  }

  /**
   * {@code POST /cluster/sdn/zones} of type {@code vxlan}: VNets are VXLAN tunnels between the
   * peers (VNets then need a VXLAN id as tag).
   *
   * @param zone the zone id
   * @param peers the nodes' addresses, e.g. {@code 10.0.0.1}, {@code 10.0.0.2}
   */
  public void createVxlanZone(String zone, List<String> peers) {
    if (peers.isEmpty()) {
      throw new IllegalArgumentException("peers: name the address of every node of the zone");
    }
    transport.call(
        ApiCall.post("/cluster/sdn/zones")
            .param("zone", id("zone", zone))
            .param("type", "vxlan")
            .param("peers", String.join(",", peers)));
  }

  /**
   * {@code DELETE /cluster/sdn/zones/{zone}}.
   *
   * @param zone the zone id
   */
  public void deleteZone(String zone) {
    transport.call(ApiCall.delete("/cluster/sdn/zones/{zone}").path("zone", id("zone", zone)));
  }

  /**
   * {@code GET /cluster/sdn/vnets}: the written configuration.
   *
   * @return the VNets
   */
  public List<SdnVnet> vnets() {
    return vnets(View.WRITTEN);
  }

  /**
   * {@code GET /cluster/sdn/vnets} in a view.
   *
   * @param view written, running or pending
   * @return the VNets
   */
  public List<SdnVnet> vnets(View view) {
    return transport.decode(
        view.on(ApiCall.get("/cluster/sdn/vnets")),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableSdnVnet.builder()
                        .vnet(Json.requiredText(e, "vnet", "SDN VNet"))
                        .zone(Json.text(e, "zone"))
                        .tag(Json.integer(e, "tag"))
                        .alias(Json.text(e, "alias"))
                        .vlanAware(Json.flag(e, "vlanaware"))
                        .state(Json.text(e, "state"))
                        .pending(pending(e))
                        .digest(Json.text(e, "digest"))
                        .raw(e)
                        .build()));
  }

  /**
   * {@code PUT /cluster/sdn/vnets/{vnet}}: changes a VNet's tag (pending until {@link #apply()}).
   *
   * @param vnet the VNet id
   * @param tag the new VLAN or VXLAN id
   */
  public void setVnetTag(String vnet, int tag) {
    transport.call(
        ApiCall.put("/cluster/sdn/vnets/{vnet}").path("vnet", id("vnet", vnet)).param("tag", tag));
  }

  /**
   * {@code POST /cluster/sdn/vnets}.
   *
   * @param vnet the VNet id (guests attach to it as a bridge of that name)
   * @param zone its zone
   * @param tag the VLAN or VXLAN id, or null for zones without tags
   */
  public void createVnet(String vnet, String zone, Integer tag) {
    transport.call(
        ApiCall.post("/cluster/sdn/vnets")
            .param("vnet", id("vnet", vnet))
            .param("zone", id("zone", zone))
            .param("tag", tag));
  }

  /**
   * {@code DELETE /cluster/sdn/vnets/{vnet}}.
   *
   * @param vnet the VNet id
   */
  public void deleteVnet(String vnet) {
    transport.call(ApiCall.delete("/cluster/sdn/vnets/{vnet}").path("vnet", id("vnet", vnet)));
  }

  /**
   * {@code POST /cluster/sdn/vnets/{vnet}/subnets}.
   *
   * @param vnet the VNet
   * @param cidr the subnet, e.g. {@code 10.10.0.0/24}
   * @param gateway the gateway address, or null
   * @param snat whether guests reach outside through source NAT (simple zones)
   */
  public void createSubnet(String vnet, String cidr, String gateway, boolean snat) {
    if (cidr == null || !cidr.contains("/")) {
      throw new IllegalArgumentException("subnet: '" + cidr + "' is not a CIDR like 10.10.0.0/24");
    }
    transport.call(
        ApiCall.post("/cluster/sdn/vnets/{vnet}/subnets")
            .path("vnet", id("vnet", vnet))
            .param("subnet", cidr)
            .param("type", "subnet")
            .param("gateway", gateway)
            .param("snat", snat));
  }

  /**
   * {@code GET /cluster/sdn/vnets/{vnet}/subnets}: the written configuration.
   *
   * @param vnet the VNet
   * @return its subnets
   */
  public List<SdnSubnet> subnets(String vnet) {
    return subnets(vnet, View.WRITTEN);
  }

  /**
   * {@code GET /cluster/sdn/vnets/{vnet}/subnets} in a view.
   *
   * @param vnet the VNet
   * @param view written, running or pending
   * @return its subnets
   */
  public List<SdnSubnet> subnets(String vnet, View view) {
    return transport.decode(
        view.on(ApiCall.get("/cluster/sdn/vnets/{vnet}/subnets").path("vnet", id("vnet", vnet))),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableSdnSubnet.builder()
                        .id(Json.requiredText(e, "subnet", "SDN subnet"))
                        .cidr(Json.requiredText(e, "cidr", "SDN subnet"))
                        .vnet(Json.text(e, "vnet").orElse(vnet))
                        .zone(Json.text(e, "zone"))
                        .gateway(Json.text(e, "gateway"))
                        .snat(Json.flag(e, "snat"))
                        .state(Json.text(e, "state"))
                        .pending(pending(e))
                        .raw(e)
                        .build()));
  }

  /**
   * {@code DELETE /cluster/sdn/vnets/{vnet}/subnets/{subnet}}.
   *
   * @param vnet the VNet
   * @param subnet the subnet's id ({@link SdnSubnet#id()}, e.g. {@code tenants-10.10.0.0-24})
   */
  public void deleteSubnet(String vnet, String subnet) {
    transport.call(
        ApiCall.delete("/cluster/sdn/vnets/{vnet}/subnets/{subnet}")
            .path("vnet", id("vnet", vnet))
            .path("subnet", subnet));
  }

  /**
   * {@code PUT /cluster/sdn}: applies the pending SDN changes on every node.
   *
   * @return the reload task
   */
  public Task apply() {
    return transport.decode(
        ApiCall.put("/cluster/sdn"), d -> Task.from(transport, d, "apply SDN configuration"));
  }
}
