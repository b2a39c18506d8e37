package io.pvekit.proxmox.simulator.internal.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The documented parameters of the QEMU endpoints the simulator serves (PVE 9.1). Encoded by hand
 * from the API schema; {@code SchemaConformanceTest} checks every entry against it.
 */
public final class QemuSchema {
  private QemuSchema() {}

  private static final String VMID = "vmid!:int/pve-vmid[100,999999999]";
  private static final String NODE = "node!:str/pve-node";

  /** QEMU {@code netN}. */
  public static final PropertyFormat NET = net();

  private static final String DISK_COMMON =
      """
      aio:str(native|threads|io_uring) backup:bool bps:int bps_max_length:int[1,] bps_rd:int
      bps_rd_max_length:int[1,] bps_wr:int bps_wr_max_length:int[1,]
      cache:str(none|writethrough|writeback|unsafe|directsync) detect_zeroes:bool discard:str(ignore|on)
      file!*:str/pve-volume-id-or-qm-path format:str(raw|qcow|qed|qcow2|vmdk|cloop)
      import-from:str/pve-volume-id-or-absolute-path iops:int iops_max:int iops_max_length:int[1,]
      iops_rd:int iops_rd_max:int iops_rd_max_length:int[1,] iops_wr:int iops_wr_max:int
      iops_wr_max_length:int[1,] mbps:num mbps_max:num mbps_rd:num mbps_rd_max:num mbps_wr:num
      mbps_wr_max:num media:str(cdrom|disk) replicate:bool rerror:str(ignore|report|stop)
      serial:str/urlencoded<60 shared:bool size:str/disk-size snapshot:bool
      werror:str(enospc|ignore|report|stop)
      """;

  private static final String WWN = "wwn:str~(?^:^(0x)[0-9a-fA-F]{16})";

  /** {@code scsiN}. */
  public static final PropertyFormat SCSI =
      disk(
          "iothread:bool product:str~[A-Za-z0-9\\-_\\s]{,16} queues:int[2,] ro:bool scsiblock:bool"
              + " ssd:bool vendor:str~[A-Za-z0-9\\-_\\s]{,8} "
              + WWN);

  /** {@code virtioN}. */
  public static final PropertyFormat VIRTIO = disk("iothread:bool ro:bool");

  /** {@code ideN}. */
  public static final PropertyFormat IDE = disk("model:str/urlencoded<120 ssd:bool " + WWN);

  /** {@code sataN}. */
  public static final PropertyFormat SATA = disk("ssd:bool " + WWN);

  /** {@code memory}. */
  public static final PropertyFormat MEMORY = PropertyFormat.of("current!*:int[16,]");

  /** {@code efidisk0}. */
  public static final PropertyFormat EFIDISK =
      PropertyFormat.of(
          "efitype:str(2m|4m) file!*:str/pve-volume-id-or-qm-path"
              + " format:str(raw|qcow|qed|qcow2|vmdk|cloop)"
              + " import-from:str/pve-volume-id-or-absolute-path ms-cert:str(2011|2023|2023w|2023k)"
              + " pre-enrolled-keys:bool size:str/disk-size",
          Map.of("volume", new PropertyFormat.Alias("file", null)));

  /** {@code unusedN}. */
  public static final PropertyFormat UNUSED =
      PropertyFormat.of(
          "file!*:str/pve-volume-id", Map.of("volume", new PropertyFormat.Alias("file", null)));

  private static final Map<String, PropertyFormat> FORMATS =
      Map.of(
          "NET", NET, "SCSI", SCSI, "VIRTIO", VIRTIO, "IDE", IDE, "SATA", SATA, "MEMORY", MEMORY,
          "EFIDISK", EFIDISK, "UNUSED", UNUSED);

