package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Formats;
import io.pvekit.proxmox.internal.PropertySpec;
import io.pvekit.proxmox.internal.Volumes;
import java.util.Optional;

/**
 * A QEMU disk or drive, the value of {@code scsiN}, {@code virtioN}, {@code sataN} and {@code
 * ideN}: for example {@code local-lvm:vm-100-disk-0,iothread=1,size=32G}. The volume is the default
 * key ({@code file}, alias {@code volume}). To allocate a new disk, PVE takes {@code
 * STORAGE:SIZE_IN_GiB} as volume ({@link #newVolume}).
 *
 * <pre>{@code
 * QemuDisk disk = QemuDisk.newVolume(StorageId.of("local-lvm"), 32).iothread(true).build();
 * disk.format();                                 // "local-lvm:32,iothread=1"
 * QemuDisk.parse("local-lvm:vm-100-disk-0,size=32G").size(); // 32G
 * }</pre>
 */
public final class QemuDisk extends PropertyStringValue {
  private static final PropertySpec SPEC =
      PropertySpec.of("QEMU disk", "file")
          .string("file")
          .alias("volume", "file")
          .oneOf("aio", "native", "threads", "io_uring")
          .bool("backup")
          .integer("bps", 0, Long.MAX_VALUE)
          .integer("bps_max_length", 1, Long.MAX_VALUE)
          .integer("bps_rd", 0, Long.MAX_VALUE)
          .integer("bps_rd_max_length", 1, Long.MAX_VALUE)
          .alias("bps_rd_length", "bps_rd_max_length")
          .integer("bps_wr", 0, Long.MAX_VALUE)
          .integer("bps_wr_max_length", 1, Long.MAX_VALUE)
          .alias("bps_wr_length", "bps_wr_max_length")
          .oneOf("cache", "none", "writethrough", "writeback", "unsafe", "directsync")
          .bool("detect_zeroes")
          .oneOf("discard", "ignore", "on")
          .oneOf("format", "raw", "qcow", "qed", "qcow2", "vmdk", "cloop")
          .string("import-from")
          .integer("iops", 0, Long.MAX_VALUE)
          .integer("iops_max", 0, Long.MAX_VALUE)
          .integer("iops_max_length", 1, Long.MAX_VALUE)
          .integer("iops_rd", 0, Long.MAX_VALUE)
          .integer("iops_rd_max", 0, Long.MAX_VALUE)
          .integer("iops_rd_max_length", 1, Long.MAX_VALUE)
          .alias("iops_rd_length", "iops_rd_max_length")
          .integer("iops_wr", 0, Long.MAX_VALUE)
          .integer("iops_wr_max", 0, Long.MAX_VALUE)
          .integer("iops_wr_max_length", 1, Long.MAX_VALUE)
          .alias("iops_wr_length", "iops_wr_max_length")
          .bool("iothread")
          .number("mbps")
          .number("mbps_max")
          .number("mbps_rd")
          .number("mbps_rd_max")
          .number("mbps_wr")
          .number("mbps_wr_max")
          .oneOf("media", "cdrom", "disk")
          .string("model")
          .string("product", "[A-Za-z0-9\\-_\\s]{0,16}", "up to 16 letters, digits, '-' or '_'")
          .integer("queues", 2, Long.MAX_VALUE)
          .bool("replicate")
          .oneOf("rerror", "ignore", "report", "stop")
          .bool("ro")
          .bool("scsiblock")
          .string("serial")
          .bool("shared")
          .string("size", Formats.DISK_SIZE, "a disk size like 32G")
          .bool("snapshot")
          .bool("ssd")
          .string("vendor", "[A-Za-z0-9\\-_\\s]{0,8}", "up to 8 letters, digits, '-' or '_'")
          .oneOf("werror", "enospc", "ignore", "report", "stop")
          .string("wwn", "0x[0-9a-fA-F]{16}", "0x followed by 16 hex digits")
          // CHS geometry: dropped from the 9.x schema, still in 8.4 configs
          .integer("cyls", 0, Long.MAX_VALUE)
          .integer("heads", 0, Long.MAX_VALUE)
          .integer("secs", 0, Long.MAX_VALUE)
          .oneOf("trans", "none", "lba", "auto");

  private QemuDisk(PropertyString properties) {
    super(properties);
  }

  @Override
  PropertySpec spec() {
    return SPEC;
  }

  /**
   * Parses the value of a disk option.
   *
   * @param text the property string
   * @return the value
   * @throws PropertyStringException naming the key and value that PVE would refuse
   */
  public static QemuDisk parse(String text) {
    return new QemuDisk(SPEC.parse(text));
  }

  /**
   * A builder for a disk on an existing volume, an ISO ({@code local:iso/x.iso}) or {@code none}.
   *
   * @param volume the volume, e.g. {@code local-lvm:vm-100-disk-0}
   * @return the builder
   */
  public static Builder builder(String volume) {
    return new Builder(null).volume(volume);
  }

