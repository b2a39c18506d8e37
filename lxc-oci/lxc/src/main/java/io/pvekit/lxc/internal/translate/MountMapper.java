package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciIdMapping;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciMount;
import io.pvekit.oci.OciRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code root} and {@code mounts}; the masked and read-only path lists ({@link PathListMapper}) and
 * the root's propagation ({@link StartHostHooks}) are mapped from here.
 */
final class MountMapper {
  private static final Set<String> DEVPTS_OPTIONS =
      Set.of("newinstance", "ptmxmode=0666", "mode=0620", "mode=620", "gid=5", "nosuid", "noexec");

  private MountMapper() {}

  static void map(Translation t) {
    root(t);
    List<OciMount> mounts = t.spec().mounts();
    for (int i = 0; i < mounts.size(); i++) {
      mount(t, "$.mounts[" + i + "]", mounts.get(i));
    }
    Optional<OciLinux> linux = t.spec().linux();
    if (linux.isPresent()) {
      PathListMapper.masked(t, linux.get().maskedPaths());
      PathListMapper.readonly(t, linux.get().readonlyPaths());
      linux.get().rootfsPropagation().ifPresent(p -> StartHostHooks.propagation(t, p));
      linux
          .get()
          .mountLabel()
          .ifPresent(
              label ->
                  t.field("$.linux.mountLabel", label)
                      .refused("LXC has no setting for the SELinux label of mounts"));
    }
  }

  private static void root(Translation t) {
    Optional<OciRoot> maybe = t.spec().root();
    if (maybe.isEmpty()) {
      t.field("$.root", null).refused("required on Linux: the container's root file system");
      return;
    }
    OciRoot root = maybe.get();
    Path path = t.options().bundle().resolve(root.path()).toAbsolutePath().normalize();
    Translation.Field field = t.field("$.root.path", root.path());
    if (!Files.isDirectory(path)) {
      field.refused(path + " is not a directory");
      return;
    }
    if (isHostRoot(path)) {
      field.refused(
          path
              + " is the host's own root directory: a container needs a root file system of its own");
      return;
    }
    t.rootfs(path);
    field.line("lxc.rootfs.path", "dir:" + path).line("lxc.rootfs.managed", 0);
    field.mapped("LXC does not manage (delete) the bundle's rootfs");
    if (root.readonly()) {
      t.field("$.root.readonly", true)
          .line("lxc.rootfs.options", "ro")
          .mapped(
              "LXC cannot create mount points on a read-only root: LxcConfig.createMountPoints()"
                  + " makes them before the start");
    } else {
      t.field("$.root.readonly", false).mapped("read-write, LXC's default");
    }
  }

  private static boolean isHostRoot(Path path) {
    try {
      return path.toRealPath().equals(path.getRoot());
    } catch (IOException e) {
      return false;
    }
  }

