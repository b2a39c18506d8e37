package io.pvekit.lxc.internal.translate;

import java.util.Set;

/**
 * What LXC has no key for and a start-host hook does instead, in the container's mount namespace
 * before its process starts: the root's propagation and the {@code /dev/ptmx} symlink.
 */
final class StartHostHooks {
  private StartHostHooks() {}

  private static final Set<String> PROPAGATIONS =
      Set.of(
          "private",
          "rprivate",
          "slave",
          "rslave",
          "shared",
          "rshared",
          "unbindable",
          "runbindable");

  /**
   * runc sets the root's propagation after pivot_root ({@code mount("", "/", flags)}); LXC always
   * leaves the container's root shared within the container and has no key for it. A start-host
   * hook does what runc does: it enters the container's mount namespace (keeping the host's root,
   * so only the host's own tools run) and changes the propagation of the container's root, before
   * the process starts.
   */
  static void propagation(Translation t, String propagation) {
    Translation.Field field = t.field("$.linux.rootfsPropagation", propagation);
    if (!PROPAGATIONS.contains(propagation)) {
      field.refused(
          "one of private, slave, shared, unbindable (each also with an r prefix), not \""
              + propagation
              + "\"");
      return;
    }
    field
        .line(
            "lxc.hook.start-host",
            inContainerMounts(
                "mount --no-canonicalize --make-" + propagation + " \"/proc/$LXC_PID/root\"",
                "propagation"))
        .mapped(
            "a start-host hook makes the container's root "
                + propagation
                + " (mount --make-"
                + propagation
                + " in its mount namespace), as runc does after pivot_root");
  }

  /**
   * A start-host hook value that runs a command in the container's mount namespace with the host's
   * root: LXC runs hook values with {@code /bin/sh -c} and gives the container's init as LXC_PID;
   * nothing of the container runs yet, so no path below its root can change meanwhile.
   */
  static String inContainerMounts(String command, String name) {
    return "/bin/sh -c 'PATH=/usr/sbin:/usr/bin:/sbin:/bin; nsenter"
        + " --mount=/proc/$LXC_PID/ns/mnt --root=/ --wd=/ "
        + command
        + "' proxmox-lxcri-"
        + name;
  }

  /**
   * LXC bind-mounts /dev/pts/ptmx onto a /dev/ptmx file; runc (and the spec's "Default Devices")
   * make /dev/ptmx the symlink pts/ptmx. In LXC's own /dev tmpfs the hook replaces the bind mount
   * by the symlink.
   */
  static final String PTMX_SYMLINK =
      inContainerMounts(
          "umount --no-canonicalize -l \"/proc/$LXC_PID/root/dev/ptmx\" && rm -f"
              + " \"/proc/$LXC_PID/root/dev/ptmx\" && ln -s pts/ptmx"
              + " \"/proc/$LXC_PID/root/dev/ptmx\"",
          "ptmx");
}
