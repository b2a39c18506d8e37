package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the snapshot, migration and guest-agent endpoints (PVE 9.1), checked
 * against the API schema by {@code SchemaConformanceTest}.
 */
public final class GuestOpsSchema {
  private GuestOpsSchema() {}

  private static final String NODE = "node!:str/pve-node";
  private static final String VMID = "vmid!:int/pve-vmid[100,999999999]";
  private static final String GUEST = NODE + " " + VMID;
  private static final String SNAPNAME = "snapname!:str/pve-configid<40";

  /** Endpoints that take only the node and the VMID. */
  public static final Map<String, Param> NODE_VMID = ParamTable.parse(GUEST);

  /** {@code POST .../qemu/{vmid}/snapshot}. */
  public static final Map<String, Param> QEMU_SNAPSHOT =
      ParamTable.parse("description:str " + GUEST + " " + SNAPNAME + " vmstate:bool");

  /** {@code POST .../lxc/{vmid}/snapshot}. */
  public static final Map<String, Param> LXC_SNAPSHOT =
      ParamTable.parse("description:str " + GUEST + " " + SNAPNAME);

  /** One snapshot: get, its config. */
  public static final Map<String, Param> SNAPSHOT = ParamTable.parse(GUEST + " " + SNAPNAME);

  /** {@code PUT .../snapshot/{snapname}/config}. */
  public static final Map<String, Param> SNAPSHOT_UPDATE =
      ParamTable.parse("description:str " + GUEST + " " + SNAPNAME);

  /** {@code DELETE .../snapshot/{snapname}}. */
  public static final Map<String, Param> SNAPSHOT_DELETE =
      ParamTable.parse("force:bool " + GUEST + " " + SNAPNAME);

  /** {@code POST .../snapshot/{snapname}/rollback}. */
  public static final Map<String, Param> ROLLBACK =
      ParamTable.parse(GUEST + " " + SNAPNAME + " start:bool");

  /** {@code GET .../migrate} (both kinds). */
  public static final Map<String, Param> MIGRATE_CHECK =
      ParamTable.parse(GUEST + " target:str/pve-node");

  /** {@code POST .../qemu/{vmid}/migrate}. */
  public static final Map<String, Param> QEMU_MIGRATE =
      ParamTable.parse(
          "bwlimit:int[0,] force:bool migration_network:str/CIDR"
              + " migration_type:str(secure|insecure) "
              + NODE
              + " online:bool target!:str/pve-node targetstorage:str/storage-pair-list "
              + VMID
              + " with-conntrack-state:bool with-local-disks:bool");

  /** {@code POST .../lxc/{vmid}/migrate}. */
  public static final Map<String, Param> LXC_MIGRATE =
      ParamTable.parse(
          "bwlimit:num[0,] "
              + NODE
              + " online:bool restart:bool target!:str/pve-node"
              + " target-storage:str/storage-pair-list timeout:int "
              + VMID);

  /** {@code POST .../agent/exec}. */
  public static final Map<String, Param> AGENT_EXEC =
      ParamTable.parse("command!:arr input-data:str<65536 " + GUEST);

  /** {@code GET .../agent/exec-status}. */
  public static final Map<String, Param> AGENT_EXEC_STATUS =
      ParamTable.parse(NODE + " pid!:int " + VMID);

  /** {@code POST .../agent/file-write}. */
  public static final Map<String, Param> AGENT_FILE_WRITE =
      ParamTable.parse("content!:str<61440 encode:bool file!:str " + GUEST);

  /** {@code GET .../agent/file-read}. */
  public static final Map<String, Param> AGENT_FILE_READ =
      ParamTable.parse(
          "count:int[1,16777216] decode:bool file!:str " + NODE + " offset:int[0,] " + VMID);
}
