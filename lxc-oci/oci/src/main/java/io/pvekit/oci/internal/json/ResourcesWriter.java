package io.pvekit.oci.internal.json;

import io.pvekit.oci.OciBlockIo;
import io.pvekit.oci.OciCpu;
import io.pvekit.oci.OciDeviceRule;
import io.pvekit.oci.OciHugepageLimit;
import io.pvekit.oci.OciMemory;
import io.pvekit.oci.OciNetwork;
import io.pvekit.oci.OciNetworkPriority;
import io.pvekit.oci.OciPids;
import io.pvekit.oci.OciRdma;
import io.pvekit.oci.OciResources;
import io.pvekit.oci.OciThrottleDevice;
import io.pvekit.oci.OciWeightDevice;
import java.io.IOException;
import java.util.Map;

/** Writes {@code config.json}'s {@code linux.resources} (see {@link SpecWriter}). */
final class ResourcesWriter {
  private ResourcesWriter() {}

  static void write(JsonOut w, OciResources v) throws IOException {
    w.startObject();
    if (w.startArray("devices", v.devices())) {
      for (OciDeviceRule e : v.devices()) {
        write(w, e);
      }
      w.endArray();
    }
    if (v.memory().isPresent()) {
      w.name("memory");
      write(w, v.memory().get());
    }
    if (v.cpu().isPresent()) {
      w.name("cpu");
      write(w, v.cpu().get());
    }
    if (v.pids().isPresent()) {
      w.name("pids");
      write(w, v.pids().get());
    }
    if (v.blockIo().isPresent()) {
      w.name("blockIO");
      write(w, v.blockIo().get());
    }
    if (w.startArray("hugepageLimits", v.hugepageLimits())) {
      for (OciHugepageLimit e : v.hugepageLimits()) {
        write(w, e);
      }
      w.endArray();
    }
    if (v.network().isPresent()) {
      w.name("network");
      write(w, v.network().get());
    }
    if (w.startObject("rdma", v.rdma())) {
      for (Map.Entry<String, OciRdma> e : v.rdma().entrySet()) {
        w.name(e.getKey());
        write(w, e.getValue());
      }
      w.endObject();
    }
    w.strings("unified", v.unified());
    w.endObject();
  }

  static void write(JsonOut w, OciDeviceRule v) throws IOException {
    w.startObject();
    w.bool("allow", v.allow());
    w.string("type", v.type());
    w.number("major", v.major());
    w.number("minor", v.minor());
    w.string("access", v.access());
    w.endObject();
  }

  static void write(JsonOut w, OciMemory v) throws IOException {
    w.startObject();
    w.number("limit", v.limit());
    w.number("reservation", v.reservation());
    w.number("swap", v.swap());
    w.number("kernel", v.kernel());
    w.number("kernelTCP", v.kernelTcp());
    w.number("swappiness", v.swappiness());
    w.bool("disableOOMKiller", v.disableOomKiller());
    w.bool("useHierarchy", v.useHierarchy());
    w.bool("checkBeforeUpdate", v.checkBeforeUpdate());
    w.endObject();
  }

  static void write(JsonOut w, OciCpu v) throws IOException {
    w.startObject();
    w.number("shares", v.shares());
    w.number("quota", v.quota());
    w.number("burst", v.burst());
    w.number("period", v.period());
    w.number("realtimeRuntime", v.realtimeRuntime());
    w.number("realtimePeriod", v.realtimePeriod());
    w.string("cpus", v.cpus());
    w.string("mems", v.mems());
    w.number("idle", v.idle());
    w.endObject();
  }

  static void write(JsonOut w, OciPids v) throws IOException {
    w.startObject();
    w.number("limit", v.limit());
    w.endObject();
  }

  static void write(JsonOut w, OciBlockIo v) throws IOException {
    w.startObject();
    w.number("weight", v.weight());
    w.number("leafWeight", v.leafWeight());
    if (w.startArray("weightDevice", v.weightDevice())) {
      for (OciWeightDevice e : v.weightDevice()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("throttleReadBpsDevice", v.throttleReadBpsDevice())) {
      for (OciThrottleDevice e : v.throttleReadBpsDevice()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("throttleWriteBpsDevice", v.throttleWriteBpsDevice())) {
      for (OciThrottleDevice e : v.throttleWriteBpsDevice()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("throttleReadIOPSDevice", v.throttleReadIopsDevice())) {
      for (OciThrottleDevice e : v.throttleReadIopsDevice()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("throttleWriteIOPSDevice", v.throttleWriteIopsDevice())) {
      for (OciThrottleDevice e : v.throttleWriteIopsDevice()) {
        write(w, e);
      }
      w.endArray();
    }
    w.endObject();
  }

  static void write(JsonOut w, OciWeightDevice v) throws IOException {
    w.startObject();
    w.number("major", v.major());
    w.number("minor", v.minor());
    w.number("weight", v.weight());
    w.number("leafWeight", v.leafWeight());
    w.endObject();
  }

  static void write(JsonOut w, OciThrottleDevice v) throws IOException {
    w.startObject();
    w.number("major", v.major());
    w.number("minor", v.minor());
    w.number("rate", v.rate());
    w.endObject();
  }

  static void write(JsonOut w, OciHugepageLimit v) throws IOException {
    w.startObject();
    w.string("pageSize", v.pageSize());
    w.number("limit", v.limit());
    w.endObject();
  }

  static void write(JsonOut w, OciNetwork v) throws IOException {
    w.startObject();
    w.number("classID", v.classId());
    if (w.startArray("priorities", v.priorities())) {
      for (OciNetworkPriority e : v.priorities()) {
        write(w, e);
      }
      w.endArray();
    }
    w.endObject();
  }

  static void write(JsonOut w, OciNetworkPriority v) throws IOException {
    w.startObject();
    w.string("name", v.name());
    w.number("priority", v.priority());
    w.endObject();
  }

  static void write(JsonOut w, OciRdma v) throws IOException {
    w.startObject();
    w.number("hcaHandles", v.hcaHandles());
    w.number("hcaObjects", v.hcaObjects());
    w.endObject();
  }
}
