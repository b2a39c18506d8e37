package io.pvekit.lxc.internal.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A process's cgroups as directories, for every hierarchy the host mounts (v1 controllers, named
 * hierarchies and cgroup2). pvekit records the container's directories at create so that delete can
 * remove them even after every process is gone.
 */
final class Cgroups {
  private Cgroups() {}

  /** The key of the cgroup2 hierarchy in {@link #of}'s map. */
  static final String UNIFIED = "unified";

  /**
   * The absolute cgroup directories of {@code pid}, keyed by hierarchy: its controllers as
   * /proc/PID/cgroup lists them ("memory", "cpu,cpuacct", "name=systemd") or {@link #UNIFIED}.
   */
  static Map<String, Path> of(long pid) {
    Map<Set<String>, Path> mounts = hierarchyMounts();
    Map<String, Path> dirs = new LinkedHashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup"))) {
        String[] parts = line.split(":", 3);
        if (parts.length < 3) {
          continue;
        }
        Set<String> controllers = Set.of(parts[1].split(","));
        Path mount = mounts.get(controllers);
        if (mount != null) {
          dirs.put(parts[1].isEmpty() ? UNIFIED : parts[1], resolve(mount, parts[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cgroups of pid " + pid, e);
    }
    return dirs;
  }

  private static Path resolve(Path mount, String cgroupPath) {
    String relative = cgroupPath.startsWith("/") ? cgroupPath.substring(1) : cgroupPath;
    return relative.isEmpty() ? mount : mount.resolve(relative);
  }

  /** Mount points by controller set ({""} for cgroup2, {"name=systemd"} for a named one). */
  private static Map<Set<String>, Path> hierarchyMounts() {
    Map<Set<String>, Path> mounts = new HashMap<>();
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
        String[] halves = line.split(" - ", 2);
        if (halves.length < 2) {
          continue;
        }
        String[] after = halves[1].split(" ");
        Path mountPoint = Path.of(unescape(halves[0].split(" ")[4]));
        if (after[0].equals("cgroup2")) {
          mounts.putIfAbsent(Set.of(""), mountPoint);
        } else if (after[0].equals("cgroup") && after.length > 2) {
          Set<String> controllers = new HashSet<>();
          for (String option : after[2].split(",")) {
            if (!option.equals("rw") && !option.equals("ro") && !option.contains("=")
                || option.startsWith("name=")) {
              controllers.add(option);
            }
          }
          controllers.removeAll(NOT_CONTROLLERS);
          mounts.putIfAbsent(controllers, mountPoint);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read /proc/self/mountinfo", e);
    }
    return mounts;
  }

  /** The mount point of every cgroup hierarchy. */
  static List<Path> mountPoints() {
    return new ArrayList<>(new LinkedHashSet<>(hierarchyMounts().values()));
  }

  /** Flag-like v1 super options that are not controllers. */
  private static final Set<String> NOT_CONTROLLERS =
      Set.of("noprefix", "clone_children", "xattr", "cpuset_v2_mode", "nodev", "nosuid", "noexec");

  private static String unescape(String field) {
    return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n");
  }

  /** Adds {@code pid} to every directory (cgroup.procs); directories that vanished are skipped. */
  static void enter(long pid, Iterable<Path> dirs) {
    for (Path dir : dirs) {
      try {
        Files.writeString(dir.resolve("cgroup.procs"), pid + "\n");
      } catch (NoSuchFileException e) {
        // the hierarchy's directory is gone: nothing to join there
      } catch (IOException e) {
        throw new UncheckedIOException("cannot move pid " + pid + " into " + dir, e);
      }
    }
  }

  /** The PIDs in a cgroup directory, empty when it does not exist. */
  static List<Long> procs(Path dir) {
    List<Long> pids = new ArrayList<>();
    try {
      for (String line : Files.readAllLines(dir.resolve("cgroup.procs"))) {
        if (!line.isBlank()) {
          pids.add(Long.parseLong(line.trim()));
        }
      }
    } catch (IOException e) {
      return pids;
    }
    return pids;
  }

  /** The directory of a v1 controller's hierarchy, else the cgroup2 directory, if any. */
  static Optional<Path> controllerDir(Map<String, Path> dirs, String controller) {
    for (Map.Entry<String, Path> entry : dirs.entrySet()) {
      if (List.of(entry.getKey().split(",")).contains(controller)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.ofNullable(dirs.get(UNIFIED));
  }

  /**
   * Removes cgroup directories deepest-first. A directory with live processes stays (EBUSY) and is
   * returned, so the caller can kill them and retry.
   */
  static List<Path> remove(Iterable<Path> dirs) {
    List<Path> busy = new ArrayList<>();
    for (Path dir : dirs) {
      try {
        removeTree(dir);
      } catch (NoSuchFileException e) {
        // already gone
      } catch (FileSystemException e) {
        busy.add(dir);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot remove cgroup " + dir, e);
      }
    }
    return busy;
  }

  private static void removeTree(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (var children = Files.newDirectoryStream(dir, Files::isDirectory)) {
      for (Path child : children) {
        removeTree(child);
      }
    }
    try {
      Files.delete(dir);
    } catch (DirectoryNotEmptyException e) {
      throw new FileSystemException(dir.toString(), null, "busy");
    }
  }
}
