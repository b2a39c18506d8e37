package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciCpu;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciMemory;
import io.pvekit.oci.OciResources;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code linux.cgroupsPath} and {@code linux.resources} except block I/O and devices, in the key
 * family the host honours: liblxc applies {@code lxc.cgroup.*} on legacy and hybrid hosts and
 * {@code lxc.cgroup2.*} only on unified ones, ignoring the other family with a mere warning.
 */
final class CgroupMapper {
  private CgroupMapper() {}

  static void map(Translation t) {
    OciLinux linux = t.spec().linux().orElse(OciLinux.builder().build());
    HostCgroups host = new HostCgroups(t.options().cgroupLayout(), t.options().hostRoot());
    cgroupsPath(t, linux);
    if (linux.resources().isEmpty()) {
      return;
    }
    OciResources r = linux.resources().get();
    DeviceMapper.rules(t, host, r.devices());
    r.memory().ifPresent(m -> memory(t, host, m));
    r.cpu().ifPresent(c -> cpu(t, host, c));
    r.pids()
        .ifPresent(
            pids -> {
              Translation.Field field = t.field("$.linux.resources.pids.limit", pids.limit());
              if (!host.has("pids", "pids")) {
                field.refused("this host has no pids cgroup controller");
              } else {
                field
                    .line(host.prefix() + "pids.max", pids.limit() > 0 ? pids.limit() : "max")
                    .mapped(pids.limit() > 0 ? "" : "0 or negative: unlimited");
              }
            });
    r.blockIo().ifPresent(b -> BlockIoMapper.map(t, host, b));
    ExtraResourceMapper.map(t, host, r);
  }

  private static void cgroupsPath(Translation t, OciLinux linux) {
    if (linux.cgroupsPath().isEmpty()) {
      return;
    }
    String path = linux.cgroupsPath().get();
    Translation.Field field = t.field("$.linux.cgroupsPath", path);
    if (path.contains(":")) {
      field.refused(
          "a systemd cgroup path (slice:prefix:name) needs systemd to create the scope; configure"
              + " the cgroupfs driver (containerd: SystemdCgroup = false) for proxmox-lxc");
      return;
    }
    String dir = path.replaceAll("^/+|/+$", "");
    if (dir.isEmpty() || dir.contains("..")) {
      field.refused("not a usable cgroup path");
      return;
    }
    field
        .line("lxc.cgroup.dir.container", dir)
        .line("lxc.cgroup.dir.monitor", "lxc.monitor/" + t.options().containerName());
    if (path.startsWith("/")) {
      field.mapped(
          "the monitor process goes to lxc.monitor/<name>, outside the container's cgroup");
    } else {
      field.approximated(
          "relative paths are taken from the root cgroup, where LXC (as root) starts");
    }
  }

  private static void memory(Translation t, HostCgroups host, OciMemory m) {
    String base = "$.linux.resources.memory.";
    if (!host.has("memory", "memory")) {
      t.field(base.substring(0, base.length() - 1), m)
          .refused("this host has no memory cgroup controller");
      return;
    }
    String p = host.prefix();
    m.limit()
        .ifPresent(
            limit ->
                memoryValue(
                    t.field(base + "limit", limit),
                    p + (host.v2() ? "memory.max" : "memory.limit_in_bytes"),
                    limit,
                    host));
    m.reservation()
        .ifPresent(
            low ->
                memoryValue(
                    t.field(base + "reservation", low),
                    p + (host.v2() ? "memory.low" : "memory.soft_limit_in_bytes"),
                    low,
                    host));
    m.swap().ifPresent(swap -> swap(t, host, m.limit(), swap));
    m.kernel()
        .ifPresent(
            kernel -> {
              Translation.Field field = t.field(base + "kernel", kernel);
              if (kernel < 0) {
                field.mapped("unlimited: nothing to set");
              } else {
                // runc ignores it too: the kernel dropped kernel-memory limits in Linux 6
                field.ignored("kernel memory limits are gone from Linux 6; runc ignores them too");
              }
            });
    m.kernelTcp()
        .ifPresent(
            tcp -> {
              Translation.Field field = t.field(base + "kernelTCP", tcp);
              if (tcp < 0) {
                field.mapped("unlimited: nothing to set");
              } else if (host.v2()) {
                field.refused("cgroup v2 has no kernel TCP memory limit");
              } else {
                field.line(p + "memory.kmem.tcp.limit_in_bytes", tcp).mapped();
              }
            });
    m.swappiness()
        .ifPresent(
            s -> {
              Translation.Field field = t.field(base + "swappiness", s);
              if (s < 0 || s > 100) {
                field.refused("swappiness is 0 to 100");
              } else if (host.v2()) {
                field.refused("cgroup v2 has no per-cgroup swappiness");
              } else {
                field.line(p + "memory.swappiness", s).mapped();
              }
            });
    m.disableOomKiller()
        .ifPresent(
            off -> {
              Translation.Field field = t.field(base + "disableOOMKiller", off);
              if (!off) {
                field.mapped("the OOM killer stays on, the default");
              } else if (host.v2()) {
                field.refused("cgroup v2 cannot switch the OOM killer off");
              } else {
                field.line(p + "memory.oom_control", 1).mapped();
              }
            });
    m.useHierarchy()
        .ifPresent(
            h -> {
              Translation.Field field = t.field(base + "useHierarchy", h);
              if (h) {
                field.mapped("accounting is always hierarchical on current kernels");
              } else {
                field.refused("current kernels cannot switch hierarchical accounting off");
              }
            });
    m.checkBeforeUpdate()
        .ifPresent(
            c ->
                t.field(base + "checkBeforeUpdate", c)
                    .runtime("applies to `update`, which the runtime implements"));
  }

