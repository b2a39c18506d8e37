package io.pvekit.oci.internal.unpack;

import io.pvekit.oci.ImageUnpacker;

/** What one unpack may do. */
final class UnpackSettings {
  private final IdShift uids;
  private final IdShift gids;
  private final ImageUnpacker.DeviceNodes devices;
  private final boolean ownership;
  private final boolean xattrs;
  private final boolean runningAsRoot;
  private final int defaultFileMode;
  private final long maxBytes;

  UnpackSettings(
      IdShift uids,
      IdShift gids,
      ImageUnpacker.DeviceNodes devices,
      boolean ownership,
      boolean xattrs,
      boolean root,
      int defaultFileMode,
      long maxBytes) {
    this.uids = uids;
    this.gids = gids;
    this.devices = devices;
    this.ownership = ownership;
    this.xattrs = xattrs;
    this.runningAsRoot = root;
    this.defaultFileMode = defaultFileMode;
    this.maxBytes = maxBytes;
  }

  /** The most file content bytes the whole unpack may write ({@link Long#MAX_VALUE}: no limit). */
  long maxBytes() {
    return maxBytes;
  }

  IdShift uids() {
    return uids;
  }

  IdShift gids() {
    return gids;
  }

  ImageUnpacker.DeviceNodes devices() {
    return devices;
  }

  boolean ownership() {
    return ownership;
  }

  boolean xattrs() {
    return xattrs;
  }

  /** The mode a new file gets (0666 less the umask): no chmod needed for it. */
  int defaultFileMode() {
    return defaultFileMode;
  }

  boolean runningAsRoot() {
    return runningAsRoot;
  }
}
