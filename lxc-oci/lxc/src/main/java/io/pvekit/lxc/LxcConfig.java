package io.pvekit.lxc;

import io.pvekit.lxc.internal.fs.MountPoints;
import io.pvekit.oci.internal.json.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * An LXC container configuration for liblxc 5: an ordered list of {@code lxc.*} entries (order
 * matters for mounts and device rules) plus the side files some entries point to, such as the
 * seccomp profile. Made by {@link LxcTranslator}.
 */
@Value.Immutable
public interface LxcConfig {
  /** The entries in the order liblxc must read them. */
  List<Entry> entries();

  /**
   * Files some entries refer to (absolute path to content), for example the seccomp profile that
   * {@code lxc.seccomp.profile} names. {@link #write(Path)} writes them before the config.
   */
  Map<Path, String> sideFiles();

  /**
   * The container's root file system on the host ({@code lxc.rootfs.path} without {@code dir:}).
   */
  Optional<Path> rootfs();

  /**
   * Mount points the mounts need inside the rootfs. LXC creates missing ones itself ({@code
   * create=dir}/{@code create=file}) unless the rootfs is read-only; then call {@link
   * #createMountPoints()} before starting the container.
   */
  List<MountPoint> mountPoints();

  /**
   * Creates the missing {@link #mountPoints()} in {@link #rootfs()}, resolving every path inside
   * the rootfs (a symlink in the rootfs cannot redirect the creation to the host).
   *
   * @throws IOException when one cannot be created
   */
  default void createMountPoints() throws IOException {
    if (rootfs().isPresent()) {
      MountPoints.create(rootfs().get(), mountPoints());
    }
  }

  /**
   * The values of one key, in order.
   *
   * @param key an LXC key such as {@code lxc.mount.entry}
   * @return its values, empty when the key is not set
   */
  default List<String> values(String key) {
    return entries().stream()
        .filter(e -> e.key().equals(key))
        .map(Entry::value)
        .collect(Collectors.toList());
  }

  /**
   * Renders the configuration file text ({@code key = value} lines) that {@code lxc-start -f},
   * {@code lxc-execute -f} or liblxc's {@code load_config} read.
   *
   * @return the text, one entry a line, ending with a newline
   */
  default String render() {
    StringBuilder text = new StringBuilder();
    for (Entry entry : entries()) {
      text.append(entry.render()).append('\n');
    }
    return text.toString();
  }

  /**
   * Writes the side files, then the configuration to {@code configFile} (each atomically).
   *
   * @param configFile where the configuration goes
   * @throws IOException when a file cannot be written
   */
  default void write(Path configFile) throws IOException {
    for (Map.Entry<Path, String> side : sideFiles().entrySet()) {
      Files.createDirectories(side.getKey().toAbsolutePath().getParent());
      AtomicFiles.write(side.getKey(), side.getValue());
    }
    Files.createDirectories(configFile.toAbsolutePath().getParent());
    AtomicFiles.write(configFile, render());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link LxcConfig}. */
  final class Builder extends ImmutableLxcConfig.Builder {}

  /** A path inside the container that a mount needs. */
  @Value.Immutable
  interface MountPoint {
    /** Absolute path inside the container. */
    @Value.Parameter
    String path();

    /** Whether it is a directory; otherwise a file (a bind mount of a file). */
    @Value.Parameter
    boolean directory();

    /**
     * Creates a mount point.
     *
     * @param path absolute path inside the container
     * @param directory whether it is a directory
     * @return the mount point
     */
    static MountPoint of(String path, boolean directory) {
      return ImmutableMountPoint.of(path, directory);
    }
  }

  /** One {@code key = value} line. */
  @Value.Immutable
  interface Entry {
    /** The key, for example {@code lxc.uts.name}. */
    @Value.Parameter
    String key();

    /** The value; may be empty for keys that reset a list (such as {@code lxc.cap.drop}). */
    @Value.Parameter
    String value();

    /**
     * Creates an entry.
     *
     * @param key the key, starting with {@code lxc.}
     * @param value the value, one line
     * @return the entry
     * @throws IllegalArgumentException when the key or value cannot be written on one line
     */
    static Entry of(String key, String value) {
      return ImmutableEntry.of(key, value);
    }

    /**
     * The line as it appears in the configuration file.
     *
     * @return {@code key = value}
     */
    default String render() {
      return value().isEmpty() ? key() + " =" : key() + " = " + value();
    }

    /** Refuses what the line-based LXC parser would misread. */
    @Value.Check
    default void check() {
      if (!key().matches("lxc\\.[A-Za-z0-9_.\\-\\[\\]/]+")) {
        throw new IllegalArgumentException("not an LXC key: \"" + key() + "\"");
      }
      if (value().indexOf('\n') >= 0 || value().indexOf('\r') >= 0 || value().indexOf(0) >= 0) {
        throw new IllegalArgumentException(
            key()
                + ": the value contains a line break or NUL, which an LXC config line cannot hold");
      }
      if (!value().equals(value().strip())) {
        throw new IllegalArgumentException(
            key()
                + ": LXC strips leading and trailing white space from values: \""
                + value()
                + "\"");
      }
    }
  }
}
