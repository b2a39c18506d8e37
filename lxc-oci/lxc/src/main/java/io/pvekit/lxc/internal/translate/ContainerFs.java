package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.internal.fs.UnsafePathException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container's file system as its process will see it: the rootfs with the bundle's mounts laid
 * over it in order. Paths taken from an image or a spec (mount destinations, the working directory)
 * are resolved here, symlinks included, before anything is written into the LXC configuration.
 *
 * <p>Why: liblxc resolves mount targets and the working directory itself, on the host, and creates
 * what is missing before it checks where a path ends up. A symlink in a hostile image then makes it
 * create files on the host (hole 2 of the security review), and a working directory such as {@code
 * /proc/self/fd/7} starts the process in a host directory (runc's CVE-2024-21626). Resolving the
 * path here first means LXC is only ever given paths without symlinks whose end is known.
 */
final class ContainerFs {
  private static final int MAX_SYMLINKS = 40;

  /** What LXC's autodev puts into the container's /dev tmpfs as symlinks into /proc. */
  private static final Map<String, String> AUTODEV_SYMLINKS =
      Map.of(
          "fd", "/proc/self/fd",
          "stdin", "/proc/self/fd/0",
          "stdout", "/proc/self/fd/1",
          "stderr", "/proc/self/fd/2",
          "core", "/proc/kcore");

  /** What backs a part of the container's tree. */
  enum Kind {
    /** The bundle's rootfs (no mount). */
    ROOTFS,
    /** A fresh tmpfs: empty when mounted (LXC's autodev /dev is one). */
    TMPFS,
    /** A bind mount of a host path. */
    BIND,
    /** procfs, or a bind of something under the host's /proc. */
    PROC,
    /** Any other kernel file system (sysfs, cgroup, mqueue, devpts): nothing to create there. */
    PSEUDO
  }

  /** One mount, with its target already resolved. */
  static final class Mount {
    final String key;
    final Kind kind;
    final Optional<Path> source;
    final boolean autodev;

    Mount(String key, Kind kind, Optional<Path> source, boolean autodev) {
      this.key = key;
      this.kind = kind;
      this.source = source;
      this.autodev = autodev;
    }
  }

  /** Where a path leads. */
  static final class Resolved {
    /** The path relative to the container's root, without symlinks ("" for the root). */
    final String key;

    /** What backs the path's end. */
    final Kind kind;

    /** Whether the path exists before the container starts (on tmpfs: never). */
    final boolean exists;

    /** Whether the path's end is a directory (false when it does not exist). */
    final boolean directory;

    Resolved(String key, Kind kind, boolean exists, boolean directory) {
      this.key = key;
      this.kind = kind;
      this.exists = exists;
      this.directory = directory;
    }

    /** The path as the container sees it. */
    String absolute() {
      return "/" + key;
    }

    /** Whether the path is /proc or below it. */
    boolean inProc() {
      return kind == Kind.PROC || key.equals("proc") || key.startsWith("proc/");
    }
  }

  private final Optional<Path> rootfs;
  private final List<Mount> mounts = new ArrayList<>();

  ContainerFs(Optional<Path> rootfs) {
    this.rootfs = rootfs;
  }

  /** Lays a mount over the tree; later mounts hide earlier ones, as in the kernel. */
  void add(Mount mount) {
    mounts.add(mount);
  }

  /**
   * Resolves an absolute container path through the rootfs and the mounts added so far: symlinks
   * are followed as the container would follow them (an absolute target starts again at the
   * container's root, ".." stops at the root), and what does not exist yet is kept as written.
   *
   * @throws UnsafePathException when the path is not absolute, loops, or goes through a file
   */
  Resolved resolve(String path) throws IOException {
    if (!path.startsWith("/")) {
      throw new UnsafePathException(path, "not an absolute path");
    }
    if (path.indexOf('\0') >= 0) {
      throw new UnsafePathException(path, "contains a NUL character");
    }
    Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
    List<String> current = new ArrayList<>();
    int symlinks = 0;
    while (!todo.isEmpty()) {
      String part = todo.pollFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!current.isEmpty()) {
          current.remove(current.size() - 1);
        }
        continue;
      }
      current.add(part);
      String key = String.join("/", current);
      Optional<Mount> mount = backing(key);
      Kind kind = mount.map(m -> m.kind).orElse(Kind.ROOTFS);
      if (mount.isPresent() && mount.get().key.equals(key)) {
        continue; // a mount point: whatever the image had there is hidden
      }
      Optional<String> target;
      switch (kind) {
        case PROC:
        case PSEUDO:
          return new Resolved(lexical(key, todo), kind, true, false);
        case TMPFS:
          target =
              mount.get().autodev && current.size() == 2
                  ? Optional.ofNullable(AUTODEV_SYMLINKS.get(part))
                  : Optional.empty();
          if (target.isEmpty()) {
            return new Resolved(lexical(key, todo), kind, false, false);
          }
          break;
        default:
          Path host = host(mount, key);
          BasicFileAttributes attrs;
          try {
            attrs =
                Files.readAttributes(host, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          } catch (NoSuchFileException e) {
            return new Resolved(lexical(key, todo), kind, false, false);
          }
          if (!attrs.isSymbolicLink()) {
            if (!attrs.isDirectory() && !todo.isEmpty()) {
              throw new UnsafePathException(path, "\"/" + key + "\" is not a directory");
            }
            if (todo.isEmpty()) {
              return new Resolved(key, kind, true, attrs.isDirectory());
            }
            continue;
          }
          target = Optional.of(Files.readSymbolicLink(host).toString());
      }
      if (++symlinks > MAX_SYMLINKS) {
        throw new UnsafePathException(path, "too many levels of symbolic links");
      }
      current.remove(current.size() - 1);
      if (target.get().startsWith("/")) {
        current.clear();
      }
      String[] parts = target.get().split("/");
      for (int i = parts.length - 1; i >= 0; i--) {
        todo.addFirst(parts[i]);
      }
    }
    String key = String.join("/", current);
    Optional<Mount> mount = backing(key);
    return new Resolved(key, mount.map(m -> m.kind).orElse(Kind.ROOTFS), true, true);
  }

  /** The mount whose tree holds {@code key}: the last one mounted at it or above it. */
  private Optional<Mount> backing(String key) {
    for (int i = mounts.size() - 1; i >= 0; i--) {
      Mount m = mounts.get(i);
      if (m.key.isEmpty() || key.equals(m.key) || key.startsWith(m.key + "/")) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The host path behind {@code key}; without a rootfs (already refused) a path that is absent. */
  private Path host(Optional<Mount> mount, String key) {
    if (mount.isPresent() && mount.get().kind == Kind.BIND) {
      Mount m = mount.get();
      return m.source.orElseThrow().resolve(key.substring(m.key.length() + 1));
    }
    return rootfs.orElse(Path.of("/nonexistent/pvekit-no-rootfs")).resolve(key);
  }

  /**
   * The rest of a path that does not exist yet, appended as written. A ".." there is refused: what
   * it climbs back into would not have been resolved.
   */
  private static String lexical(String key, Deque<String> rest) throws UnsafePathException {
    List<String> parts = new ArrayList<>(List.of(key.split("/")));
    for (String part : rest) {
      if (part.equals("..")) {
        throw new UnsafePathException(
            "/" + key, "\"..\" after a part that does not exist yet cannot be resolved");
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }
}
