package io.pvekit.lxc.internal.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code linux.maskedPaths} and {@code linux.readonlyPaths}: paths inside the container, resolved
 * in its rootfs, that get a mount entry over them (skipped when missing, as runc does).
 */
final class PathListMapper {
  private PathListMapper() {}

  static void masked(Translation t, List<String> paths) {
    containerPaths(
        t,
        "$.linux.maskedPaths",
        paths,
        (field, target) -> {
          if (isDirectory(t, target)) {
            field.line(
                "lxc.mount.entry",
                MountMapper.fstab("tmpfs", target, "tmpfs", List.of("ro", "optional")));
            field.mapped("a read-only empty tmpfs over the directory");
          } else {
            field.line(
                "lxc.mount.entry",
                MountMapper.fstab("/dev/null", target, "none", List.of("bind", "optional")));
            field.mapped("/dev/null bound over the file; missing paths are skipped, as runc does");
          }
        });
  }

  static void readonly(Translation t, List<String> paths) {
    containerPaths(
        t,
        "$.linux.readonlyPaths",
        paths,
        (field, target) ->
            field
                .line(
                    "lxc.mount.entry",
                    MountMapper.fstab(
                        target, target, "none", List.of("rbind", "ro", "relative", "optional")))
                .mapped("bound onto itself read-only; missing paths are skipped, as runc does"));
  }

  /**
   * Each path of a list as a field: refused unless absolute without "..", else resolved in the
   * container (symlinks of the rootfs followed inside it) and mapped by map.
   */
  private static void containerPaths(
      Translation t, String list, List<String> paths, BiConsumer<Translation.Field, String> map) {
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      Translation.Field field = t.field(list + "[" + i + "]", path);
      if (!path.startsWith("/") || path.contains("..")) {
        field.refused("must be an absolute path without \"..\"");
        continue;
      }
      try {
        String key = t.fs().resolve(path).key;
        if (key.isEmpty()) {
          field.refused("resolves to the container's root itself");
        } else if (isFifoOrSocket(t, key)) {
          // liblxc opens the target of a mount entry, and opening a FIFO waits for a writer: the
          // start would hang until the runtime's timeout
          field.refused(
              "is a FIFO or socket in the rootfs, which liblxc would block on while mounting over"
                  + " it; remove it from the image or from this list");
        } else {
          // relative to the rootfs: lxc.mount.entry targets are
          map.accept(field, key);
        }
      } catch (IOException e) {
        field.refused(e.getMessage());
      }
    }
  }

  private static boolean isFifoOrSocket(Translation t, String target) {
    if (target.startsWith("proc/") || target.startsWith("sys/")) {
      return false;
    }
    return t.rootfs()
        .map(
            r -> {
              Path file = r.resolve(target);
              return Files.exists(file, LinkOption.NOFOLLOW_LINKS)
                  && !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                  && !Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)
                  && !Files.isSymbolicLink(file)
                  && !isDevice(file);
            })
        .orElse(false);
  }

  private static boolean isDevice(Path file) {
    try {
      int mode = (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS);
      int type = mode & 0170000;
      return type == 0020000 || type == 0060000;
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * Whether the masked path is a directory: /proc and /sys as on this host, the rest in the rootfs.
   */
  private static boolean isDirectory(Translation t, String target) {
    if (target.startsWith("proc/") || target.startsWith("sys/")) {
      return Files.isDirectory(t.options().hostRoot().resolve(target), LinkOption.NOFOLLOW_LINKS);
    }
    return t.rootfs()
        .map(r -> Files.isDirectory(r.resolve(target), LinkOption.NOFOLLOW_LINKS))
        .orElse(false);
  }
}
