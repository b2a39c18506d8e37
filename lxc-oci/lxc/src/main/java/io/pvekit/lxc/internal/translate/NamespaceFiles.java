package io.pvekit.lxc.internal.translate;

import io.pvekit.lxc.internal.liblxc.Libc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks that a namespace file to join is a namespace of the kind the config names, as the runtime
 * spec requires ("if the path is not a namespace of the specified type, the runtime MUST generate
 * an error").
 */
final class NamespaceFiles {
  /** OCI type to the kernel's CLONE_NEW* flag, what ioctl(NS_GET_NSTYPE) answers. */
  private static final Map<String, Long> CLONE_FLAGS =
      Map.of(
          "mount", 0x00020000L,
          "uts", 0x04000000L,
          "ipc", 0x08000000L,
          "user", 0x10000000L,
          "pid", 0x20000000L,
          "network", 0x40000000L,
          "cgroup", 0x02000000L,
          "time", 0x00000080L);

  /** OCI type to the name /proc/PID/ns links carry ({@code net:[4026531840]}). */
  private static final Map<String, String> LINK_NAMES =
      Map.of(
          "mount", "mnt",
          "uts", "uts",
          "ipc", "ipc",
          "user", "user",
          "pid", "pid",
          "network", "net",
          "cgroup", "cgroup",
          "time", "time");

  private static final Pattern LINK = Pattern.compile("([a-z_]+):\\[\\d+\\]");

  private NamespaceFiles() {}

  /** Why {@code path} cannot be joined as a {@code type} namespace, or null when it can. */
  static String mismatch(String path, String type) {
    Path file = Path.of(path);
    if (!Files.exists(file)) {
      return "the namespace file " + path + " does not exist";
    }
    // /proc/PID/ns/* are magic links whose target names the kind; bind mounts of them are not
    String kind = linkKind(file);
    if (kind == null) {
      kind = ioctlKind(path);
    }
    if (kind == null) {
      return path + " is not a namespace file (expected a " + type + " namespace)";
    }
    String expected = LINK_NAMES.get(type);
    if (!kind.equals(expected) && !kind.equals(expected + "_for_children")) {
      return path + " is a " + kind + " namespace, not the " + type + " namespace the entry names";
    }
    return null;
  }

  private static String ioctlKind(String path) {
    long flag;
    try {
      flag = Libc.get().namespaceType(path);
    } catch (LinkageError e) {
      return null;
    }
    for (Map.Entry<String, Long> e : CLONE_FLAGS.entrySet()) {
      if (e.getValue() == flag) {
        return LINK_NAMES.get(e.getKey());
      }
    }
    return null;
  }

  private static String linkKind(Path file) {
    try {
      Matcher m = LINK.matcher(Files.readSymbolicLink(file).toString());
      return m.matches() ? m.group(1) : null;
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }
}
