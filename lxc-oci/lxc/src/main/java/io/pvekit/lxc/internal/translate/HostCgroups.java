package io.pvekit.lxc.internal.translate;

import io.pvekit.lxc.CgroupLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the host's cgroup file systems offer, so a limit that cannot be applied is refused early.
 */
final class HostCgroups {
  private final CgroupLayout layout;
  private final Path cgroupRoot;
  private final Set<String> v2Controllers;

  HostCgroups(CgroupLayout layout, Path hostRoot) {
    this.layout = layout;
    this.cgroupRoot = hostRoot.resolve("sys/fs/cgroup");
    Set<String> controllers = Set.of();
    if (layout == CgroupLayout.UNIFIED) {
      try {
        controllers =
            Arrays.stream(Files.readString(cgroupRoot.resolve("cgroup.controllers")).split("\\s+"))
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
      } catch (IOException e) {
        controllers = Set.of();
      }
    }
    this.v2Controllers = controllers;
  }

  boolean v2() {
    return layout == CgroupLayout.UNIFIED;
  }

  String prefix() {
    return layout.keyPrefix();
  }

  /** Whether the controller is available (v1: mounted hierarchy; v2: enabled at the root). */
  boolean has(String v1Controller, String v2Controller) {
    if (v2()) {
      return v2Controllers.isEmpty() || v2Controllers.contains(v2Controller);
    }
    return Files.isDirectory(cgroupRoot.resolve(v1Controller));
  }

  /** Whether a v1 controller file exists at the hierarchy root (feature probes like memsw). */
  boolean v1File(String controller, String file) {
    return Files.exists(cgroupRoot.resolve(controller).resolve(file));
  }
}
