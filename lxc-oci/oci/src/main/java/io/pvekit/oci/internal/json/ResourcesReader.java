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

/** Reads {@code config.json}'s {@code linux.resources} (see {@link SpecReader}). */
final class ResourcesReader {
  private ResourcesReader() {}

  static OciResources resources(JsonCursor c) throws IOException {
    c.beginObject();
    OciResources.Builder b = OciResources.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "devices":
          if (c.array()) while (c.element()) b.addDevices(deviceRule(c));
          break;
        case "memory":
          if (c.has()) b.memory(memory(c));
          break;
        case "cpu":
          if (c.has()) b.cpu(cpu(c));
          break;
        case "pids":
          if (c.has()) b.pids(pids(c));
          break;
        case "blockIO":
          if (c.has()) b.blockIo(blockIo(c));
          break;
        case "hugepageLimits":
          if (c.array()) while (c.element()) b.addHugepageLimits(hugepageLimit(c));
          break;
        case "network":
          if (c.has()) b.network(network(c));
          break;
        case "rdma":
          if (c.map()) for (String k = c.entry(); k != null; k = c.entry()) b.putRdma(k, rdma(c));
          break;
        case "unified":
          if (c.map())
            for (String k = c.entry(); k != null; k = c.entry()) b.putUnified(k, c.string());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciDeviceRule deviceRule(JsonCursor c) throws IOException {
    c.beginObject();
    OciDeviceRule.Builder b = OciDeviceRule.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "allow":
          if (c.has()) b.allow(c.bool());
          break;
        case "type":
          if (c.has()) b.type(c.string());
          break;
        case "major":
          if (c.has()) b.major(c.longValue());
          break;
        case "minor":
          if (c.has()) b.minor(c.longValue());
          break;
        case "access":
          if (c.has()) b.access(c.string());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciMemory memory(JsonCursor c) throws IOException {
    c.beginObject();
    OciMemory.Builder b = OciMemory.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "limit":
          if (c.has()) b.limit(c.longValue());
          break;
        case "reservation":
          if (c.has()) b.reservation(c.longValue());
          break;
        case "swap":
          if (c.has()) b.swap(c.longValue());
          break;
        case "kernel":
          if (c.has()) b.kernel(c.longValue());
          break;
        case "kernelTCP":
          if (c.has()) b.kernelTcp(c.longValue());
          break;
        case "swappiness":
          if (c.has()) b.swappiness(c.longValue());
          break;
        case "disableOOMKiller":
          if (c.has()) b.disableOomKiller(c.bool());
          break;
        case "useHierarchy":
          if (c.has()) b.useHierarchy(c.bool());
          break;
        case "checkBeforeUpdate":
          if (c.has()) b.checkBeforeUpdate(c.bool());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciCpu cpu(JsonCursor c) throws IOException {
    c.beginObject();
    OciCpu.Builder b = OciCpu.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "shares":
          if (c.has()) b.shares(c.longValue());
          break;
        case "quota":
          if (c.has()) b.quota(c.longValue());
          break;
        case "burst":
          if (c.has()) b.burst(c.longValue());
          break;
        case "period":
          if (c.has()) b.period(c.longValue());
          break;
        case "realtimeRuntime":
          if (c.has()) b.realtimeRuntime(c.longValue());
          break;
        case "realtimePeriod":
          if (c.has()) b.realtimePeriod(c.longValue());
          break;
        case "cpus":
          if (c.has()) b.cpus(c.string());
          break;
        case "mems":
          if (c.has()) b.mems(c.string());
          break;
        case "idle":
          if (c.has()) b.idle(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciPids pids(JsonCursor c) throws IOException {
    c.beginObject();
    OciPids.Builder b = OciPids.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "limit":
          if (c.has()) b.limit(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciBlockIo blockIo(JsonCursor c) throws IOException {
    c.beginObject();
    OciBlockIo.Builder b = OciBlockIo.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "weight":
          if (c.has()) b.weight(c.intValue());
          break;
        case "leafWeight":
          if (c.has()) b.leafWeight(c.intValue());
          break;
        case "weightDevice":
          if (c.array()) while (c.element()) b.addWeightDevice(weightDevice(c));
          break;
        case "throttleReadBpsDevice":
          if (c.array()) while (c.element()) b.addThrottleReadBpsDevice(throttleDevice(c));
          break;
        case "throttleWriteBpsDevice":
          if (c.array()) while (c.element()) b.addThrottleWriteBpsDevice(throttleDevice(c));
          break;
        case "throttleReadIOPSDevice":
          if (c.array()) while (c.element()) b.addThrottleReadIopsDevice(throttleDevice(c));
          break;
        case "throttleWriteIOPSDevice":
          if (c.array()) while (c.element()) b.addThrottleWriteIopsDevice(throttleDevice(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciWeightDevice weightDevice(JsonCursor c) throws IOException {
    c.beginObject();
    OciWeightDevice.Builder b = OciWeightDevice.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "major":
          if (c.has()) b.major(c.longValue());
          break;
        case "minor":
          if (c.has()) b.minor(c.longValue());
          break;
        case "weight":
          if (c.has()) b.weight(c.intValue());
          break;
        case "leafWeight":
          if (c.has()) b.leafWeight(c.intValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciThrottleDevice throttleDevice(JsonCursor c) throws IOException {
    c.beginObject();
    OciThrottleDevice.Builder b = OciThrottleDevice.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "major":
          if (c.has()) b.major(c.longValue());
          break;
        case "minor":
          if (c.has()) b.minor(c.longValue());
          break;
        case "rate":
          if (c.has()) b.rate(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciHugepageLimit hugepageLimit(JsonCursor c) throws IOException {
    c.beginObject();
    OciHugepageLimit.Builder b = OciHugepageLimit.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "pageSize":
          if (c.has()) b.pageSize(c.string());
          break;
        case "limit":
          if (c.has()) b.limit(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciNetwork network(JsonCursor c) throws IOException {
    c.beginObject();
    OciNetwork.Builder b = OciNetwork.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "classID":
          if (c.has()) b.classId(c.longValue());
          break;
        case "priorities":
          if (c.array()) while (c.element()) b.addPriorities(networkPriority(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciNetworkPriority networkPriority(JsonCursor c) throws IOException {
    c.beginObject();
    OciNetworkPriority.Builder b = OciNetworkPriority.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "name":
          if (c.has()) b.name(c.string());
          break;
        case "priority":
          if (c.has()) b.priority(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciRdma rdma(JsonCursor c) throws IOException {
    c.beginObject();
    OciRdma.Builder b = OciRdma.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "hcaHandles":
          if (c.has()) b.hcaHandles(c.longValue());
          break;
        case "hcaObjects":
          if (c.has()) b.hcaObjects(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }
}
