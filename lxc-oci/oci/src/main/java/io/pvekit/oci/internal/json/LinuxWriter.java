package io.pvekit.oci.internal.json;

import io.pvekit.oci.OciDevice;
import io.pvekit.oci.OciIdMapping;
import io.pvekit.oci.OciIntelRdt;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciNamespace;
import io.pvekit.oci.OciPersonality;
import io.pvekit.oci.OciSeccomp;
import io.pvekit.oci.OciSyscall;
import io.pvekit.oci.OciSyscallArg;
import io.pvekit.oci.OciTimeOffset;
import java.io.IOException;
import java.util.Map;

/** Writes {@code config.json}'s {@code linux} (see {@link SpecWriter}). */
final class LinuxWriter {
  private LinuxWriter() {}

  static void write(JsonOut w, OciLinux v) throws IOException {
    w.startObject();
    if (w.startArray("namespaces", v.namespaces())) {
      for (OciNamespace e : v.namespaces()) {
        write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("uidMappings", v.uidMappings())) {
      for (OciIdMapping e : v.uidMappings()) {
        SpecWriter.write(w, e);
      }
      w.endArray();
    }
    if (w.startArray("gidMappings", v.gidMappings())) {
      for (OciIdMapping e : v.gidMappings()) {
        SpecWriter.write(w, e);
      }
      w.endArray();
    }
    if (w.startObject("timeOffsets", v.timeOffsets())) {
      for (Map.Entry<String, OciTimeOffset> e : v.timeOffsets().entrySet()) {
        w.name(e.getKey());
        write(w, e.getValue());
      }
      w.endObject();
    }
    if (w.startArray("devices", v.devices())) {
      for (OciDevice e : v.devices()) {
        write(w, e);
      }
      w.endArray();
    }
    w.string("cgroupsPath", v.cgroupsPath());
    if (v.resources().isPresent()) {
      w.name("resources");
      ResourcesWriter.write(w, v.resources().get());
    }
    w.string("rootfsPropagation", v.rootfsPropagation());
    if (v.seccomp().isPresent()) {
      w.name("seccomp");
      write(w, v.seccomp().get());
    }
    w.strings("sysctl", v.sysctl());
    w.strings("maskedPaths", v.maskedPaths());
    w.strings("readonlyPaths", v.readonlyPaths());
    w.string("mountLabel", v.mountLabel());
    if (v.intelRdt().isPresent()) {
      w.name("intelRdt");
      write(w, v.intelRdt().get());
    }
    if (v.personality().isPresent()) {
      w.name("personality");
      write(w, v.personality().get());
    }
    w.endObject();
  }

  static void write(JsonOut w, OciNamespace v) throws IOException {
    w.startObject();
    w.string("type", v.type());
    w.string("path", v.path());
    w.endObject();
  }

  static void write(JsonOut w, OciTimeOffset v) throws IOException {
    w.startObject();
    w.number("secs", v.secs());
    w.number("nanosecs", v.nanosecs());
    w.endObject();
  }

  static void write(JsonOut w, OciDevice v) throws IOException {
    w.startObject();
    w.string("type", v.type());
    w.string("path", v.path());
    w.number("major", v.major());
    w.number("minor", v.minor());
    w.number("fileMode", v.fileMode());
    w.number("uid", v.uid());
    w.number("gid", v.gid());
    w.endObject();
  }

  static void write(JsonOut w, OciSeccomp v) throws IOException {
    w.startObject();
    w.string("defaultAction", v.defaultAction());
    w.number("defaultErrnoRet", v.defaultErrnoRet());
    w.strings("architectures", v.architectures());
    w.strings("flags", v.flags());
    w.string("listenerPath", v.listenerPath());
    w.string("listenerMetadata", v.listenerMetadata());
    if (w.startArray("syscalls", v.syscalls())) {
      for (OciSyscall e : v.syscalls()) {
        write(w, e);
      }
      w.endArray();
    }
    w.endObject();
  }

  static void write(JsonOut w, OciSyscall v) throws IOException {
    w.startObject();
    w.strings("names", v.names());
    w.string("action", v.action());
    w.number("errnoRet", v.errnoRet());
    if (w.startArray("args", v.args())) {
      for (OciSyscallArg e : v.args()) {
        write(w, e);
      }
      w.endArray();
    }
    w.endObject();
  }

  static void write(JsonOut w, OciSyscallArg v) throws IOException {
    w.startObject();
    w.number("index", v.index());
    w.number("value", v.value());
    w.bigNumber("valueTwo", v.valueTwo());
    w.string("op", v.op());
    w.endObject();
  }

  static void write(JsonOut w, OciIntelRdt v) throws IOException {
    w.startObject();
    w.string("closID", v.closId());
    w.string("l3CacheSchema", v.l3CacheSchema());
    w.string("memBwSchema", v.memBwSchema());
    w.strings("schemata", v.schemata());
    w.bool("enableMonitoring", v.enableMonitoring());
    w.bool("enableCMT", v.enableCmt());
    w.bool("enableMBM", v.enableMbm());
    w.endObject();
  }

  static void write(JsonOut w, OciPersonality v) throws IOException {
    w.startObject();
    w.string("domain", v.domain());
    w.strings("flags", v.flags());
    w.endObject();
  }
}
