package io.pvekit.lxc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the host mounts cgroups, which decides the LXC keys that take effect. liblxc treats any host
 * with v1 controllers as legacy: it applies {@code lxc.cgroup.*} and ignores {@code lxc.cgroup2.*}
 * with only a warning, so a limit written in the wrong family is silently lost.
 */
public enum CgroupLayout {
  /** cgroup v2 only, mounted at {@code /sys/fs/cgroup}. */
  UNIFIED("lxc.cgroup2."),
  /** v1 controllers plus a v2 hierarchy (usually {@code /sys/fs/cgroup/unified}). */
  HYBRID("lxc.cgroup."),
  /** v1 controllers only. */
  LEGACY("lxc.cgroup.");

  private final String keyPrefix;

  CgroupLayout(String keyPrefix) {
    this.keyPrefix = keyPrefix;
  }

  /**
   * The LXC key prefix liblxc honours on this layout: {@code lxc.cgroup2.} or {@code lxc.cgroup.}.
   *
   * @return the prefix, ending with a dot
   */
  public String keyPrefix() {
    return keyPrefix;
  }

  /**
   * Detects the layout of the running host from {@code /proc/self/mountinfo}.
   *
   * @return the layout
   * @throws UncheckedIOException when mountinfo cannot be read
   */
  public static CgroupLayout detect() {
    try {
      return fromMountInfo(Files.readString(Path.of("/proc/self/mountinfo")));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/mountinfo to detect cgroups", e);
    }
  }

  /**
   * Classifies a {@code mountinfo} text (proc(5) format).
   *
   * @param mountInfo the file's content
   * @return the layout
   * @throws IllegalArgumentException when no cgroup hierarchy is mounted at all
   */
  public static CgroupLayout fromMountInfo(String mountInfo) {
    boolean v1 = false;
    boolean v2 = false;
    for (String line : mountInfo.split("\n")) {
      String[] halves = line.split(" - ", 2);
      if (halves.length < 2) {
        continue;
      }
      String fsType = halves[1].split(" ", 2)[0];
      if (fsType.equals("cgroup2")) {
        v2 = true;
      } else if (fsType.equals("cgroup")) {
        v1 = true;
      }
    }
    if (v1) {
      return v2 ? HYBRID : LEGACY;
    }
    if (v2) {
      return UNIFIED;
    }
    throw new IllegalArgumentException("mountinfo: no cgroup or cgroup2 file system is mounted");
  }
}
