package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the cluster, node, storage, task, pool and access endpoints the
 * simulator serves (PVE 9.1), checked against the API schema by {@code SchemaConformanceTest}.
 */
public final class ApiSchema {
  private ApiSchema() {}

  private static final String NODE = "node!:str/pve-node";
  private static final String STORAGE = "storage!:str/pve-storage-id";
  private static final String VMID_OPT = "vmid:int/pve-vmid[100,999999999]";
  private static final String CHECKSUM =
      "checksum:str&checksum-algorithm"
          + " checksum-algorithm:str(md5|sha1|sha224|sha256|sha384|sha512)&checksum";
  private static final String CONTENT_UPLOAD =
      "content!:str/pve-storage-content(iso|vztmpl|import)";

  /** Endpoints without parameters. */
  public static final Map<String, Param> NONE = Map.of();

  /** {@code GET /cluster/resources}. */
  public static final Map<String, Param> CLUSTER_RESOURCES =
      ParamTable.parse("type:str(vm|storage|node|sdn)");

  /** {@code GET /cluster/nextid}. */
  public static final Map<String, Param> NEXTID = ParamTable.parse(VMID_OPT);

  /** Endpoints that only take the node. */
  public static final Map<String, Param> NODE_ONLY = ParamTable.parse(NODE);

  /** {@code GET /nodes/{node}/network}. */
  public static final Map<String, Param> NETWORK =
      ParamTable.parse(
          NODE
              + " type:str(bridge|bond|eth|alias|vlan|fabric|OVSBridge|OVSBond|OVSPort|OVSIntPort"
              + "|vnet|any_bridge|any_local_bridge|include_sdn)");

  /** {@code GET /nodes/{node}/storage}. */
  public static final Map<String, Param> STORAGE_LIST =
      ParamTable.parse(
          "content:str/pve-storage-content-list enabled:bool format:bool "
              + NODE
              + " storage:str/pve-storage-id target:str/pve-node");

  /** {@code GET /nodes/{node}/storage/{storage}/content}. */
  public static final Map<String, Param> STORAGE_CONTENT =
      ParamTable.parse("content:str/pve-storage-content " + NODE + " " + STORAGE + " " + VMID_OPT);

  /** {@code POST .../upload}. */
  public static final Map<String, Param> UPLOAD =
      ParamTable.parse(
          CHECKSUM
              + " "
              + CONTENT_UPLOAD
              + " filename!:str<255 "
              + NODE
              + " "
              + STORAGE
              + " tmpfilename:str~/var/tmp/pveupload-[0-9a-f]+");

  /** {@code POST .../download-url}. */
  public static final Map<String, Param> DOWNLOAD_URL =
      ParamTable.parse(
          CHECKSUM
              + " compression:str "
              + CONTENT_UPLOAD
              + " filename!:str<255 "
              + NODE
              + " "
              + STORAGE
              + " url!:str~https?://.* verify-certificates:bool");

  /** {@code GET /nodes/{node}/tasks}. */
  public static final Map<String, Param> TASK_LIST =
      ParamTable.parse(
          "errors:bool limit:int[0,] "
              + NODE
              + " since:int source:str(archive|active|all) start:int[0,]"
              + " statusfilter:str/pve-task-status-type-list typefilter:str until:int userfilter:str "
              + VMID_OPT);

  /** Task status and stop. */
  public static final Map<String, Param> TASK = ParamTable.parse(NODE + " upid!:str");

  /** {@code GET .../log}. */
  public static final Map<String, Param> TASK_LOG =
      ParamTable.parse("download:bool limit:int[0,] " + NODE + " start:int[0,] upid!:str");

  /** {@code GET /pools}. */
  public static final Map<String, Param> POOL_LIST =
      ParamTable.parse("poolid:str/pve-poolid type:str(qemu|lxc|storage)&poolid");

  /** {@code POST /pools}. */
  public static final Map<String, Param> POOL_CREATE =
      ParamTable.parse("comment:str poolid!:str/pve-poolid");

  /** {@code GET /pools/{poolid}}. */
  public static final Map<String, Param> POOL_GET =
      ParamTable.parse("poolid!:str/pve-poolid type:str(qemu|lxc|storage)");

  /** {@code PUT /pools/{poolid}}. */
  public static final Map<String, Param> POOL_UPDATE =
      ParamTable.parse(
          "allow-move:bool comment:str delete:bool poolid!:str/pve-poolid"
              + " storage:str/pve-storage-id-list vms:str/pve-vmid-list");

  /** {@code DELETE /pools/{poolid}}. */
  public static final Map<String, Param> POOL_DELETE = ParamTable.parse("poolid!:str/pve-poolid");

  /** {@code POST /access/ticket}. */
  public static final Map<String, Param> TICKET =
      ParamTable.parse(
          "new-format:bool otp:str password!:str path:str<64&privs privs:str/pve-priv-list<64&path"
              + " realm:str/pve-realm<32 tfa-challenge:str username!:str<64");

  /** {@code GET /access/permissions}. */
  public static final Map<String, Param> PERMISSIONS =
      ParamTable.parse(
          "path:str userid:str~(?^:^(?^:[^\\s:/]+)\\@(?^:[A-Za-z][A-Za-z0-9\\.\\-_]+)"
              + "(?:!(?^:[A-Za-z][A-Za-z0-9\\.\\-_]+))?$)");
}
