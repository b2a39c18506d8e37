package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciRlimit;
import io.pvekit.oci.OciUser;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code process}: command, environment, user, limits and process security settings. */
final class ProcessMapper {
  private static final BigInteger RLIM_INFINITY =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  private static final Set<String> RLIMITS =
      Set.of(
          "as",
          "core",
          "cpu",
          "data",
          "fsize",
          "locks",
          "memlock",
          "msgqueue",
          "nice",
          "nofile",
          "nproc",
          "rss",
          "rtprio",
          "rttime",
          "sigpending",
          "stack");

  /** The umask LXC's init leaves the process with. */
  private static final long LXC_UMASK = 022;

  private ProcessMapper() {}

  static void map(Translation t) {
    Optional<OciProcess> maybe = t.spec().process();
    if (maybe.isEmpty()) {
      t.field("$.process", null)
          .refused("required: LXC needs the process to run when it creates the container");
      return;
    }
    OciProcess p = maybe.get();
    terminal(t, p);
    user(t, p.user(), CapabilityMapper.ambientByHelper(t, p));
    command(t, p);
    environment(t, p);
    cwd(t, p.cwd());
    CapabilityMapper.map(t, p);
    rlimits(t, p.rlimits());
    if (p.noNewPrivileges()) {
      t.field("$.process.noNewPrivileges", true).line("lxc.no_new_privs", 1).mapped();
    } else {
      t.field("$.process.noNewPrivileges", false).mapped("LXC's default: the flag is not set");
    }
    apparmor(t, p);
    p.oomScoreAdj()
        .ifPresent(
            adj ->
                t.field("$.process.oomScoreAdj", adj).line("lxc.proc.oom_score_adj", adj).mapped());
    p.selinuxLabel()
        .ifPresent(
            label ->
                t.field("$.process.selinuxLabel", label)
                    .line("lxc.selinux.context", label)
                    .mapped());
    p.ioPriority()
        .ifPresent(
            io ->
                t.field("$.process.ioPriority", io)
                    .refused(
                        "LXC has no I/O priority setting (ioprio_set) for the container process"));
    p.scheduler()
        .ifPresent(
            s ->
                t.field("$.process.scheduler", s)
                    .refused("LXC has no scheduling policy setting (sched_setattr)"));
    p.execCpuAffinity()
        .ifPresent(
            a ->
                t.field("$.process.execCPUAffinity", a)
                    .refused("LXC has no CPU affinity setting for the process it starts"));
    p.commandLine().ifPresent(c -> t.field("$.process.commandLine", c).ignored("Windows only"));
  }

  private static void terminal(Translation t, OciProcess p) {
    if (p.terminal()) {
      Translation.Field field = t.field("$.process.terminal", true).line("lxc.tty.max", 0);
      if (!t.written("lxc.pty.max")) {
        field.line("lxc.pty.max", 1024); // unless the devpts mount wrote it
      }
      field.runtime(
          "LXC allocates the console pty; the runtime hands its master to the OCI"
              + " --console-socket");
    } else {
      t.field("$.process.terminal", false)
          .line("lxc.tty.max", 0)
          .line("lxc.console.path", "none")
          .mapped("no pty: the process gets the runtime's stdio");
    }
    p.consoleSize()
        .ifPresent(
            size ->
                t.field("$.process.consoleSize", size)
                    .runtime("the runtime sets the console pty's size (TIOCSWINSZ)"));
  }

  /**
   * The working directory, resolved in the container before LXC sees it: LXC changes into it while
   * it still holds host file descriptors, so a path through /proc/self/fd/N would start the process
   * in a host directory (runc's CVE-2024-21626). LXC is given the resolved path, which has no
   * symlink left; a missing directory in the rootfs is created first, as runc does.
   */
  private static void cwd(Translation t, String cwd) {
    Translation.Field field = t.field("$.process.cwd", cwd);
    if (!cwd.startsWith("/")) {
      field.refused(
          "must be an absolute path in the container (runtime-spec), not \"" + cwd + "\"");
      return;
    }
    ContainerFs.Resolved where;
    try {
      where = t.fs().resolve(cwd);
    } catch (IOException e) {
      field.refused(e.getMessage());
      return;
    }
    if (where.inProc()) {
      field.refused(
          "resolves to "
              + where.absolute()
              + ", inside /proc: a working directory there can lead outside the container"
              + " (CVE-2024-21626); use a directory of the image");
      return;
    }
    if (where.exists && !where.directory && where.kind == ContainerFs.Kind.ROOTFS) {
      field.refused(where.absolute() + " is not a directory");
      return;
    }
    List<String> notes = new ArrayList<>();
    if (!where.exists) {
      if (where.kind != ContainerFs.Kind.ROOTFS) {
        field.refused(
            where.absolute()
                + " does not exist and is on a "
                + where.kind.name().toLowerCase(Locale.ROOT)
                + " mount, where it cannot be created before the start; create it in the image");
        return;
      }
      t.mountPoint(where.key, true);
      notes.add("missing: created in the rootfs before the start, as runc does");
    }
    if (!where.absolute().equals(cwd)) {
      notes.add("resolved in the container to " + where.absolute());
    }
    field.line("lxc.init.cwd", where.absolute()).mapped(String.join("; ", notes));
  }

