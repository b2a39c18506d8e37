package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which {@code linux.sysctl} entries a container may set: runc's rule. Only parameters that live in
 * a namespace the container has of its own are allowed. Any other one is the host's: LXC would
 * write it on the host ({@code kernel.core_pattern} there runs a program of the container's choice
 * as root on the host).
 */
final class Sysctls {
  /** IPC parameters of the ipc namespace (runc's validator). */
  private static final Set<String> IPC =
      Set.of(
          "kernel.msgmax",
          "kernel.msgmnb",
          "kernel.msgmni",
          "kernel.sem",
          "kernel.shmall",
          "kernel.shmmax",
          "kernel.shmmni",
          "kernel.shm_rmid_forced");

  private Sysctls() {}

  /** The name in dotted form ({@code net/ipv4/ip_forward} is {@code net.ipv4.ip_forward}). */
  static Optional<String> normalize(String name) {
    String dotted = name.replace('/', '.');
    if (!dotted.matches("[A-Za-z0-9_\\-]+(\\.[A-Za-z0-9_\\-]+)+")) {
      return Optional.empty();
    }
    return Optional.of(dotted);
  }

  /** Why the container may not set {@code name} (dotted), if it may not. */
  static Optional<String> problem(String name, OciLinux linux) {
    if (IPC.contains(name) || name.startsWith("fs.mqueue.")) {
      return own(linux, "ipc")
          ? Optional.empty()
          : Optional.of(
              "an ipc parameter, allowed only with an ipc namespace of the container's own");
    }
    if (name.startsWith("net.")) {
      return own(linux, "network")
          ? Optional.empty()
          : Optional.of(
              "a network parameter, allowed only with a network namespace of the container's own");
    }
    if (name.equals("kernel.domainname") && own(linux, "uts")) {
      return Optional.empty();
    }
    if (name.equals("kernel.hostname")) {
      return Optional.of("the host name: set it with the OCI field \"hostname\" instead");
    }
    return Optional.of(
        "not in a namespace of the container: LXC would change it on the host; runc allows only"
            + " net.*, fs.mqueue.*, the kernel.msg*/sem/shm* ipc parameters and kernel.domainname");
  }

  /**
   * Whether the container gets a namespace of {@code type} of its own: a new one, or one joined by
   * path that is not the runtime's own (as runc compares with /proc/self/ns). A path that cannot be
   * compared counts as the runtime's: a host parameter is never written on a guess.
   */
  private static boolean own(OciLinux linux, String type) {
    for (OciNamespace ns : linux.namespaces()) {
      if (!ns.type().equals(type)) {
        continue;
      }
      if (ns.path().isEmpty()) {
        return true;
      }
      String file = type.equals("network") ? "net" : type;
      return differentFiles(Path.of(ns.path().get()), Path.of("/proc/self/ns", file));
    }
    return false;
  }

  private static boolean differentFiles(Path a, Path b) {
    try {
      Object ka = Files.readAttributes(a, "unix:dev,ino");
      Object kb = Files.readAttributes(b, "unix:dev,ino");
      return !Objects.equals(ka, kb);
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }
}