  /**
   * A builder for a new disk that PVE allocates: {@code STORAGE:SIZE_IN_GiB}.
   *
   * @param storage where to allocate
   * @param sizeGib the size in GiB
   * @return the builder
   */
  public static Builder newVolume(StorageId storage, double sizeGib) {
    return builder(storage.value() + ":" + Volumes.gib(sizeGib));
  }

  /**
   * A builder for a disk imported from an existing image: {@code STORAGE:0,import-from=SOURCE}.
   *
   * @param storage where the imported disk goes
   * @param source a volume ({@code local:import/disk.qcow2}) or absolute path
   * @return the builder
   */
  public static Builder importFrom(StorageId storage, String source) {
    return builder(storage.value() + ":0").option("import-from", source);
  }

  /**
   * A builder that starts from this value and keeps its options in place.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(properties());
  }

  /**
   * The volume: {@code storage:volname}, {@code storage:SIZE} (allocation), a path or {@code none}.
   *
   * @return the volume
   */
  public String volume() {
    return string("file").orElseThrow();
  }

  /**
   * The storage part of the volume.
   *
   * @return the storage, or empty for paths and {@code none}
   */
  public Optional<StorageId> storage() {
    return Volumes.storage(volume()).map(StorageId::of);
  }

  /**
   * Whether this asks PVE to allocate a new volume ({@code STORAGE:SIZE_IN_GiB}).
   *
   * @return true for the allocation form
   */
  public boolean isNewVolume() {
    return Volumes.newVolumeSize(volume()).isPresent();
  }

  /**
   * The size PVE records, e.g. {@code 32G}.
   *
   * @return the size if set
   */
  public Optional<DiskSize> size() {
    return string("size").map(DiskSize::parse);
  }

  /**
   * The media type.
   *
   * @return {@code disk} or {@code cdrom} if set
   */
  public Optional<String> media() {
    return string("media");
  }

  /**
   * The image format.
   *
   * @return e.g. {@code raw}, {@code qcow2} if set
   */
  public Optional<String> diskFormat() {
    return string("format");
  }

  /**
   * The cache mode.
   *
   * @return e.g. {@code writeback} if set
   */
  public Optional<String> cache() {
    return string("cache");
  }

  /**
   * The discard mode.
   *
   * @return {@code on} or {@code ignore} if set
   */
  public Optional<String> discard() {
    return string("discard");
  }

  /**
   * Whether the disk gets its own I/O thread.
   *
   * @return the flag if set
   */
  public Optional<Boolean> iothread() {
    return bool("iothread");
  }

  /**
   * Whether the disk is presented as an SSD.
   *
   * @return the flag if set
   */
  public Optional<Boolean> ssd() {
    return bool("ssd");
  }

  /**
   * Whether backups include the disk.
   *
   * @return the flag if set
   */
  public Optional<Boolean> backup() {
    return bool("backup");
  }

  /**
   * The image the disk is imported from when created.
   *
   * @return the source volume or path if set
   */
  public Optional<String> importSource() {
    return string("import-from");
  }

  /** Builds a {@link QemuDisk}; setters check values like PVE does. */
  public static final class Builder extends PropertyStringValue.Builder<QemuDisk, Builder> {
    private Builder(PropertyString start) {
      super(SPEC, start);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    QemuDisk create(PropertyString properties) {
      return new QemuDisk(properties);
    }

    /**
     * Sets the volume (written bare, first).
     *
     * @param volume e.g. {@code local-lvm:vm-100-disk-0}
     * @return this builder
     */
    public Builder volume(String volume) {
      return defaultValue("file", volume);
    }

    /**
     * Sets the recorded size.
     *
     * @param size e.g. {@code DiskSize.ofGibibytes(32)}
     * @return this builder
     */
    public Builder size(DiskSize size) {
      return option("size", size.format());
    }

    /**
     * Sets the media type.
     *
     * @param media {@code disk} or {@code cdrom}
     * @return this builder
     */
    public Builder media(String media) {
      return option("media", media);
    }

    /**
     * Sets the image format.
     *
     * @param format e.g. {@code raw}, {@code qcow2}
     * @return this builder
     */
    public Builder diskFormat(String format) {
      return option("format", format);
    }

    /**
     * Sets the cache mode.
     *
     * @param cache none, writethrough, writeback, unsafe or directsync
     * @return this builder
     */
    public Builder cache(String cache) {
      return option("cache", cache);
    }

    /**
     * Sets the discard mode.
     *
     * @param discard {@code on} or {@code ignore}
     * @return this builder
     */
    public Builder discard(String discard) {
      return option("discard", discard);
    }

    /**
     * Sets the I/O-thread flag.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder iothread(boolean on) {
      return bool("iothread", on);
    }

    /**
     * Sets the SSD-emulation flag.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder ssd(boolean on) {
      return bool("ssd", on);
    }

    /**
     * Sets whether backups include the disk.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder backup(boolean on) {
      return bool("backup", on);
    }
  }
}
