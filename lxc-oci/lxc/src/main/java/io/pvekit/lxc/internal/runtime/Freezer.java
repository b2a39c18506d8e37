package io.pvekit.lxc.internal.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Reads and sets the freezer state straight from the container's cgroup files. */
final class Freezer {
  private Freezer() {}

  static boolean isFrozen(Map<String, Path> cgroups) {
    Optional<Path> v1 = v1Dir(cgroups);
    try {
      if (v1.isPresent()) {
        String state = Files.readString(v1.get().resolve("freezer.state")).trim();
        return state.equals("FROZEN") || state.equals("FREEZING");
      }
      Path v2 = cgroups.get(Cgroups.UNIFIED);
      if (v2 != null && Files.exists(v2.resolve("cgroup.freeze"))) {
        return Files.readString(v2.resolve("cgroup.freeze")).trim().equals("1");
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** Thaws without liblxc, for delete --force of a paused container. */
  static void thaw(Map<String, Path> cgroups) {
    try {
      Optional<Path> v1 = v1Dir(cgroups);
      if (v1.isPresent()) {
        Files.writeString(v1.get().resolve("freezer.state"), "THAWED");
      }
      Path v2 = cgroups.get(Cgroups.UNIFIED);
      if (v2 != null && Files.exists(v2.resolve("cgroup.freeze"))) {
        Files.writeString(v2.resolve("cgroup.freeze"), "0");
      }
    } catch (IOException e) {
      // the cgroup is gone: nothing left to thaw
    }
  }

  private static Optional<Path> v1Dir(Map<String, Path> cgroups) {
    for (Map.Entry<String, Path> entry : cgroups.entrySet()) {
      if (entry.getKey().contains("freezer")) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }
}
