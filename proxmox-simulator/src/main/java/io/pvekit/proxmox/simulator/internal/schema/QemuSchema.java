package io.pvekit.proxmox.simulator.internal.schema;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The keys of the QEMU property strings the simulator parses (PVE 9.1); the endpoints' parameters
 * come from the schema extract ({@link SchemaParams}). {@code SchemaConformanceTest} checks these
 * keys against the official schema.
 */
public final class QemuSchema {
  private QemuSchema() {}

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

  /** The property strings of the create and config endpoints parsed key by key, by parameter. */
  static final Map<String, PropertyFormat> CONFIG_FORMATS =
      Map.of(
          "net[n]",
          NET,
          "scsi[n]",
          SCSI,
          "virtio[n]",
          VIRTIO,
          "ide[n]",
          IDE,
          "sata[n]",
          SATA,
          "memory",
          MEMORY,
          "efidisk0",
          EFIDISK,
          "unused[n]",
          UNUSED);

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
}