  /**
   * A memory value: -1 is "unlimited"; any other negative number is a mistake the kernel refuses,
   * and is never read as unlimited.
   */
  private static void memoryValue(
      Translation.Field field, String key, long value, HostCgroups host) {
    if (value < -1) {
      field.refused(value + " is not a size: use -1 for unlimited, or a number of bytes");
    } else {
      field.line(key, value == -1 ? (host.v2() ? "max" : "-1") : value).mapped();
    }
  }

  private static void swap(Translation t, HostCgroups host, OptionalLong limit, long swap) {
    Translation.Field field = t.field("$.linux.resources.memory.swap", swap);
    if (swap < -1) {
      field.refused(swap + " is not a size: use -1 for unlimited, or a number of bytes");
      return;
    }
    if (host.v2()) {
      if (swap < 0) {
        field.line(host.prefix() + "memory.swap.max", "max").mapped();
      } else if (limit.isEmpty() || limit.getAsLong() < 0 || swap < limit.getAsLong()) {
        field.refused("memory+swap needs a memory limit not above it (cgroup v2 limits swap only)");
      } else {
        field
            .line(host.prefix() + "memory.swap.max", swap - limit.getAsLong())
            .mapped("cgroup v2 limits swap alone: swap - limit");
      }
      return;
    }
    if (!host.v1File("memory", "memory.memsw.limit_in_bytes")) {
      field.refused("this host has no swap accounting (boot with swapaccount=1)");
      return;
    }
    field.line(host.prefix() + "memory.memsw.limit_in_bytes", swap < 0 ? -1 : swap).mapped();
  }

  private static void cpu(Translation t, HostCgroups host, OciCpu c) {
    String base = "$.linux.resources.cpu.";
    String p = host.prefix();
    boolean cpu = host.has("cpu", "cpu");
    c.shares()
        .ifPresent(
            shares -> {
              Translation.Field field = t.field(base + "shares", shares);
              if (!cpu) {
                field.refused("this host has no cpu cgroup controller");
              } else if (host.v2()) {
                long weight = shares == 0 ? 100 : 1 + ((shares - 2) * 9999) / 262142;
                field.line(p + "cpu.weight", weight).mapped("converted to cpu.weight as runc does");
              } else {
                field.line(p + "cpu.shares", shares).mapped();
              }
            });
    if (c.quota().isPresent() || c.period().isPresent()) {
      Translation.Field field =
          t.field(
              base + "quota", c.quota().isPresent() ? c.quota() : "(period " + c.period() + ")");
      long period = c.period().orElse(100_000);
      if (!cpu) {
        field.refused("this host has no cpu cgroup controller");
      } else if (host.v2()) {
        long quota = c.quota().orElse(-1);
        field.line(p + "cpu.max", (quota > 0 ? Long.toString(quota) : "max") + " " + period);
        field.mapped("quota and period together");
      } else {
        c.period().ifPresent(per -> field.line(p + "cpu.cfs_period_us", per));
        c.quota().ifPresent(q -> field.line(p + "cpu.cfs_quota_us", q > 0 ? q : -1));
        field.mapped("quota and period together");
      }
      if (c.period().isPresent() && c.quota().isPresent()) {
        t.field(base + "period", c.period()).mapped("see quota");
      }
    }
    c.burst()
        .ifPresent(
            burst ->
                t.field(base + "burst", burst)
                    .line(p + (host.v2() ? "cpu.max.burst" : "cpu.cfs_burst_us"), burst)
                    .mapped());
    realtime(t, host, base + "realtimeRuntime", c.realtimeRuntime(), "cpu.rt_runtime_us");
    realtime(t, host, base + "realtimePeriod", c.realtimePeriod(), "cpu.rt_period_us");
    cpuset(t, host, base, "cpus", c.cpus());
    cpuset(t, host, base, "mems", c.mems());
    c.idle().ifPresent(idle -> t.field(base + "idle", idle).line(p + "cpu.idle", idle).mapped());
  }

  private static void cpuset(
      Translation t, HostCgroups host, String base, String name, Optional<String> value) {
    value.ifPresent(
        v -> {
          Translation.Field field = t.field(base + name, v);
          if (!host.has("cpuset", "cpuset")) {
            field.refused("this host has no cpuset cgroup controller");
          } else {
            field.line(host.prefix() + "cpuset." + name, v).mapped();
          }
        });
  }

  private static void realtime(
      Translation t, HostCgroups host, String path, OptionalLong value, String v1File) {
    value.ifPresent(
        v -> {
          Translation.Field field = t.field(path, v);
          if (v == 0) {
            field.mapped("0: nothing to set");
          } else if (host.v2()) {
            field.refused("cgroup v2 has no realtime CPU bandwidth");
          } else {
            field.line(host.prefix() + v1File, v).mapped();
          }
        });
  }
}
