package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciIdMapping;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciNamespace;
import io.pvekit.oci.OciTimeOffset;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code linux.namespaces}, id mappings, host and domain name, time offsets. */
final class NamespaceMapper {
  /** OCI namespace type to the name in /proc/PID/ns, which LXC uses. */
  private static final Map<String, String> LXC_NAMES = new LinkedHashMap<>();

  static {
    LXC_NAMES.put("mount", "mnt");
    LXC_NAMES.put("pid", "pid");
    LXC_NAMES.put("network", "net");
    LXC_NAMES.put("ipc", "ipc");
    LXC_NAMES.put("uts", "uts");
    LXC_NAMES.put("user", "user");
    LXC_NAMES.put("cgroup", "cgroup");
    LXC_NAMES.put("time", "time");
  }

  private NamespaceMapper() {}

  static void map(Translation t) {
    OciLinux linux = t.spec().linux().orElse(OciLinux.builder().build());
    Set<String> created = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    List<OciNamespace> namespaces = linux.namespaces();
    for (int i = 0; i < namespaces.size(); i++) {
      OciNamespace ns = namespaces.get(i);
      Translation.Field field = t.field("$.linux.namespaces[" + i + "]", ns);
      String lxcName = LXC_NAMES.get(ns.type());
      if (lxcName == null) {
        field.refused("unknown namespace type \"" + ns.type() + "\"");
        continue;
      }
      if (!seen.add(ns.type())) {
        field.refused("namespace type \"" + ns.type() + "\" listed twice");
        continue;
      }
      if (ns.path().isEmpty()) {
        created.add(lxcName);
        field.mapped("a new namespace (lxc.namespace.clone)");
      } else if (ns.type().equals("mount")) {
        field.refused(
            "joining a mount namespace is refused: LXC mounts the rootfs, /proc, /dev and every"
                + " mount entry and then pivots into the rootfs in the container's mount namespace,"
                + " which in a joined one would change the mounts of whoever else uses it (the"
                + " host's, for /proc/1/ns/mnt); give the container its own: {\"type\": \"mount\"}"
                + " without a path, and bind what it should share into mounts[]");
      } else if (!ns.path().get().startsWith("/")) {
        field.refused("the path of a namespace to join must be absolute");
      } else {
        String wrongKind = NamespaceFiles.mismatch(ns.path().get(), ns.type());
        if (wrongKind != null) {
          // the spec's MUST: joining a file of another kind would put the container in a
          // namespace nobody asked for (or fail half-way inside liblxc)
          field.refused(wrongKind);
        } else {
          // liblxc opens an absolute value of lxc.namespace.share.* as a namespace file
          field.line("lxc.namespace.share." + lxcName, ns.path().get()).mapped("joined by path");
        }
      }
    }
    Translation.Field clone = t.field("$.linux.namespaces", seen.size() + " namespaces");
    if (!seen.contains("mount")) {
      clone.refused(
          "no mount namespace listed means sharing the runtime's (the host's): LXC's pivot into"
              + " the rootfs and every mount would then change the host's mounts, so this is"
              + " refused; list {\"type\": \"mount\"} and bind what the container needs from"
              + " the host into mounts[]");
    } else {
      StringBuilder kept = new StringBuilder();
      for (Map.Entry<String, String> type : LXC_NAMES.entrySet()) {
        if (!seen.contains(type.getKey())) {
          kept.append(kept.length() == 0 ? "" : ", ").append(type.getKey());
        }
      }
      clone
          .line("lxc.namespace.clone", String.join(" ", created))
          .mapped(kept.length() == 0 ? "" : "not listed, so shared with the host: " + kept);
    }
    idmaps(t, linux, seen.contains("user"));
    hostname(t, seen.contains("uts"));
    timeOffsets(t, linux.timeOffsets(), seen.contains("time"));
  }

  private static void idmaps(Translation t, OciLinux linux, boolean userNamespace) {
    boolean mapped = !linux.uidMappings().isEmpty() || !linux.gidMappings().isEmpty();
    if (mapped && !userNamespace) {
      t.field("$.linux.uidMappings", linux.uidMappings())
          .refused("id mappings need a user namespace in linux.namespaces");
      return;
    }
    if (userNamespace && (linux.uidMappings().isEmpty() || linux.gidMappings().isEmpty())) {
      t.field("$.linux.uidMappings", linux.uidMappings())
          .refused("LXC creates a user namespace only with both uid and gid mappings");
      return;
    }
    idmap(t, "$.linux.uidMappings", "u", linux.uidMappings());
    idmap(t, "$.linux.gidMappings", "g", linux.gidMappings());
  }

  private static void idmap(Translation t, String path, String kind, List<OciIdMapping> maps) {
    for (int i = 0; i < maps.size(); i++) {
      OciIdMapping m = maps.get(i);
      Translation.Field field = t.field(path + "[" + i + "]", m);
      if (m.size() <= 0 || m.containerId() < 0 || m.hostId() < 0) {
        field.refused("ids and size must be positive");
        continue;
      }
      field
          .line("lxc.idmap", kind + " " + m.containerId() + " " + m.hostId() + " " + m.size())
          .mapped();
    }
  }

  private static void hostname(Translation t, boolean utsNamespace) {
    t.spec()
        .hostname()
        .ifPresent(
            name -> {
              Translation.Field field = t.field("$.hostname", name);
              if (!utsNamespace) {
                field.refused("setting the host name needs a uts namespace");
              } else {
                field.line("lxc.uts.name", name).mapped();
              }
            });
    t.spec()
        .domainname()
        .ifPresent(
            name ->
                t.field("$.domainname", name)
                    .refused("LXC has no setting for the NIS domain name"));
  }

  private static void timeOffsets(
      Translation t, Map<String, OciTimeOffset> offsets, boolean timeNamespace) {
    for (Map.Entry<String, OciTimeOffset> entry : offsets.entrySet()) {
      Translation.Field field = t.field("$.linux.timeOffsets." + entry.getKey(), entry.getValue());
      String key =
          entry.getKey().equals("boottime")
              ? "lxc.time.offset.boot"
              : entry.getKey().equals("monotonic") ? "lxc.time.offset.monotonic" : null;
      if (key == null) {
        field.refused("unknown clock \"" + entry.getKey() + "\"");
        continue;
      }
      if (!timeNamespace) {
        field.refused("clock offsets need a time namespace");
        continue;
      }
      long nanos =
          entry.getValue().secs().orElse(0) * 1_000_000_000L
              + entry.getValue().nanosecs().orElse(0);
      field.line(key, nanos + "ns").mapped();
    }
  }
}
