package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.LxcRuntimeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The working directory of an exec, checked against the running container before liblxc attaches.
 *
 * <p>Why: liblxc's attach changes into the directory while it holds descriptors of the host, so a
 * path through {@code /proc/self/fd/N} (or any symlink that leads there) starts the process in a
 * host directory (runc's CVE-2024-21626, exec form); and a directory that does not exist makes
 * liblxc run the process in / with only a warning in its log. The path is walked through the
 * container's root as the host sees it ({@code /proc/PID/root}), one component at a time: each must
 * be a directory and none may be a symlink, so the kernel has nothing left to resolve.
 */
final class ExecCwd {
  private ExecCwd() {}

  static void check(String id, long initPid, String cwd) {
    if (!cwd.startsWith("/")) {
      throw new LxcRuntimeException(
          id, "exec: the working directory must be an absolute path, not \"" + cwd + "\"");
    }
    Path root = Path.of("/proc", Long.toString(initPid), "root");
    Path current = root;
    StringBuilder seen = new StringBuilder();
    for (String part : cwd.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new LxcRuntimeException(
            id, "exec: the working directory " + cwd + " has \"..\"; give the path without it");
      }
      seen.append('/').append(part);
      if (seen.toString().equals("/proc")) {
        throw new LxcRuntimeException(
            id,
            "exec: the working directory "
                + cwd
                + " is inside /proc, where it can lead outside the container (CVE-2024-21626)");
      }
      current = current.resolve(part);
      BasicFileAttributes attrs;
      try {
        attrs = Files.readAttributes(current, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      } catch (NoSuchFileException e) {
        throw new LxcRuntimeException(
            id,
            "exec: the working directory " + cwd + " does not exist in the container",
            java.util.List.of(),
            e);
      } catch (IOException e) {
        throw new LxcRuntimeException(
            id,
            "exec: cannot check the working directory " + cwd + ": " + e.getMessage(),
            java.util.List.of(),
            e);
      }
      if (attrs.isSymbolicLink()) {
        throw new LxcRuntimeException(
            id,
            "exec: "
                + seen
                + " in the working directory "
                + cwd
                + " is a symlink; give the directory it leads to instead");
      }
      if (!attrs.isDirectory()) {
        throw new LxcRuntimeException(
            id, "exec: " + seen + " in the working directory " + cwd + " is not a directory");
      }
    }
  }
}
