package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Formats;
import io.pvekit.proxmox.internal.PropertySpec;
import io.pvekit.proxmox.internal.Volumes;
import java.util.List;
import java.util.Optional;

/**
 * An LXC mount point, the value of {@code mp0}, {@code mp1}, ...: a volume (or host path for a bind
 * mount) and the path inside the container, e.g. {@code local-lvm:16,mp=/data,backup=1} or {@code
 * /srv/data,mp=/data}. {@code mp} is required.
 *
 * <pre>{@code
 * LxcMountPoint.newVolume(StorageId.of("local-lvm"), 16, "/data").backup(true).build().format();
 * // "local-lvm:16,mp=/data,backup=1"
 * }</pre>
 */
public final class LxcMountPoint extends PropertyStringValue {
  private static final PropertySpec SPEC =
      PropertySpec.of("LXC mpN", "volume")
          .string("volume")
          .requiredString("mp", "/.*", "an absolute path")
          .bool("acl")
          .bool("backup")
          .bool("keepattrs")
          .string("mountoptions", Formats.MOUNT_OPTIONS, "a ';' list of mount options")
          .bool("quota")
          .bool("replicate")
          .bool("ro")
          .bool("shared")
          .string("size", Formats.DISK_SIZE, "a disk size like 16G");

  private LxcMountPoint(PropertyString properties) {
    super(properties);
  }

  @Override
  PropertySpec spec() {
    return SPEC;
  }

  /**
   * Parses the value of an {@code mpN} option.
   *
   * @param text the property string
   * @return the value
   * @throws PropertyStringException naming the key and value that PVE would refuse
   */
  public static LxcMountPoint parse(String text) {
    return new LxcMountPoint(SPEC.parse(text));
  }

  /**
   * A builder for a mount point of an existing volume or a host path (bind mount, root@pam only).
   *
   * @param volume e.g. {@code local-lvm:vm-101-disk-1} or {@code /srv/data}
   * @param path the absolute path inside the container
   * @return the builder
   */
  public static Builder builder(String volume, String path) {
    return new Builder(null).volume(volume).path(path);
  }

  /**
   * A builder for a new volume PVE allocates: {@code STORAGE:SIZE_IN_GiB}.
   *
   * @param storage where to allocate
   * @param sizeGib the size in GiB
   * @param path the absolute path inside the container
   * @return the builder
   */
  public static Builder newVolume(StorageId storage, double sizeGib, String path) {
    return builder(storage.value() + ":" + Volumes.gib(sizeGib), path);
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
   * The volume or host path.
   *
   * @return e.g. {@code local-lvm:vm-101-disk-1}
   */
  public String volume() {
    return string("volume").orElseThrow();
  }

  /**
   * The path inside the container.
   *
   * @return e.g. {@code /data}
   */
  public String path() {
    return string("mp").orElseThrow();
  }

  /**
   * The storage part of the volume.
   *
   * @return the storage, or empty for a bind mount of a host path
   */
  public Optional<StorageId> storage() {
    return Volumes.storage(volume()).map(StorageId::of);
  }

  /**
   * Whether this is a bind mount of a host path.
   *
   * @return true when the volume is an absolute path
   */
  public boolean isBindMount() {
    return volume().startsWith("/");
  }

  /**
   * Whether this asks PVE to allocate a new volume.
   *
   * @return true for the allocation form
   */
  public boolean isNewVolume() {
    return Volumes.newVolumeSize(volume()).isPresent();
  }

  /**
   * The recorded size.
   *
   * @return the size if set
   */
  public Optional<DiskSize> size() {
    return string("size").map(DiskSize::parse);
  }

  /**
   * Whether backups include the mount point.
   *
   * @return the flag if set
   */
  public Optional<Boolean> backup() {
    return bool("backup");
  }

  /**
   * Whether it is mounted read-only.
   *
   * @return the flag if set
   */
  public Optional<Boolean> readOnly() {
    return bool("ro");
  }

  /**
   * Mount options.
   *
   * @return e.g. {@code [noatime]}, empty if not set
   */
  public List<String> mountOptions() {
    return list("mountoptions");
  }

  /** Builds an {@link LxcMountPoint}. */
  public static final class Builder extends PropertyStringValue.Builder<LxcMountPoint, Builder> {
    private Builder(PropertyString start) {
      super(SPEC, start);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    LxcMountPoint create(PropertyString properties) {
      return new LxcMountPoint(properties);
    }

    /**
     * Sets the volume or host path.
     *
     * @param volume the volume
     * @return this builder
     */
    public Builder volume(String volume) {
      return defaultValue("volume", volume);
    }

    /**
     * Sets the path inside the container.
     *
     * @param path an absolute path
     * @return this builder
     */
    public Builder path(String path) {
      return option("mp", path);
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
     * Sets whether backups include it.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder backup(boolean on) {
      return bool("backup", on);
    }

    /**
     * Sets read-only.
     *
     * @param on the flag
     * @return this builder
     */
    public Builder readOnly(boolean on) {
      return bool("ro", on);
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
  }
}
