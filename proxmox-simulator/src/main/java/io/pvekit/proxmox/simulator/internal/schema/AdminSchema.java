package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the storage-volume, storage-config, access-admin and HA endpoints
 * (PVE 9.1), checked against the API schema by {@code SchemaConformanceTest}.
 */
public final class AdminSchema {
  private AdminSchema() {}

  private static final String NODE = "node!:str/pve-node";
  private static final String USERID = "userid!:str/pve-userid<64";
  private static final String TOKENID = "tokenid!:str~(?^:[A-Za-z][A-Za-z0-9\\.\\-_]+)";
  private static final String SID = "sid!:str/pve-ha-resource-or-vm-id";
  private static final String HA_COMMON =
      "comment:str<4096 failback:bool group:str/pve-configid max_relocate:int[0,]"
          + " max_restart:int[0,] ";
  private static final String HA_STATE = " state:str(started|stopped|enabled|disabled|ignored)";

  /** Endpoints without parameters. */
  public static final Map<String, Param> NONE_PARAMS = Map.of();

  /** {@code GET /storage}. */
  public static final Map<String, Param> STORAGE_CONFIG_LIST =
      ParamTable.parse(
          "type:str(btrfs|cephfs|cifs|dir|esxi|iscsi|iscsidirect|lvm|lvmthin|nfs|pbs|rbd|zfs"
              + "|zfspool)");

  /** {@code GET .../content/{volume}}. */
  public static final Map<String, Param> VOLUME =
      ParamTable.parse(NODE + " storage:str/pve-storage-id volume!:str");

  /** {@code PUT .../content/{volume}}. */
  public static final Map<String, Param> VOLUME_UPDATE =
      ParamTable.parse(NODE + " notes:str protected:bool storage:str/pve-storage-id volume!:str");

  /** {@code DELETE .../content/{volume}}. */
  public static final Map<String, Param> VOLUME_DELETE =
      ParamTable.parse("delay:int[1,30] " + NODE + " storage:str/pve-storage-id volume!:str");

  /** {@code PUT /access/acl}. */
  public static final Map<String, Param> ACL_UPDATE =
      ParamTable.parse(
          "delete:bool groups:str/pve-groupid-list path!:str propagate:bool"
              + " roles!:str/pve-roleid-list tokens:str/pve-tokenid-list users:str/pve-userid-list");

  /** {@code GET /access/users}. */
  public static final Map<String, Param> USER_LIST = ParamTable.parse("enabled:bool full:bool");

  /** {@code POST /access/users}. */
  public static final Map<String, Param> USER_CREATE =
      ParamTable.parse(
          "comment:str<2048 email:str/email-opt<254 enable:bool expire:int[0,]"
              + " firstname:str<1024 groups:str/pve-groupid-list keys:str~[0-9a-zA-Z!=]{0,4096}"
              + " lastname:str<1024 password:str<64 "
              + USERID);

  /** Endpoints that take only the user id. */
  public static final Map<String, Param> USER = ParamTable.parse(USERID);

  /** {@code POST /access/users/{userid}/token/{tokenid}}. */
  public static final Map<String, Param> TOKEN_CREATE =
      ParamTable.parse("comment:str expire:int[0,] privsep:bool " + TOKENID + " " + USERID);

  /** Get and delete one token. */
  public static final Map<String, Param> TOKEN = ParamTable.parse(TOKENID + " " + USERID);

  /** {@code GET /cluster/ha/resources}. */
  public static final Map<String, Param> HA_LIST = ParamTable.parse("type:str(ct|vm)");

  /** {@code POST /cluster/ha/resources}. */
  public static final Map<String, Param> HA_CREATE =
      ParamTable.parse(HA_COMMON + SID + HA_STATE + " type:str(ct|vm)");

  /** {@code GET /cluster/ha/resources/{sid}}. */
  public static final Map<String, Param> HA_GET = ParamTable.parse(SID);

  /** {@code PUT /cluster/ha/resources/{sid}}. */
  public static final Map<String, Param> HA_UPDATE =
      ParamTable.parse(
          HA_COMMON.replace(
                  "failback:bool", "delete:str/pve-configid-list<4096 digest:str<64 failback:bool")
              + SID
              + HA_STATE);

  /** {@code DELETE /cluster/ha/resources/{sid}}. */
  public static final Map<String, Param> HA_DELETE = ParamTable.parse("purge:bool " + SID);
}
