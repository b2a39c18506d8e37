package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Formats;
import io.pvekit.proxmox.internal.PropertySpec;
import io.pvekit.proxmox.internal.Volumes;
import java.util.List;
import java.util.Optional;

/**
 * An LXC root file system, the value of {@code rootfs}: for example {@code
 * local-lvm:vm-101-disk-0,size=8G}, or {@code local-lvm:8} to allocate 8 GiB when creating.
 *
 * <pre>{@code
 * LxcRootFs.newVolume(StorageId.of("local-lvm"), 8).build().format();   // "local-lvm:8"
 * LxcRootFs.parse("local-lvm:vm-101-disk-0,size=8G").size();            // 8G
 * }</pre>
 */
public final class LxcRootFs extends PropertyStringValue {
  private static final PropertySpec SPEC =
      PropertySpec.of("LXC rootfs", "volume")
          .string("volume")
          .bool("acl")
          .string("mountoptions", Formats.MOUNT_OPTIONS, "a ';' list of mount options")
          .bool("quota")
          .bool("replicate")
          .bool("ro")
          .bool("shared")
          .string("size", Formats.DISK_SIZE, "a disk size like 8G");

  private LxcRootFs(PropertyString properties) {
    super(properties);
  }

  @Override
  PropertySpec spec() {
    return SPEC;
  }

  /**
   * Parses the value of {@code rootfs}.
   *
   * @param text the property string
   * @return the value
   * @throws PropertyStringException naming the key and value that PVE would refuse
   */
  public static LxcRootFs parse(String text) {
    return new LxcRootFs(SPEC.parse(text));
  }

  /**
   * A builder for a root file system on an existing volume.
   *
   * @param volume e.g. {@code local-lvm:vm-101-disk-0}
   * @return the builder
   */
  public static Builder builder(String volume) {
    return new Builder(null).volume(volume);
  }

  /**
   * A builder for a new volume PVE allocates: {@code STORAGE:SIZE_IN_GiB}.
   *
   * @param storage where to allocate
   * @param sizeGib the size in GiB
   * @return the builder
   */
  public static Builder newVolume(StorageId storage, double sizeGib) {
    return builder(storage.value() + ":" + Volumes.gib(sizeGib));
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
   * The volume.
   *
   * @return e.g. {@code local-lvm:vm-101-disk-0} or {@code local-lvm:8}
   */
  public String volume() {
    return string("volume").orElseThrow();
  }

  /**
   * The storage part of the volume.
   *
   * @return the storage, or empty for paths
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
   * The recorded size.
   *
   * @return e.g. {@code 8G} if set
   */
  public Optional<DiskSize> size() {
    return string("size").map(DiskSize::parse);
  }

  /**
   * Mount options.
   *
   * @return e.g. {@code [noatime, nodev]}, empty if not set
   */
  public List<String> mountOptions() {
    return list("mountoptions");
  }

  /**
   * Whether the volume is mounted read-only.
   *
   * @return the flag if set
   */
  public Optional<Boolean> readOnly() {
    return bool("ro");
  }

  /** Builds an {@link LxcRootFs}. */
  public static final class Builder extends PropertyStringValue.Builder<LxcRootFs, Builder> {
    private Builder(PropertyString start) {
      super(SPEC, start);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    LxcRootFs create(PropertyString properties) {
      return new LxcRootFs(properties);
    }

    /**
     * Sets the volume.
     *
     * @param volume e.g. {@code local-lvm:vm-101-disk-0}
     * @return this builder
     */
    public Builder volume(String volume) {
      return defaultValue("volume", volume);
    }

    /**
     * Sets the recorded size.
     *
     * @param size the size
     * @return this builder
     */
    public Builder size(DiskSize size) {
      return option("size", size.format());
    }

    /**
     * Sets mount options.
     *
     * @param options among discard, lazytime, noatime, nodev, noexec, nosuid
     * @return this builder
     */
    public Builder mountOptions(String... options) {
      return list("mountoptions", options);
    }

    /**
     * Sets the ACL flag.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder acl(boolean on) {
      return bool("acl", on);
    }

    /**
     * Sets the quota flag.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder quota(boolean on) {
      return bool("quota", on);
    }
  }
}
