package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of the backup, restore-adjacent, metrics, cluster log and role
 * endpoints (PVE 9.1), checked against the API schema by {@code SchemaConformanceTest}.
 */
public final class BackupSchema {
  private BackupSchema() {}

  /** Endpoints without parameters. */
  public static final Map<String, Param> NONE = ParamTable.parse("");

  /** {@code POST /nodes/{node}/vzdump}. */
  public static final Map<String, Param> VZDUMP =
      ParamTable.parse(
          "all:bool bwlimit:int[0,] compress:str(0|1|gzip|lzo|zstd) dumpdir:str "
              + "exclude:str/pve-vmid-list exclude-path:arr "
              + "fleecing:str/backup-fleecing ionice:int[0,8] job-id:str<50~\\S+ "
              + "lockwait:int[0,] mailnotification:str(always|failure) "
              + "mailto:str/email-or-username-list maxfiles:int[1,] "
              + "mode:str(snapshot|suspend|stop) node:str/pve-node "
              + "notes-template:str<1024&storage "
              + "notification-mode:str(auto|legacy-sendmail|notification-system) "
              + "pbs-change-detection-mode:str(legacy|data|metadata) "
              + "performance:str/backup-performance pigz:int pool:str "
              + "protected:bool&storage prune-backups:str/prune-backups quiet:bool "
              + "remove:bool script:str stdexcludes:bool stdout:bool stop:bool "
              + "stopwait:int[0,] storage:str/pve-storage-id tmpdir:str "
              + "vmid:str/pve-vmid-list zstd:int");

  /** {@code POST /cluster/backup}. */
  public static final Map<String, Param> JOB_CREATE =
      ParamTable.parse(
          "all:bool bwlimit:int[0,] comment:str<512 "
              + "compress:str(0|1|gzip|lzo|zstd) "
              + "dow:str/pve-day-of-week-list&starttime dumpdir:str enabled:bool "
              + "exclude:str/pve-vmid-list exclude-path:arr "
              + "fleecing:str/backup-fleecing id:str/pve-configid ionice:int[0,8] "
              + "lockwait:int[0,] mailnotification:str(always|failure) "
              + "mailto:str/email-or-username-list maxfiles:int[1,] "
              + "mode:str(snapshot|suspend|stop) node:str/pve-node "
              + "notes-template:str<1024&storage "
              + "notification-mode:str(auto|legacy-sendmail|notification-system) "
              + "pbs-change-detection-mode:str(legacy|data|metadata) "
              + "performance:str/backup-performance pigz:int pool:str "
              + "protected:bool&storage prune-backups:str/prune-backups quiet:bool "
              + "remove:bool repeat-missed:bool schedule:str/pve-calendar-event<128 "
              + "script:str starttime:str~\\d{1,2}:\\d{1,2} stdexcludes:bool stop:bool "
              + "stopwait:int[0,] storage:str/pve-storage-id tmpdir:str "
              + "vmid:str/pve-vmid-list zstd:int");

  /** {@code PUT /cluster/backup/{id}}. */
  public static final Map<String, Param> JOB_UPDATE =
      ParamTable.parse(
          "all:bool bwlimit:int[0,] comment:str<512 "
              + "compress:str(0|1|gzip|lzo|zstd) delete:str/pve-configid-list "
              + "dow:str/pve-day-of-week-list&starttime dumpdir:str enabled:bool "
              + "exclude:str/pve-vmid-list exclude-path:arr "
              + "fleecing:str/backup-fleecing id!:str<50~\\S+ ionice:int[0,8] "
              + "lockwait:int[0,] mailnotification:str(always|failure) "
              + "mailto:str/email-or-username-list maxfiles:int[1,] "
              + "mode:str(snapshot|suspend|stop) node:str/pve-node "
              + "notes-template:str<1024&storage "
              + "notification-mode:str(auto|legacy-sendmail|notification-system) "
              + "pbs-change-detection-mode:str(legacy|data|metadata) "
              + "performance:str/backup-performance pigz:int pool:str "
              + "protected:bool&storage prune-backups:str/prune-backups quiet:bool "
              + "remove:bool repeat-missed:bool schedule:str/pve-calendar-event<128 "
              + "script:str starttime:str~\\d{1,2}:\\d{1,2} stdexcludes:bool stop:bool "
              + "stopwait:int[0,] storage:str/pve-storage-id tmpdir:str "
              + "vmid:str/pve-vmid-list zstd:int");

  /** One backup job: get, delete, its included volumes. */
  public static final Map<String, Param> JOB = ParamTable.parse("id!:str<50~\\S+");

  /** {@code GET /nodes/{node}/vzdump/extractconfig}. */
  public static final Map<String, Param> EXTRACT_CONFIG =
      ParamTable.parse("node!:str/pve-node volume!:str");

  /** {@code GET /nodes/{node}/rrddata}. */
  public static final Map<String, Param> NODE_RRD =
      ParamTable.parse(
          "cf:str(AVERAGE|MAX) node!:str/pve-node "
              + "timeframe!:str(hour|day|week|month|year|decade)");

  /** {@code GET .../qemu|lxc/{vmid}/rrddata}. */
  public static final Map<String, Param> GUEST_RRD =
      ParamTable.parse(
          "cf:str(AVERAGE|MAX) node!:str/pve-node "
              + "timeframe!:str(hour|day|week|month|year) "
              + "vmid!:int/pve-vmid[100,999999999]");

  /** {@code GET /cluster/log}. */
  public static final Map<String, Param> CLUSTER_LOG = ParamTable.parse("max:int[1,]");

  /** One role: get, delete. */
  public static final Map<String, Param> ROLE = ParamTable.parse("roleid!:str/pve-roleid");

  /** {@code POST /access/roles}. */
  public static final Map<String, Param> ROLE_CREATE =
      ParamTable.parse("privs:str/pve-priv-list roleid!:str/pve-roleid");

  /** {@code PUT /access/roles/{roleid}}. */
  public static final Map<String, Param> ROLE_UPDATE =
      ParamTable.parse("append:bool&privs privs:str/pve-priv-list roleid!:str/pve-roleid");
}
