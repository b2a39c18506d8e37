package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the SDN zone, VNet and subnet endpoints and of {@code /cluster/sdn}
 * (PVE 9.1), checked against the API schema by {@code SchemaConformanceTest}.
 */
public final class SdnSchema {
  private SdnSchema() {}

  private static final String VIEW = "pending:bool running:bool ";
  private static final String ZONE = " zone!:str/pve-sdn-zone-id";
  private static final String VNET = " vnet!:str/pve-sdn-vnet-id";
  private static final String SUBNET = " subnet!:str/pve-sdn-subnet-id";
  private static final String LOCK = " lock-token:str";
  private static final String CHANGE = " delete:str/pve-configid-list<4096 digest:str<64";
  private static final String ZONE_KEYS =
      "advertise-subnets:bool bridge:str bridge-disable-mac-learning:bool controller:str"
          + " dhcp:str(dnsmasq) disable-arp-nd-suppression:bool dns:str dnszone:str/dns-name"
          + " dp-id:int exitnodes:str/pve-node-list exitnodes-local-routing:bool"
          + " exitnodes-primary:str/pve-node fabric:str/pve-sdn-fabric-id ipam:str mac:str/mac-addr"
          + " mtu:int nodes:str/pve-node-list peers:str/ip-list reversedns:str"
          + " rt-import:str/pve-sdn-bgp-rt-list tag:int[0,] vlan-protocol:str(802.1q|802.1ad)"
          + " vrf-vxlan:int[1,16777215] vxlan-port:int[1,65536]"
          + LOCK;
  private static final String VNET_KEYS =
      "alias:str<256~(?^i:[\\(\\)-_.\\w\\d\\s]{0,256}) isolate-ports:bool tag:int[1,16777215]"
          + " vlanaware:bool"
          + LOCK;
  private static final String SUBNET_KEYS =
      "dhcp-dns-server:str/ip dhcp-range:arr dnszoneprefix:str/dns-name gateway:str/ip"
          + " snat:bool"
          + LOCK;

  /** {@code PUT /cluster/sdn}. */
  public static final Map<String, Param> APPLY =
      ParamTable.parse("lock-token:str release-lock:bool");

  /** {@code GET /cluster/sdn/zones}. */
  public static final Map<String, Param> ZONE_LIST =
      ParamTable.parse(VIEW + "type:str(evpn|faucet|qinq|simple|vlan|vxlan)");

  /** {@code POST /cluster/sdn/zones}. */
  public static final Map<String, Param> ZONE_CREATE =
      ParamTable.parse(
          ZONE_KEYS + ZONE + " type!:str/pve-configid(evpn|faucet|qinq|simple|vlan|vxlan)");

  /** {@code GET /cluster/sdn/zones/{zone}}. */
  public static final Map<String, Param> ZONE_GET = ParamTable.parse(VIEW + ZONE);

  /** {@code PUT /cluster/sdn/zones/{zone}}. */
  public static final Map<String, Param> ZONE_UPDATE = ParamTable.parse(ZONE_KEYS + ZONE + CHANGE);

  /** {@code DELETE /cluster/sdn/zones/{zone}}. */
  public static final Map<String, Param> ZONE_DELETE = ParamTable.parse(LOCK + ZONE);

  /** {@code GET /cluster/sdn/vnets}. */
  public static final Map<String, Param> VNET_LIST = ParamTable.parse(VIEW);

  /** {@code POST /cluster/sdn/vnets}. */
  public static final Map<String, Param> VNET_CREATE =
      ParamTable.parse(VNET_KEYS + VNET + " type:str(vnet) zone!:str");

  /** {@code GET /cluster/sdn/vnets/{vnet}} and its subnet list. */
  public static final Map<String, Param> VNET_GET = ParamTable.parse(VIEW + VNET);

  /** {@code PUT /cluster/sdn/vnets/{vnet}}. */
  public static final Map<String, Param> VNET_UPDATE =
      ParamTable.parse(VNET_KEYS + VNET + CHANGE + " zone:str");

  /** {@code DELETE /cluster/sdn/vnets/{vnet}}. */
  public static final Map<String, Param> VNET_DELETE = ParamTable.parse(LOCK + VNET);

  /** {@code POST /cluster/sdn/vnets/{vnet}/subnets}. */
  public static final Map<String, Param> SUBNET_CREATE =
      ParamTable.parse(SUBNET_KEYS + SUBNET + " type!:str(subnet) vnet!:str");

  /** {@code GET /cluster/sdn/vnets/{vnet}/subnets/{subnet}}. */
  public static final Map<String, Param> SUBNET_GET = ParamTable.parse(VIEW + SUBNET + VNET);

  /** {@code PUT /cluster/sdn/vnets/{vnet}/subnets/{subnet}}. */
  public static final Map<String, Param> SUBNET_UPDATE =
      ParamTable.parse(SUBNET_KEYS + SUBNET + CHANGE + " vnet:str");

  /** {@code DELETE /cluster/sdn/vnets/{vnet}/subnets/{subnet}}. */
  public static final Map<String, Param> SUBNET_DELETE = ParamTable.parse(LOCK + SUBNET + VNET);
}
