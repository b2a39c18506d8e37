package io.pvekit.lxc.internal.fs;

import io.pvekit.lxc.LxcConfig;
import io.pvekit.oci.internal.fs.RootedFs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Creates mount points inside a rootfs without leaving it. */
public final class MountPoints {
  private MountPoints() {}

  public static void create(Path rootfs, List<LxcConfig.MountPoint> points) throws IOException {
    RootedFs fs = new RootedFs(rootfs);
    for (LxcConfig.MountPoint point : points) {
      if (point.directory()) {
        fs.ensureDirectory(point.path());
      } else {
        fs.ensureFile(point.path());
      }
    }
  }
}