  /** Options shared by create and both config updates. */
  private static final String OPTIONS =
      """
      acpi:bool affinity:str/pve-cpuset agent:prop allow-ksm:bool amd-sev:str/pve-qemu-sev-fmt
      arch:str(x86_64|aarch64) args:str audio0:prop autostart:bool balloon:int[0,]
      bios:str(seabios|ovmf) boot:str/pve-qm-boot bootdisk:str/pve-qm-bootdisk~(ide|sata|scsi|virtio)\\d+
      cdrom:str/pve-qm-ide cicustom:str/pve-qm-cicustom cipassword:str
      citype:str(configdrive2|nocloud|opennebula) ciupgrade:bool ciuser:str cores:int[1,]
      cpu:str/pve-vm-cpu-conf cpulimit:num[0,128] cpuunits:int[1,262144] description:str<8192
      efidisk0:prop=EFIDISK freeze:bool hookscript:str/pve-volume-id hostpci[n]:str/pve-qm-hostpci
      hotplug:str/pve-hotplug-features hugepages:str(any|2|1024) ide[n]:prop=IDE
      intel-tdx:str/pve-qemu-tdx-fmt ipconfig[n]:str/pve-qm-ipconfig ivshmem:prop keephugepages:bool
      keyboard:str(de|de-ch|da|en-gb|en-us|es|fi|fr|fr-be|fr-ca|fr-ch|hu|is|it|ja|lt|mk|nl|no|pl|pt|pt-br|sv|sl|tr)
      kvm:bool localtime:bool
      lock:str(backup|clone|create|migrate|rollback|snapshot|snapshot-delete|suspending|suspended)
      machine:prop memory:prop=MEMORY migrate_downtime:num[0,] migrate_speed:int[0,] name:str/dns-name
      nameserver:str/address-list net[n]:prop=NET numa:bool numa[n]:prop onboot:bool
      ostype:str(other|wxp|w2k|w2k3|w2k8|wvista|win7|win8|win10|win11|l24|l26|solaris)
      parallel[n]:str~/dev/parport\\d+|/dev/usb/lp\\d+ protection:bool reboot:bool rng0:str/pve-qm-rng
      sata[n]:prop=SATA scsi[n]:prop=SCSI
      scsihw:str(lsi|lsi53c810|virtio-scsi-pci|virtio-scsi-single|megasas|pvscsi) searchdomain:str
      serial[n]:str~(/dev/.+|socket) shares:int[0,50000] smbios1:str/pve-qm-smbios1<512 smp:int[1,]
      sockets:int[1,] spice_enhancements:prop sshkeys:str/urlencoded
      startdate:str~(now|\\d{4}-\\d{1,2}-\\d{1,2}(T\\d{1,2}:\\d{1,2}:\\d{1,2})?)
      startup:str/pve-startup-order tablet:bool tags:str/pve-tag-list tdf:bool template:bool
      tpmstate0:prop unused[n]:prop=UNUSED usb[n]:prop vcpus:int[1,] vga:prop virtio[n]:prop=VIRTIO
      virtiofs[n]:prop
      vmgenid:str~(?:[a-fA-F0-9]{8}(?:-[a-fA-F0-9]{4}){3}-[a-fA-F0-9]{12}|[01])
      vmstatestorage:str/pve-storage-id watchdog:str/pve-qm-watchdog
      """
          + VMID
          + " "
          + NODE;

  private static final Map<String, Param> OPTION_TABLE = ParamTable.parse(OPTIONS, FORMATS);

  /** {@code POST /nodes/{node}/qemu}. */
  public static final Map<String, Param> CREATE =
      ParamTable.join(
          OPTION_TABLE,
          ParamTable.parse(
              "archive:str<255 bwlimit:int[0,] force:bool&archive ha-managed:bool"
                  + " import-working-storage:str/pve-storage-id live-restore:bool"
                  + " pool:str/pve-poolid start:bool storage:str/pve-storage-id"
                  + " unique:bool&archive"));

  private static final String UPDATE_EXTRA =
      "delete:str/pve-configid-list digest:str<40 force:bool&delete"
          + " revert:str/pve-configid-list skiplock:bool";

  /** {@code PUT /nodes/{node}/qemu/{vmid}/config} (synchronous). */
  public static final Map<String, Param> UPDATE_SYNC =
      ParamTable.join(OPTION_TABLE, ParamTable.parse(UPDATE_EXTRA));

  /** {@code POST /nodes/{node}/qemu/{vmid}/config} (asynchronous). */
  public static final Map<String, Param> UPDATE_ASYNC =
      ParamTable.join(
          OPTION_TABLE,
          ParamTable.parse(
              UPDATE_EXTRA
                  + " background_delay:int[1,30] import-working-storage:str/pve-storage-id"));

  /** {@code GET /nodes/{node}/qemu}. */
  public static final Map<String, Param> LIST = ParamTable.parse("full:bool " + NODE);

  /** {@code GET .../config}. */
  public static final Map<String, Param> GET_CONFIG =
      ParamTable.parse("current:bool snapshot:str/pve-configid<40 " + NODE + " " + VMID);

  /** Endpoints that only take node and vmid. */
  public static final Map<String, Param> NODE_VMID = ParamTable.parse(NODE + " " + VMID);

