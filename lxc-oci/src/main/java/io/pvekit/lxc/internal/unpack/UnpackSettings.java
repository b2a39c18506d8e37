package io.pvekit.lxc.internal.unpack;

import io.pvekit.lxc.ImageUnpacker;

/** What one unpack may do. */
final class UnpackSettings {
  private final IdShift uids;
  private final IdShift gids;
  private final ImageUnpacker.DeviceNodes devices;
  private final boolean ownership;
  private final boolean xattrs;
  private final boolean runningAsRoot;

  UnpackSettings(
      IdShift uids,
      IdShift gids,
      ImageUnpacker.DeviceNodes devices,
      boolean ownership,
      boolean xattrs,
      boolean root) {
    this.uids = uids;
    this.gids = gids;
    this.devices = devices;
    this.ownership = ownership;
    this.xattrs = xattrs;
    this.runningAsRoot = root;
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

  boolean runningAsRoot() {
    return runningAsRoot;
  }
}