  private static void mount(Translation t, String path, OciMount m) {
    Translation.Field field = t.field(path, m);
    String destination = m.destination();
    if (!destination.startsWith("/")
        || destination.contains("/../")
        || destination.endsWith("/..")) {
      field.refused("destination must be an absolute path without \"..\": " + destination);
      return;
    }
    String type = m.type().orElse("");
    List<String> options = new ArrayList<>(m.options());
    boolean bind = type.equals("bind") || options.contains("bind") || options.contains("rbind");
    if (!m.uidMappings().isEmpty() || !m.gidMappings().isEmpty()) {
      Translation.Field idmap = t.field(path + ".uidMappings", m.uidMappings());
      if (!idmapOfContainer(t, m)) {
        idmap.refused(
            "LXC can idmap a mount only with the container's own mapping (idmap=container)");
        field.refused("its id mapping cannot be expressed (see uidMappings)");
        return;
      }
      idmap.mapped("the mount entry gets idmap=container");
      t.field(path + ".gidMappings", m.gidMappings()).mapped("with uidMappings: idmap=container");
      options.add("idmap=container");
    }
    ContainerFs.Resolved where;
    try {
      where = t.fs().resolve(destination);
    } catch (IOException e) {
      field.refused("destination " + e.getMessage());
      return;
    }
    String target = where.key;
    if (target.isEmpty()) {
      field.refused("destination " + destination + " is the container's root itself");
      return;
    }
    Optional<String> procProblem = ProcMounts.problem(where, type, bind);
    if (procProblem.isPresent()) {
      field.refused(procProblem.get());
      return;
    }
    if (target.equals("dev") && type.equals("tmpfs")) {
      field.line("lxc.autodev", 1);
      try {
        sizeOption(options).ifPresent(size -> field.line("lxc.autodev.tmpfs.size", size));
      } catch (IllegalArgumentException e) {
        field.refused(e.getMessage());
        return;
      }
      t.fs().add(new ContainerFs.Mount(target, ContainerFs.Kind.TMPFS, Optional.empty(), true));
      field.approximated(
          "LXC mounts /dev as a tmpfs (mode 755, size from the options) and creates the standard"
              + " device nodes; other options are LXC's");
      return;
    }
    if (type.equals("devpts")) {
      List<String> unknown = new ArrayList<>(options);
      unknown.removeAll(DEVPTS_OPTIONS);
      if (!target.equals("dev/pts") || !unknown.isEmpty()) {
        field.refused(
            "LXC mounts devpts itself at /dev/pts with newinstance,ptmxmode=0666,mode=0620,gid=5;"
                + " cannot honour "
                + (target.equals("dev/pts") ? unknown : destination));
        return;
      }
      t.fs().add(new ContainerFs.Mount(target, ContainerFs.Kind.PSEUDO, Optional.empty(), false));
      field.line("lxc.pty.max", 1024);
      if (t.written("lxc.autodev")) {
        field
            .line("lxc.hook.start-host", StartHostHooks.PTMX_SYMLINK)
            .mapped(
                "LXC mounts a new devpts instance at /dev/pts; a start-host hook makes /dev/ptmx"
                    + " the symlink pts/ptmx, as runc does (LXC binds pts/ptmx onto a file)");
      } else {
        field.approximated(
            "LXC mounts a new devpts instance at /dev/pts; /dev/ptmx is the rootfs's own node"
                + " (runc makes it the symlink pts/ptmx: mount a tmpfs at /dev first)");
      }
      return;
    }
    if (type.equals("cgroup") || type.equals("cgroup2")) {
      if (!target.equals("sys/fs/cgroup")) {
        field.refused("LXC mounts cgroups only at /sys/fs/cgroup");
        return;
      }
      boolean ro = options.contains("ro");
      field
          .line("lxc.mount.auto", ro ? "cgroup:ro:force" : "cgroup:mixed:force")
          .approximated(
              ro
                  ? "LXC mounts the container's cgroup hierarchies read-only"
                  : "LXC mounts the container's own cgroup read-write, its parents read-only");
      mountPoint(t, where, true);
      t.fs().add(new ContainerFs.Mount(target, ContainerFs.Kind.PSEUDO, Optional.empty(), false));
      return;
    }
    String source = m.source().orElse(type.isEmpty() ? "none" : type);
    boolean directory = true;
    ContainerFs.Kind kind = kindOf(type);
    Optional<Path> hostSource = Optional.empty();
    if (bind) {
      if (m.source().isEmpty()) {
        field.refused("a bind mount needs a source");
        return;
      }
      Path host = t.options().bundle().resolve(source).toAbsolutePath().normalize();
      if (!Files.exists(host)) {
        field.refused("bind source " + host + " does not exist");
        return;
      }
      directory = Files.isDirectory(host);
      source = host.toString();
      hostSource = Optional.of(host);
      kind = host.startsWith("/proc") ? ContainerFs.Kind.PROC : ContainerFs.Kind.BIND;
      if (!options.contains("bind") && !options.contains("rbind")) {
        options.add("bind");
      }
      type = "none";
    } else if (type.isEmpty()) {
      field.refused("a mount that is not a bind mount needs a type");
      return;
    }
    if (!mountPoint(t, where, directory)) {
      // not in the rootfs (a tmpfs or a host directory mounted earlier): only LXC can create it,
      // and the path it gets has no symlink left in it
      options.add(directory ? "create=dir" : "create=file");
    }
    t.fs().add(new ContainerFs.Mount(target, kind, hostSource, false));
    String note = target.startsWith("dev/") ? "mounted after LXC's /dev tmpfs" : "";
    if (!target.equals(destination.replaceAll("/+", "/").replaceAll("^/|/$", ""))) {
      note = (note.isEmpty() ? "" : note + "; ") + "symlinks in the rootfs resolved: /" + target;
    }
    field.line("lxc.mount.entry", fstab(source, target, type, options)).mapped(note);
  }

  /**
   * Records a mount point in the rootfs, created by pvekit inside the rootfs before the start, so
   * that LXC need not create it (it would follow the rootfs's symlinks on the host).
   *
   * @return false when the target is not in the rootfs itself
   */
  private static boolean mountPoint(Translation t, ContainerFs.Resolved where, boolean directory) {
    if (where.kind != ContainerFs.Kind.ROOTFS) {
      return false;
    }
    t.mountPoint(where.key, directory);
    return true;
  }

  private static ContainerFs.Kind kindOf(String type) {
    switch (type) {
      case "proc":
        return ContainerFs.Kind.PROC;
      case "tmpfs":
        return ContainerFs.Kind.TMPFS;
      default:
        return ContainerFs.Kind.PSEUDO;
    }
  }

  private static boolean idmapOfContainer(Translation t, OciMount m) {
    List<OciIdMapping> uid = t.spec().linux().map(OciLinux::uidMappings).orElse(List.of());
    List<OciIdMapping> gid = t.spec().linux().map(OciLinux::gidMappings).orElse(List.of());
    return m.uidMappings().equals(uid) && m.gidMappings().equals(gid) && !uid.isEmpty();
  }

  private static Optional<Long> sizeOption(List<String> options) {
    for (String option : options) {
      if (option.startsWith("size=")) {
        return Optional.of(Sizes.parseBytes(option.substring(5)));
      }
    }
    return Optional.empty();
  }

  static String fstab(String source, String target, String type, List<String> options) {
    String opts = options.isEmpty() ? "defaults" : String.join(",", options);
    return Values.fstabEscape(source)
        + " "
        + Values.fstabEscape(target)
        + " "
        + type
        + " "
        + Values.fstabEscape(opts)
        + " 0 0";
  }
}
