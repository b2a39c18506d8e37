package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Asserts that nothing of a test's containers is left on the host: cgroups, processes, mounts,
 * network devices and state files. Container ids carry a per-class prefix so that tests of other
 * classes (or other users of the machine) running at the same time do not interfere.
 */
public final class LeakCheck {
  private LeakCheck() {}

  public static void assertNothingLeft(String idPrefix, Path stateRoot) throws IOException {
    assertThat(cgroupsNamed(idPrefix)).as("cgroups of %s*", idPrefix).isEmpty();
    assertThat(processesMentioning(idPrefix)).as("processes of %s*", idPrefix).isEmpty();
    assertThat(mountsMentioning(idPrefix, stateRoot)).as("mounts").isEmpty();
    assertThat(linksNamed(idPrefix)).as("network devices").isEmpty();
    if (Files.isDirectory(stateRoot)) {
      try (Stream<Path> entries = Files.list(stateRoot)) {
        assertThat(entries.map(Path::toString).toList()).as("state under %s", stateRoot).isEmpty();
      }
    }
  }

  public static List<Path> cgroupsNamed(String prefix) throws IOException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> mounts = Files.list(Path.of("/sys/fs/cgroup"))) {
      for (Path mount : mounts.toList()) {
        if (!Files.isDirectory(mount) || Files.isSymbolicLink(mount)) {
          continue;
        }
        Files.walkFileTree(
            mount,
            Set.of(),
            3,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.getFileName().toString().contains(prefix)) {
                  found.add(dir);
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                // other containers on the host (benchmarks, other tests) come and go meanwhile
                return FileVisitResult.CONTINUE;
              }
            });
      }
    }
    return found;
  }

  public static List<String> processesMentioning(String prefix) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      for (Path proc : procs.toList()) {
        if (!proc.getFileName().toString().matches("\\d+")) {
          continue;
        }
        try {
          String cmdline =
              new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8)
                  .replace('\0', ' ');
          if (cmdline.contains(prefix)) {
            found.add(proc.getFileName() + ": " + cmdline);
          }
        } catch (IOException gone) {
          // exited while scanning
        }
      }
    }
    return found;
  }

  public static List<String> mountsMentioning(String prefix, Path stateRoot) throws IOException {
    List<String> found = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("/proc/self/mountinfo"))) {
      if (line.contains(prefix) || line.contains(stateRoot.toString())) {
        found.add(line);
      }
    }
    return found;
  }

  public static List<String> linksNamed(String prefix) throws IOException {
    List<String> found = new ArrayList<>();
    try (Stream<Path> links = Files.list(Path.of("/sys/class/net"))) {
      links
          .map(p -> p.getFileName().toString())
          .filter(n -> n.contains(prefix))
          .forEach(found::add);
    }
    return found;
  }
}
