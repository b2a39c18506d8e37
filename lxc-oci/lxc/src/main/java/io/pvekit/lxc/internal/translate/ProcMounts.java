package io.pvekit.lxc.internal.translate;

import java.util.Optional;
import java.util.Set;

/**
 * What may be mounted onto /proc: runc's rule. A mount over /proc itself must be procfs, and below
 * /proc only the files that lxcfs (or a similar FUSE file system) emulates may be covered; anything
 * else would hide or replace the kernel's view of the container (a bind of a host directory or a
 * tmpfs over /proc) and breaks the masks that protect the host.
 */
final class ProcMounts {
  /** runc's list (libcontainer/rootfs_linux.go, checkProcMount). */
  private static final Set<String> EMULATED =
      Set.of(
          "proc/cpuinfo",
          "proc/diskstats",
          "proc/meminfo",
          "proc/stat",
          "proc/swaps",
          "proc/uptime",
          "proc/loadavg",
          "proc/slabinfo",
          "proc/net/dev",
          "proc/sys/kernel/ns_last_pid");

  private ProcMounts() {}

  /**
   * Why a mount at {@code where} is not allowed, if it is not.
   *
   * @param where the mount's destination, resolved in the container
   * @param type the mount's type ("" for a bind mount without one)
   * @param bind whether it is a bind mount
   */
  static Optional<String> problem(ContainerFs.Resolved where, String type, boolean bind) {
    String target = where.key;
    if (target.equals("proc")) {
      return type.equals("proc") && !bind
          ? Optional.empty()
          : Optional.of(
              "/proc can only be mounted as procfs (type proc), as runc requires; this mount"
                  + " would hide the container's /proc");
    }
    if (where.inProc()) {
      return EMULATED.contains(target)
          ? Optional.empty()
          : Optional.of(
              "destination resolves to /"
                  + target
                  + ", inside /proc: only "
                  + String.join(", ", new java.util.TreeSet<>(EMULATED))
                  + " may be covered there (files lxcfs emulates), as runc allows");
    }
    return Optional.empty();
  }
}
