package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the PVE 9 HA rule endpoints, checked against the API schema by
 * {@code SchemaConformanceTest}.
 */
public final class HaRulesSchema {
  private HaRulesSchema() {}

  private static final String RULE = "rule!:str/pve-configid";
  private static final String TYPE = " type!:str(node-affinity|resource-affinity)";
  private static final String KEYS =
      "affinity:str(positive|negative) comment:str<4096 disable:bool nodes:str/pve-ha-node-list"
          + " strict:bool ";

  /** {@code GET /cluster/ha/rules}. */
  public static final Map<String, Param> LIST =
      ParamTable.parse("resource:str type:str(node-affinity|resource-affinity)");

  /** {@code POST /cluster/ha/rules}. */
  public static final Map<String, Param> CREATE =
      ParamTable.parse(KEYS + "resources!:str/pve-ha-resource-id-list " + RULE + TYPE);

  /** {@code GET} and {@code DELETE /cluster/ha/rules/{rule}}. */
  public static final Map<String, Param> ONE = ParamTable.parse(RULE);

  /** {@code PUT /cluster/ha/rules/{rule}}. */
  public static final Map<String, Param> UPDATE =
      ParamTable.parse(
          KEYS
              + "delete:str/pve-configid-list<4096 digest:str<64"
              + " resources:str/pve-ha-resource-id-list "
              + RULE
              + TYPE);
}
