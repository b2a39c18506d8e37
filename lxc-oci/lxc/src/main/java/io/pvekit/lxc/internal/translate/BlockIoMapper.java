package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciBlockIo;
import io.pvekit.oci.OciThrottleDevice;
import io.pvekit.oci.OciWeightDevice;
import java.util.List;

/**
 * {@code linux.resources.blockIO}: weights and throttles, v1 ({@code blkio}) or v2 ({@code io}).
 */
final class BlockIoMapper {
  private BlockIoMapper() {}

  static void map(Translation t, HostCgroups host, OciBlockIo b) {
    String base = "$.linux.resources.blockIO.";
    if (!host.has("blkio", "io")) {
      t.field("$.linux.resources.blockIO", b)
          .refused("this host has no blkio/io cgroup controller");
      return;
    }
    String p = host.prefix();
    String weightFile = weightFile(host);
    b.weight()
        .ifPresent(
            w -> {
              Translation.Field field = t.field(base + "weight", w);
              if (weightFile == null) {
                field.refused("this host has no proportional I/O weight (needs the BFQ scheduler)");
              } else {
                field.line(p + weightFile, host.v2() ? "default " + v2Weight(w) : w).mapped();
              }
            });
    b.leafWeight()
        .ifPresent(
            w ->
                t.field(base + "leafWeight", w)
                    .refused("leaf weights were CFQ's, gone since Linux 5.0"));
    List<OciWeightDevice> devices = b.weightDevice();
    for (int i = 0; i < devices.size(); i++) {
      OciWeightDevice d = devices.get(i);
      Translation.Field field = t.field(base + "weightDevice[" + i + "]", d);
      if (d.leafWeight().isPresent()) {
        t.field(base + "weightDevice[" + i + "].leafWeight", d.leafWeight())
            .refused("leaf weights were CFQ's, gone since Linux 5.0");
      }
      if (weightFile == null) {
        field.refused("this host has no proportional I/O weight (needs the BFQ scheduler)");
      } else if (d.weight().isEmpty()) {
        field.mapped("no weight: nothing to set");
      } else {
        int w = d.weight().getAsInt();
        field
            .line(
                p + (host.v2() ? weightFile : weightFile + "_device"),
                d.major() + ":" + d.minor() + " " + (host.v2() ? v2Weight(w) : w))
            .mapped();
      }
    }
    throttle(
        t,
        host,
        base + "throttleReadBpsDevice",
        b.throttleReadBpsDevice(),
        "read_bps_device",
        "rbps");
    throttle(
        t,
        host,
        base + "throttleWriteBpsDevice",
        b.throttleWriteBpsDevice(),
        "write_bps_device",
        "wbps");
    throttle(
        t,
        host,
        base + "throttleReadIOPSDevice",
        b.throttleReadIopsDevice(),
        "read_iops_device",
        "riops");
    throttle(
        t,
        host,
        base + "throttleWriteIOPSDevice",
        b.throttleWriteIopsDevice(),
        "write_iops_device",
        "wiops");
  }

  private static String weightFile(HostCgroups host) {
    if (host.v2()) {
      return "io.weight";
    }
    if (host.v1File("blkio", "blkio.weight")) {
      return "blkio.weight";
    }
    return host.v1File("blkio", "blkio.bfq.weight") ? "blkio.bfq.weight" : null;
  }

  /** runc's conversion of a v1 weight (10-1000) to a v2 weight (1-10000). */
  private static long v2Weight(int weight) {
    return 1 + (weight - 10) * 9999L / 990;
  }

  private static void throttle(
      Translation t,
      HostCgroups host,
      String path,
      List<OciThrottleDevice> devices,
      String v1File,
      String v2Key) {
    for (int i = 0; i < devices.size(); i++) {
      OciThrottleDevice d = devices.get(i);
      String device = d.major() + ":" + d.minor();
      t.field(path + "[" + i + "]", d)
          .line(
              host.prefix() + (host.v2() ? "io.max" : "blkio.throttle." + v1File),
              host.v2() ? device + " " + v2Key + "=" + d.rate() : device + " " + d.rate())
          .mapped();
    }
  }
}
