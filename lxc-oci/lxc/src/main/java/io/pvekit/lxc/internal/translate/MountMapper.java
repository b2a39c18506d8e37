package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciIdMapping;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciMount;
import io.pvekit.oci.OciRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/** {@code root}, {@code mounts}, masked and read-only paths, root propagation. */
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
      masked(t, linux.get().maskedPaths());
      readonly(t, linux.get().readonlyPaths());
      linux.get().rootfsPropagation().ifPresent(p -> propagation(t, p));
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
            .line("lxc.hook.start-host", PTMX_SYMLINK)
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

  private static void masked(Translation t, List<String> paths) {
    containerPaths(
        t,
        "$.linux.maskedPaths",
        paths,
        (field, target) -> {
          if (isDirectory(t, target)) {
            field.line(
                "lxc.mount.entry", fstab("tmpfs", target, "tmpfs", List.of("ro", "optional")));
            field.mapped("a read-only empty tmpfs over the directory");
          } else {
            field.line(
                "lxc.mount.entry", fstab("/dev/null", target, "none", List.of("bind", "optional")));
            field.mapped("/dev/null bound over the file; missing paths are skipped, as runc does");
          }
        });
  }

  private static void readonly(Translation t, List<String> paths) {
    containerPaths(
        t,
        "$.linux.readonlyPaths",
        paths,
        (field, target) ->
            field
                .line(
                    "lxc.mount.entry",
                    fstab(target, target, "none", List.of("rbind", "ro", "relative", "optional")))
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
  private static void propagation(Translation t, String propagation) {
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
  private static final String PTMX_SYMLINK =
      inContainerMounts(
          "umount --no-canonicalize -l \"/proc/$LXC_PID/root/dev/ptmx\" && rm -f"
              + " \"/proc/$LXC_PID/root/dev/ptmx\" && ln -s pts/ptmx"
              + " \"/proc/$LXC_PID/root/dev/ptmx\"",
          "ptmx");

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
