package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code /cluster/sdn}: zones, VNets and subnets. Changes are pending until {@link #apply()}.
 *
 * <pre>{@code
 * SdnApi sdn = client.cluster().sdn();
 * sdn.createVlanZone("tenants", "vmbr0");
 * sdn.createVnet("tenanta", "tenants", 100);
 * sdn.createSubnet("tenanta", "10.10.0.0/24", "10.10.0.1", true);
 * sdn.apply().await(Duration.ofMinutes(1));
 * }</pre>
 */
public final class SdnApi {
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

  /**
   * {@code GET /cluster/sdn/zones}.
   *
   * @return the zones as PVE lists them ({@code zone}, {@code type}, {@code bridge}, ...)
   */
  public List<JsonNode> zones() {
    return transport.decode(ApiCall.get("/cluster/sdn/zones"), Json::items);
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
   * {@code DELETE /cluster/sdn/zones/{zone}}.
   *
   * @param zone the zone id
   */
  public void deleteZone(String zone) {
    transport.call(ApiCall.delete("/cluster/sdn/zones/{zone}").path("zone", id("zone", zone)));
  }

  /**
   * {@code GET /cluster/sdn/vnets}.
   *
   * @return the VNets as PVE lists them
   */
  public List<JsonNode> vnets() {
    return transport.decode(ApiCall.get("/cluster/sdn/vnets"), Json::items);
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
   * {@code PUT /cluster/sdn}: applies the pending SDN changes on every node.
   *
   * @return the reload task
   */
  public Task apply() {
    return transport.decode(
        ApiCall.put("/cluster/sdn"), d -> Task.from(transport, d, "apply SDN configuration"));
  }
}
