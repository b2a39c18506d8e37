package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the firewall endpoints (PVE 9.1): the same tables serve {@code
 * /cluster/firewall} and a guest's {@code .../firewall}, whose tables add {@code node} and {@code
 * vmid}; only the options differ between the cluster and a guest. Checked against the API schema by
 * {@code SchemaConformanceTest}.
 */
public final class FirewallSchema {
  private FirewallSchema() {}

  private static final String GUEST = "node!:str/pve-node vmid!:int/pve-vmid[100,999999999] ";
  private static final String NAME = " name!:str<64~[A-Za-z][A-Za-z0-9\\-\\_]+";
  private static final String DIGEST = " digest:str<64";
  private static final String LOG = "(emerg|alert|crit|err|warning|notice|info|debug|nolog)";
  private static final String POLICY = "(ACCEPT|REJECT|DROP)";
  private static final String RULE_FIELDS =
      "comment:str dest:str/pve-fw-addr-spec<512 dport:str/pve-fw-dport-spec enable:int[0,]"
          + " icmp-type:str/pve-fw-icmp-type-spec iface:str/pve-iface<20 log:str"
          + LOG
          + " macro:str<128 pos:int[0,] proto:str/pve-fw-protocol-spec"
          + " source:str/pve-fw-addr-spec<512 sport:str/pve-fw-sport-spec"
          + DIGEST;
  private static final String ACTION = " action:str<20~[A-Za-z][A-Za-z0-9\\-\\_]+";
  private static final String TYPE = " type:str(in|out|forward|group)";

  /** The tables of one firewall scope: the cluster's or a guest's. */
  public record Tables(
      Map<String, Param> none,
      Map<String, Param> options,
      Map<String, Param> rule,
      Map<String, Param> ruleCreate,
      Map<String, Param> ruleUpdate,
      Map<String, Param> ruleDelete,
      Map<String, Param> aliasCreate,
      Map<String, Param> alias,
      Map<String, Param> aliasUpdate,
      Map<String, Param> aliasDelete,
      Map<String, Param> ipsetCreate,
      Map<String, Param> ipset,
      Map<String, Param> ipsetDelete,
      Map<String, Param> entryAdd,
      Map<String, Param> entry,
      Map<String, Param> entryUpdate,
      Map<String, Param> entryDelete) {}

  /** {@code /cluster/firewall/...}. */
  public static final Tables CLUSTER =
      tables(
          "",
          "delete:str/pve-configid-list ebtables:bool enable:int[0,] log_ratelimit:prop"
              + " policy_forward:str(ACCEPT|DROP) policy_in:str"
              + POLICY
              + " policy_out:str"
              + POLICY
              + DIGEST);

  /** {@code /nodes/{node}/qemu|lxc/{vmid}/firewall/...}. */
  public static final Tables GUEST_TABLES =
      tables(
          GUEST,
          "delete:str/pve-configid-list dhcp:bool enable:bool ipfilter:bool log_level_in:str"
              + LOG
              + " log_level_out:str"
              + LOG
              + " macfilter:bool ndp:bool policy_in:str"
              + POLICY
              + " policy_out:str"
              + POLICY
              + " radv:bool"
              + DIGEST);

  private static Tables tables(String scope, String options) {
    String cidr = " cidr!:str/IPorCIDRorAlias";
    return new Tables(
        parse(scope),
        parse(scope + options),
        parse(scope + "pos:int[0,]"),
        parse(
            scope
                + RULE_FIELDS
                + ACTION.replace("action:", "action!:")
                + TYPE.replace("type:", "type!:")),
        parse(scope + RULE_FIELDS + ACTION + TYPE + " delete:str/pve-configid-list moveto:int[0,]"),
        parse(scope + "pos:int[0,]" + DIGEST),
        parse(scope + "cidr!:str/IPorCIDR comment:str" + NAME),
        parse(scope + NAME.trim()),
        parse(
            scope
                + "cidr!:str/IPorCIDR comment:str rename:str<64~[A-Za-z][A-Za-z0-9\\-\\_]+"
                + NAME
                + DIGEST),
        parse(scope + NAME.trim() + DIGEST),
        parse(scope + "comment:str rename:str<64~[A-Za-z][A-Za-z0-9\\-\\_]+" + NAME + DIGEST),
        parse(scope + NAME.trim()),
        parse(scope + "force:bool" + NAME),
        parse(scope + "comment:str nomatch:bool" + NAME + cidr),
        parse(scope + NAME.trim() + cidr),
        parse(scope + "comment:str nomatch:bool" + NAME + cidr + DIGEST),
        parse(scope + NAME.trim() + cidr + DIGEST));
  }

  private static Map<String, Param> parse(String table) {
    return table.isBlank() ? Map.of() : ParamTable.parse(table);
  }
}
