package io.pvekit.oci.internal.bundle;

import io.pvekit.oci.OciMount;
import java.util.List;

/** The mounts, masked and read-only paths every OCI runtime's default spec has. */
final class DefaultMounts {
  static final List<OciMount> MOUNTS =
      List.of(
          mount("/proc", "proc", "proc"),
          mount("/dev", "tmpfs", "tmpfs", "nosuid", "strictatime", "mode=755", "size=65536k"),
          mount(
              "/dev/pts",
              "devpts",
              "devpts",
              "nosuid",
              "noexec",
              "newinstance",
              "ptmxmode=0666",
              "mode=0620",
              "gid=5"),
          mount(
              "/dev/shm", "tmpfs", "shm", "nosuid", "noexec", "nodev", "mode=1777", "size=65536k"),
          mount("/dev/mqueue", "mqueue", "mqueue", "nosuid", "noexec", "nodev"),
          mount("/sys", "sysfs", "sysfs", "nosuid", "noexec", "nodev", "ro"),
          mount(
              "/sys/fs/cgroup", "cgroup", "cgroup", "nosuid", "noexec", "nodev", "relatime", "ro"));

  static final List<String> MASKED =
      List.of(
          "/proc/kcore",
          "/proc/latency_stats",
          "/proc/timer_list",
          "/proc/timer_stats",
          "/proc/sched_debug",
          "/sys/firmware",
          "/proc/scsi");

  static final List<String> READONLY =
      List.of(
          "/proc/asound", "/proc/bus", "/proc/fs", "/proc/irq", "/proc/sys", "/proc/sysrq-trigger");

  private DefaultMounts() {}

  private static OciMount mount(String destination, String type, String source, String... options) {
    return OciMount.builder()
        .destination(destination)
        .type(type)
        .source(source)
        .options(List.of(options))
        .build();
  }
}
