package io.pvekit.oci.internal.json;

import io.pvekit.oci.OciDevice;
import io.pvekit.oci.OciIntelRdt;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciNamespace;
import io.pvekit.oci.OciPersonality;
import io.pvekit.oci.OciSeccomp;
import io.pvekit.oci.OciSyscall;
import io.pvekit.oci.OciSyscallArg;
import io.pvekit.oci.OciTimeOffset;
import java.io.IOException;

/** Reads {@code config.json}'s {@code linux} (see {@link SpecReader}). */
final class LinuxReader {
  private LinuxReader() {}

  static OciLinux linux(JsonCursor c) throws IOException {
    c.beginObject();
    OciLinux.Builder b = OciLinux.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "namespaces":
          if (c.array()) while (c.element()) b.addNamespaces(namespace(c));
          break;
        case "uidMappings":
          if (c.array()) while (c.element()) b.addUidMappings(SpecReader.idMapping(c));
          break;
        case "gidMappings":
          if (c.array()) while (c.element()) b.addGidMappings(SpecReader.idMapping(c));
          break;
        case "timeOffsets":
          if (c.map())
            for (String k = c.entry(); k != null; k = c.entry()) b.putTimeOffsets(k, timeOffset(c));
          break;
        case "devices":
          if (c.array()) while (c.element()) b.addDevices(device(c));
          break;
        case "cgroupsPath":
          if (c.has()) b.cgroupsPath(c.string());
          break;
        case "resources":
          if (c.has()) b.resources(ResourcesReader.resources(c));
          break;
        case "rootfsPropagation":
          if (c.has()) b.rootfsPropagation(c.string());
          break;
        case "seccomp":
          if (c.has()) b.seccomp(seccomp(c));
          break;
        case "sysctl":
          if (c.map())
            for (String k = c.entry(); k != null; k = c.entry()) b.putSysctl(k, c.string());
          break;
        case "maskedPaths":
          b.addAllMaskedPaths(c.strings());
          break;
        case "readonlyPaths":
          b.addAllReadonlyPaths(c.strings());
          break;
        case "mountLabel":
          if (c.has()) b.mountLabel(c.string());
          break;
        case "intelRdt":
          if (c.has()) b.intelRdt(intelRdt(c));
          break;
        case "personality":
          if (c.has()) b.personality(personality(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciNamespace namespace(JsonCursor c) throws IOException {
    c.beginObject();
    OciNamespace.Builder b = OciNamespace.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "type":
          if (c.has()) b.type(c.string());
          break;
        case "path":
          if (c.has()) b.path(c.string());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciTimeOffset timeOffset(JsonCursor c) throws IOException {
    c.beginObject();
    OciTimeOffset.Builder b = OciTimeOffset.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "secs":
          if (c.has()) b.secs(c.longValue());
          break;
        case "nanosecs":
          if (c.has()) b.nanosecs(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciDevice device(JsonCursor c) throws IOException {
    c.beginObject();
    OciDevice.Builder b = OciDevice.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "type":
          if (c.has()) b.type(c.string());
          break;
        case "path":
          if (c.has()) b.path(c.string());
          break;
        case "major":
          if (c.has()) b.major(c.longValue());
          break;
        case "minor":
          if (c.has()) b.minor(c.longValue());
          break;
        case "fileMode":
          if (c.has()) b.fileMode(c.intValue());
          break;
        case "uid":
          if (c.has()) b.uid(c.longValue());
          break;
        case "gid":
          if (c.has()) b.gid(c.longValue());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciSeccomp seccomp(JsonCursor c) throws IOException {
    c.beginObject();
    OciSeccomp.Builder b = OciSeccomp.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "defaultAction":
          if (c.has()) b.defaultAction(c.string());
          break;
        case "defaultErrnoRet":
          if (c.has()) b.defaultErrnoRet(c.intValue());
          break;
        case "architectures":
          b.addAllArchitectures(c.strings());
          break;
        case "flags":
          b.addAllFlags(c.strings());
          break;
        case "listenerPath":
          if (c.has()) b.listenerPath(c.string());
          break;
        case "listenerMetadata":
          if (c.has()) b.listenerMetadata(c.string());
          break;
        case "syscalls":
          if (c.array()) while (c.element()) b.addSyscalls(syscall(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciSyscall syscall(JsonCursor c) throws IOException {
    c.beginObject();
    OciSyscall.Builder b = OciSyscall.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "names":
          b.addAllNames(c.strings());
          break;
        case "action":
          if (c.has()) b.action(c.string());
          break;
        case "errnoRet":
          if (c.has()) b.errnoRet(c.intValue());
          break;
        case "args":
          if (c.array()) while (c.element()) b.addArgs(syscallArg(c));
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciSyscallArg syscallArg(JsonCursor c) throws IOException {
    c.beginObject();
    OciSyscallArg.Builder b = OciSyscallArg.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "index":
          if (c.has()) b.index(c.intValue());
          break;
        case "value":
          if (c.has()) b.value(c.bigInteger());
          break;
        case "valueTwo":
          if (c.has()) b.valueTwo(c.bigInteger());
          break;
        case "op":
          if (c.has()) b.op(c.string());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciIntelRdt intelRdt(JsonCursor c) throws IOException {
    c.beginObject();
    OciIntelRdt.Builder b = OciIntelRdt.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "closID":
          if (c.has()) b.closId(c.string());
          break;
        case "l3CacheSchema":
          if (c.has()) b.l3CacheSchema(c.string());
          break;
        case "memBwSchema":
          if (c.has()) b.memBwSchema(c.string());
          break;
        case "schemata":
          b.addAllSchemata(c.strings());
          break;
        case "enableMonitoring":
          if (c.has()) b.enableMonitoring(c.bool());
          break;
        case "enableCMT":
          if (c.has()) b.enableCmt(c.bool());
          break;
        case "enableMBM":
          if (c.has()) b.enableMbm(c.bool());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }

  private static OciPersonality personality(JsonCursor c) throws IOException {
    c.beginObject();
    OciPersonality.Builder b = OciPersonality.builder();
    for (String name = c.field(); name != null; name = c.field()) {
      switch (name) {
        case "domain":
          if (c.has()) b.domain(c.string());
          break;
        case "flags":
          b.addAllFlags(c.strings());
          break;
        default:
          c.unknown();
      }
    }
    return b.build();
  }
}
