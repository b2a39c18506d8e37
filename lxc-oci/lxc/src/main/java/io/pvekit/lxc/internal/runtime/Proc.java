package io.pvekit.lxc.internal.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What /proc says about a process. A PID alone is not an identity (PIDs are reused), so liveness
 * checks compare the start time recorded when the process was first seen.
 */
final class Proc {
  private Proc() {}

  /**
   * The fields of /proc/PID/stat pvekit needs.
   *
   * @param state the one-letter state (R, S, D, Z, T, ...)
   * @param parent the parent PID
   * @param startTime start time in clock ticks after boot
   */
  record Stat(char state, long parent, long startTime) {
    boolean isZombie() {
      return state == 'Z' || state == 'X';
    }
  }

  static Optional<Stat> stat(long pid) {
    String text;
    try {
      text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    }
    // comm (field 2) may contain spaces and parentheses: the fields after it follow the last ')'.
    int close = text.lastIndexOf(')');
    if (close < 0) {
      return Optional.empty();
    }
    String[] rest = text.substring(close + 2).split(" ");
    // rest[0] is field 3 (state), rest[1] field 4 (ppid), rest[19] field 22 (starttime).
    return Optional.of(
        new Stat(rest[0].charAt(0), Long.parseLong(rest[1]), Long.parseLong(rest[19])));
  }

  /** The start time of a live (non-zombie) process, or empty when it is gone. */
  static Optional<Long> startTime(long pid) {
    return stat(pid).filter(s -> !s.isZombie()).map(Stat::startTime);
  }

  /** Whether the process recorded as ({@code pid}, {@code startTime}) still runs. */
  static boolean isAlive(long pid, long startTime) {
    if (pid <= 0) {
      return false;
    }
    return stat(pid).map(s -> !s.isZombie() && s.startTime() == startTime).orElse(false);
  }

  /** Direct children of a process (needs CONFIG_PROC_CHILDREN, as every distribution kernel). */
  static List<Long> children(long pid) {
    List<Long> children = new ArrayList<>();
    Path tasks = Path.of("/proc", Long.toString(pid), "task");
    try (var stream = Files.newDirectoryStream(tasks)) {
      for (Path task : stream) {
        String text = Files.readString(task.resolve("children")).trim();
        if (!text.isEmpty()) {
          for (String child : text.split(" ")) {
            children.add(Long.parseLong(child));
          }
        }
      }
    } catch (IOException e) {
      return children;
    }
    return children;
  }

  /** A process and all its descendants, parents before children. */
  static List<Long> tree(long pid) {
    List<Long> tree = new ArrayList<>();
    if (stat(pid).isEmpty()) {
      return tree;
    }
    tree.add(pid);
    for (int i = 0; i < tree.size(); i++) {
      tree.addAll(children(tree.get(i)));
    }
    return tree;
  }

  /** Writes a process's oom_score_adj; false when the process is gone. */
  static boolean setOomScoreAdj(long pid, int value) {
    try {
      Files.writeString(Path.of("/proc", Long.toString(pid), "oom_score_adj"), value + "\n");
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