  /** {@code DELETE /nodes/{node}/qemu/{vmid}}. */
  public static final Map<String, Param> DESTROY =
      ParamTable.parse(
          "destroy-unreferenced-disks:bool purge:bool skiplock:bool " + NODE + " " + VMID);

  /** {@code POST .../clone}. */
  public static final Map<String, Param> CLONE =
      ParamTable.parse(
          "bwlimit:int[0,] description:str format:str(raw|qcow2|vmdk) full:bool name:str/dns-name"
              + " newid!:int/pve-vmid[100,999999999] pool:str/pve-poolid"
              + " snapname:str/pve-configid<40 storage:str/pve-storage-id target:str/pve-node "
              + NODE
              + " "
              + VMID);

  /** {@code POST .../status/start}. */
  public static final Map<String, Param> START =
      ParamTable.parse(
          "force-cpu:str machine:prop migratedfrom:str/pve-node migration_network:str/CIDR"
              + " migration_type:str(secure|insecure)"
              + " nets-host-mtu:str~net\\d+=\\d+(,net\\d+=\\d+)* skiplock:bool stateuri:str<128"
              + " targetstorage:str/storage-pair-list timeout:int[0,] with-conntrack-state:bool "
              + NODE
              + " "
              + VMID);

  /** {@code POST .../status/stop}. */
  public static final Map<String, Param> STOP =
      ParamTable.parse(
          "keepActive:bool migratedfrom:str/pve-node overrule-shutdown:bool skiplock:bool"
              + " timeout:int[0,] "
              + NODE
              + " "
              + VMID);

  /** {@code POST .../status/shutdown}. */
  public static final Map<String, Param> SHUTDOWN =
      ParamTable.parse(
          "forceStop:bool keepActive:bool skiplock:bool timeout:int[0,] " + NODE + " " + VMID);

  /** {@code POST .../status/reboot}. */
  public static final Map<String, Param> REBOOT =
      ParamTable.parse("timeout:int[0,] " + NODE + " " + VMID);

  private static final String DISK_NAMES = diskNames();

  /** {@code PUT .../resize}. */
  public static final Map<String, Param> RESIZE =
      ParamTable.parse(
          "digest:str<40 disk!:str("
              + DISK_NAMES
              + ") size!:str~\\+?\\d+(\\.\\d+)?[KMGT]? skiplock:bool "
              + NODE
              + " "
              + VMID);

  /** {@code POST .../template}. */
  public static final Map<String, Param> TEMPLATE =
      ParamTable.parse("disk:str(" + DISK_NAMES + ") " + NODE + " " + VMID);

  private static PropertyFormat disk(String extra) {
    return PropertyFormat.of(
        DISK_COMMON + " " + extra,
        Map.of(
            "volume", new PropertyFormat.Alias("file", null),
            "bps_rd_length", new PropertyFormat.Alias("bps_rd_max_length", null),
            "bps_wr_length", new PropertyFormat.Alias("bps_wr_max_length", null),
            "iops_rd_length", new PropertyFormat.Alias("iops_rd_max_length", null),
            "iops_wr_length", new PropertyFormat.Alias("iops_wr_max_length", null)));
  }

  private static PropertyFormat net() {
    String models =
        "e1000|e1000-82540em|e1000-82544gc|e1000-82545em|e1000e|i82551|i82557b|i82559er"
            + "|ne2k_isa|ne2k_pci|pcnet|rtl8139|virtio|vmxnet3";
    Map<String, PropertyFormat.Alias> aliases = new LinkedHashMap<>();
    for (String model : models.split("\\|")) {
      aliases.put(model, new PropertyFormat.Alias("macaddr", "model"));
    }
    return PropertyFormat.of(
        "bridge:str/pve-bridge-id firewall:bool link_down:bool macaddr:str/mac-addr model!*:str("
            + models
            + ") mtu:int[1,65520] queues:int[0,64] rate:num[0,] tag:int[1,4094]"
            + " trunks:str~(?^:\\d+(?:-\\d+)?(?:;\\d+(?:-\\d+)?)*)",
        aliases);
  }

  private static String diskNames() {
    StringBuilder names = new StringBuilder();
    appendIndexed(names, "ide", 3);
    appendIndexed(names, "scsi", 30);
    appendIndexed(names, "virtio", 15);
    appendIndexed(names, "sata", 5);
    names.append("efidisk0|tpmstate0");
    return names.toString();
  }

  private static void appendIndexed(StringBuilder names, String bus, int max) {
    for (int i = 0; i <= max; i++) {
      names.append(bus).append(i).append('|');
    }
  }
}
