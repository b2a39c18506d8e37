package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerNotFoundException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One container's state directory, {@code ROOT/ID}. It is also liblxc's {@code lxcpath/NAME}
 * (pvekit passes the state root as lxcpath), so liblxc's log and command socket name derive from
 * it.
 */
final class ContainerDir {
  static final String CONFIG = "config";
  static final String LOG = "lxc.log";
  static final String START_HOST = "start-host";
  static final String FIFO = "start.fifo";
  static final String INIT_PID = "init.pid";
  static final String SUPERVISOR_PID = "supervisor.pid";
  static final String EXIT_STATUS = "exit.status";

  final Path root;
  final String id;
  final Path path;

  ContainerDir(Path root, ContainerId id) {
    this.root = root;
    this.id = id.value();
    this.path = root.resolve(id.value());
  }

  boolean exists() {
    return Files.isRegularFile(path.resolve(ContainerRecord.FILE));
  }

  Path file(String name) {
    return path.resolve(name);
  }

  ContainerRecord load() {
    try {
      return ContainerRecord.load(path);
    } catch (NoSuchFileException e) {
      throw new ContainerNotFoundException(id, root.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the state of container " + id, e);
    }
  }

  void save(ContainerRecord record) {
    record.save(path);
  }

  /**
   * Writes a token to the start-host hook's fifo. Opening a fifo read-write never blocks on Linux,
   * and the hook holds its read end open from before it reported the init, so the token is kept.
   *
   * @return false when there is no fifo (the hook never ran or already returned)
   */
  boolean signalHook(String token) {
    Path fifo = file(FIFO);
    if (!Files.exists(fifo)) {
      return false;
    }
    try (RandomAccessFile out = new RandomAccessFile(fifo.toFile(), "rw")) {
      out.write((token + "\n").getBytes(StandardCharsets.US_ASCII));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The last lines of liblxc's log for this container, errors preferred. */
  List<String> logTail(int max) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file(LOG), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of();
    }
    List<String> errors = new ArrayList<>();
    for (String line : lines) {
      if (line.contains(" ERROR ") || line.contains(" WARN ")) {
        errors.add(line);
      }
    }
    List<String> chosen = errors.isEmpty() ? lines : errors;
    return List.copyOf(chosen.subList(Math.max(0, chosen.size() - max), chosen.size()));
  }

  /** Removes the directory and everything in it. */
  void removeAll() {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove the state directory " + path, e);
    }
  }
}
