package io.pvekit.lxc.internal.translate;

import io.pvekit.lxc.CgroupLayout;
import io.pvekit.oci.OciHugepageLimit;
import io.pvekit.oci.OciNetworkPriority;
import io.pvekit.oci.OciRdma;
import io.pvekit.oci.OciResources;
import java.util.List;
import java.util.Map;

/** Huge pages, net_cls/net_prio, RDMA and raw cgroup v2 files. */
final class ExtraResourceMapper {
  private ExtraResourceMapper() {}

  static void map(Translation t, HostCgroups host, OciResources r) {
    String p = host.prefix();
    List<OciHugepageLimit> huge = r.hugepageLimits();
    for (int i = 0; i < huge.size(); i++) {
      OciHugepageLimit h = huge.get(i);
      Translation.Field field = t.field("$.linux.resources.hugepageLimits[" + i + "]", h);
      if (!h.pageSize().matches("[0-9]+[KMG]B")) {
        field.refused("page size must look like 2MB or 1GB");
      } else if (!host.has("hugetlb", "hugetlb")) {
        field.refused("this host has no hugetlb cgroup controller mounted");
      } else {
        field
            .line(
                p + "hugetlb." + h.pageSize() + (host.v2() ? ".max" : ".limit_in_bytes"), h.limit())
            .mapped();
      }
    }
    r.network()
        .ifPresent(
            net -> {
              net.classId()
                  .ifPresent(
                      id -> {
                        Translation.Field field = t.field("$.linux.resources.network.classID", id);
                        if (host.v2() || !host.has("net_cls", "")) {
                          field.refused("needs the cgroup v1 net_cls controller");
                        } else {
                          field.line(p + "net_cls.classid", id).mapped();
                        }
                      });
              List<OciNetworkPriority> priorities = net.priorities();
              for (int i = 0; i < priorities.size(); i++) {
                OciNetworkPriority prio = priorities.get(i);
                Translation.Field field =
                    t.field("$.linux.resources.network.priorities[" + i + "]", prio);
                if (host.v2() || !host.has("net_prio", "")) {
                  field.refused("needs the cgroup v1 net_prio controller");
                } else {
                  field
                      .line(p + "net_prio.ifpriomap", prio.name() + " " + prio.priority())
                      .mapped();
                }
              }
            });
    for (Map.Entry<String, OciRdma> rdma : r.rdma().entrySet()) {
      Translation.Field field = t.field("$.linux.resources.rdma." + rdma.getKey(), rdma.getValue());
      StringBuilder value = new StringBuilder(rdma.getKey());
      rdma.getValue().hcaHandles().ifPresent(n -> value.append(" hca_handle=").append(n));
      rdma.getValue().hcaObjects().ifPresent(n -> value.append(" hca_object=").append(n));
      if (!host.has("rdma", "rdma")) {
        field.refused("this host has no rdma cgroup controller");
      } else {
        field.line(p + "rdma.max", value).mapped();
      }
    }
    for (Map.Entry<String, String> file : r.unified().entrySet()) {
      Translation.Field field =
          t.field("$.linux.resources.unified['" + file.getKey() + "']", file.getValue());
      if (t.options().cgroupLayout() != CgroupLayout.UNIFIED) {
        field.refused(
            "raw cgroup v2 files need a cgroup v2 host; this host is "
                + t.options().cgroupLayout()
                + " and liblxc ignores lxc.cgroup2.* here");
      } else if (!file.getKey().matches("[a-z0-9_]+\\.[a-z0-9_.]+")) {
        field.refused("not a cgroup file name");
      } else {
        field.line("lxc.cgroup2." + file.getKey(), file.getValue()).mapped();
      }
    }
  }
}