  /**
   * runc refuses a profile on a kernel without AppArmor: a security setting that was asked for and
   * cannot be applied must not turn into silence (liblxc would drop it with a log line).
   */
  private static void apparmor(Translation t, OciProcess p) {
    Translation.Field field = t.field("$.process.apparmorProfile", p.apparmorProfile());
    if (p.apparmorProfile().isEmpty()) {
      field
          .line("lxc.apparmor.profile", "unconfined")
          .mapped(
              "absent: OCI applies no profile, while LXC would load its default; made explicit");
      return;
    }
    String profile = p.apparmorProfile().get();
    if (!profile.equals("unconfined") && !appArmorEnabled(t.options().hostRoot())) {
      field.refused(
          "this host's kernel has AppArmor off, so the profile cannot be applied; drop"
              + " apparmorProfile or run on a host with AppArmor enabled");
      return;
    }
    field.line("lxc.apparmor.profile", profile).mapped();
  }

  /** What runc reads too: the apparmor module's "enabled" parameter. */
  private static boolean appArmorEnabled(Path hostRoot) {
    Path enabled = hostRoot.resolve("sys/module/apparmor/parameters/enabled");
    try {
      return Files.readString(enabled).trim().startsWith("Y");
    } catch (IOException e) {
      return false;
    }
  }

  private static void user(Translation t, OciUser user, boolean byHelper) {
    if (byHelper) {
      String note =
          "proxmox-lxcri-init switches to it after keeping the ambient capabilities (LXC's"
              + " lxc.init.uid would drop them)";
      t.field("$.process.user.uid", user.uid()).runtime(note);
      t.field("$.process.user.gid", user.gid()).runtime(note);
      if (!user.additionalGids().isEmpty()) {
        t.field("$.process.user.additionalGids", user.additionalGids()).runtime(note);
      }
    }
    // ids are within 0..2^31-1 here: OciUser refuses the ones liblxc would misread (OciIds)
    if (!byHelper) {
      t.field("$.process.user.uid", user.uid()).line("lxc.init.uid", user.uid()).mapped();
      t.field("$.process.user.gid", user.gid()).line("lxc.init.gid", user.gid()).mapped();
    }
    if (!byHelper && !user.additionalGids().isEmpty()) {
      t.field("$.process.user.additionalGids", user.additionalGids())
          .line(
              "lxc.init.groups",
              user.additionalGids().stream().map(String::valueOf).collect(Collectors.joining(",")))
          .mapped();
    }
    user.umask()
        .ifPresent(
            umask -> {
              Translation.Field field = t.field("$.process.user.umask", umask);
              if (umask < 0 || umask > 0777) {
                field.refused("a umask is an octal value from 0 to 0777");
              } else if (umask == LXC_UMASK) {
                field.mapped("LXC's init leaves the process with umask 0022, as asked");
              } else if (t.options().initHelper()) {
                field.runtime("proxmox-lxcri-init sets it before it execs the process");
              } else {
                field.refused(
                    "LXC has no umask setting and leaves the process with 0022, not 0"
                        + Long.toOctalString(umask)
                        + "; proxmox-lxcri-init sets it (built by ./mvnw package where gcc and"
                        + " libc6-dev are installed)");
              }
            });
    user.username().ifPresent(u -> t.field("$.process.user.username", u).ignored("Windows only"));
  }

  private static void command(Translation t, OciProcess p) {
    Translation.Field field = t.field("$.process.args", p.args());
    if (p.args().isEmpty()) {
      field.refused("required: at least the program to run");
      return;
    }
    List<String> quoted = new ArrayList<>();
    for (String arg : p.args()) {
      Optional<String> q = Values.lxcQuote(arg);
      if (q.isEmpty()) {
        field.runtime(
            "an argument holds both quote characters or a line break, which lxc.execute.cmd"
                + " cannot carry; the runtime passes argv to liblxc's start() directly");
        return;
      }
      quoted.add(q.get());
    }
    field
        .line("lxc.execute.cmd", String.join(" ", quoted))
        .mapped("liblxc callers may also pass argv to start() directly");
  }

  private static void environment(Translation t, OciProcess p) {
    for (int i = 0; i < p.env().size(); i++) {
      String env = p.env().get(i);
      Translation.Field field = t.field("$.process.env[" + i + "]", env);
      int eq = env.indexOf('=');
      if (eq <= 0) {
        field.refused(
            "not KEY=value: LXC reads a bare name as \"copy this variable from the host\"");
        continue;
      }
      field.line("lxc.environment", env);
      if (!env.equals(env.strip())) {
        field.refused("LXC strips leading and trailing white space from the value");
      } else {
        field.mapped();
      }
    }
    if (!p.env().isEmpty()) {
      t.field("$.process.env", p.env().size() + " variables")
          .approximated("LXC also sets container=lxc in the process environment");
    }
  }

  private static void rlimits(Translation t, List<OciRlimit> rlimits) {
    for (int i = 0; i < rlimits.size(); i++) {
      OciRlimit limit = rlimits.get(i);
      Translation.Field field = t.field("$.process.rlimits[" + i + "]", limit);
      String name = limit.type().toLowerCase().replaceFirst("^rlimit_", "");
      if (!limit.type().startsWith("RLIMIT_") || !RLIMITS.contains(name)) {
        field.refused("unknown resource limit " + limit.type());
        continue;
      }
      if (outOfRange(limit.soft()) || outOfRange(limit.hard())) {
        field.refused("limits are unsigned 64-bit numbers");
        continue;
      }
      if (limit.soft().compareTo(limit.hard()) > 0) {
        field.refused("the soft limit is above the hard limit");
        continue;
      }
      field.line(
          "lxc.prlimit." + name, rlimitValue(limit.soft()) + ":" + rlimitValue(limit.hard()));
      field.mapped();
    }
  }

  private static boolean outOfRange(BigInteger value) {
    return value.signum() < 0 || value.compareTo(RLIM_INFINITY) > 0;
  }

  private static String rlimitValue(BigInteger value) {
    return value.equals(RLIM_INFINITY) ? "unlimited" : value.toString();
  }
}
