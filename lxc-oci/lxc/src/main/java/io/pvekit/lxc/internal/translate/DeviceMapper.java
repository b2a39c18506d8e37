package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciDevice;
import io.pvekit.oci.OciDeviceRule;
import io.pvekit.oci.OciLinux;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Device cgroup rules ({@code linux.resources.devices}) and device nodes ({@code linux.devices}).
 */
final class DeviceMapper {
  /**
   * The devices every OCI container gets (runtime-spec "Default Devices" plus the pty master and
   * slaves); runtimes allow them after the spec's rules, as runc does.
   */
  private static final List<String> DEFAULT_ALLOWED =
      List.of(
          "c 1:3 rwm",
          "c 1:5 rwm",
          "c 1:7 rwm",
          "c 1:8 rwm",
          "c 1:9 rwm",
          "c 5:0 rwm",
          "c 5:1 rwm",
          "c 5:2 rwm",
          "c 136:* rwm");

  private DeviceMapper() {}

  static void rules(Translation t, HostCgroups host, List<OciDeviceRule> rules) {
    if (rules.isEmpty()) {
      return;
    }
    String prefix = host.prefix();
    for (int i = 0; i < rules.size(); i++) {
      OciDeviceRule rule = rules.get(i);
      Translation.Field field = t.field("$.linux.resources.devices[" + i + "]", rule);
      String type = rule.type().orElse("a");
      String access = rule.access().orElse("rwm");
      if (!type.matches("[acb]") || !access.matches("[rwm]{1,3}")) {
        field.refused("type must be a, c or b and access a combination of r, w, m");
        continue;
      }
      String key = prefix + (rule.allow() ? "devices.allow" : "devices.deny");
      boolean all = rule.major().orElse(-1) < 0 && rule.minor().orElse(-1) < 0;
      if (type.equals("a")) {
        if (!all
            || !access.chars().allMatch(ch -> "rwm".indexOf(ch) >= 0)
            || access.length() != 3) {
          field.refused("LXC takes a rule for all devices only as a whole (\"a\", access rwm)");
          continue;
        }
        field.line(key, "a").mapped(rule.allow() ? "allow every device" : "deny every device");
        continue;
      }
      field
          .line(
              key,
              type
                  + " "
                  + number(rule.major().orElse(-1))
                  + ":"
                  + number(rule.minor().orElse(-1))
                  + " "
                  + access)
          .mapped();
    }
    OciDeviceRule first = rules.get(0);
    if (!first.allow() && first.type().orElse("a").equals("a")) {
      Translation.Field defaults = t.field("$.linux.resources.devices", rules.size() + " rules");
      for (String allowed : DEFAULT_ALLOWED) {
        defaults.line(prefix + "devices.allow", allowed);
      }
      defaults.mapped(
          "after the spec's rules, the OCI default devices (null, zero, full, random, urandom,"
              + " tty, console, ptmx, pts) are allowed, as runc does");
    }
  }

  /**
   * Device nodes, as runc makes them: created with mknod in the container's own /dev (an LXC
   * autodev hook, which runs as root in the container's mount namespace before the process starts
   * and before LXC adds its default nodes), with the mode and owner asked for. In a user namespace
   * the kernel forbids mknod, so there (as runc does) the host's node is bound instead.
   */
  static void nodes(Translation t) {
    List<OciDevice> devices = t.spec().linux().map(OciLinux::devices).orElse(List.of());
    boolean userNamespace =
        t.spec().linux().map(OciLinux::namespaces).orElse(List.of()).stream()
            .anyMatch(ns -> ns.type().equals("user"));
    boolean autodev = t.written("lxc.autodev");
    for (int i = 0; i < devices.size(); i++) {
      OciDevice device = devices.get(i);
      Translation.Field field = t.field("$.linux.devices[" + i + "]", device);
      if (!device.path().startsWith("/dev/")
          || device.path().contains("..")
          || !SAFE_PATH.matcher(device.path()).matches()) {
        field.refused(
            "device nodes go below /dev, with a path of letters, digits and . _ - + @ : /");
        continue;
      }
      if (!device.type().matches("[cbup]")) {
        field.refused("type must be c, u, b or p, not " + device.type());
        continue;
      }
      boolean fifo = device.type().equals("p");
      if (!fifo && (device.major().isEmpty() || device.minor().isEmpty())) {
        field.refused("a character or block device needs major and minor");
        continue;
      }
      if (!userNamespace && autodev) {
        field.line("lxc.hook.autodev", mknodHook(device)).mapped(MKNOD_NOTE);
        continue;
      }
      Path host = t.options().hostRoot().resolve(device.path().substring(1));
      String problem = fifo ? "a FIFO is not bound from the host" : matchHostNode(host, device);
      if (problem != null) {
        field.refused(
            (userNamespace
                    ? "in a user namespace the kernel forbids mknod, so (as runc does) the host's"
                        + " node is bound"
                    : "without a tmpfs at /dev the runtime does not mknod into the bundle's rootfs,"
                        + " so the host's node is bound (mount a tmpfs at /dev, as runc spec and"
                        + " containerd write it)")
                + "; but "
                + problem);
        continue;
      }
      String target = device.path().substring(1);
      field.line(
          "lxc.mount.entry",
          MountMapper.fstab(host.toString(), target, "none", List.of("bind", "create=file")));
      t.mountPoint(device.path(), false);
      if (device.fileMode().isPresent() || device.uid().isPresent() || device.gid().isPresent()) {
        field.approximated(
            "the host's node is bound, with the host node's mode and owner; allow it in"
                + " linux.resources.devices as well");
      } else {
        field.mapped("the host's node is bound; allow it in linux.resources.devices as well");
      }
    }
  }

  private static final String MKNOD_NOTE =
      "created with mknod in the container's /dev (mode 0666 and owner 0:0 unless set), as runc"
          + " does; allow it in linux.resources.devices as well";

  /** Device paths that need no quoting inside the hook's shell text. */
  private static final Pattern SAFE_PATH = Pattern.compile("/dev/[A-Za-z0-9._+@:/-]+");

  /**
   * The autodev hook that makes one node. LXC runs hook values with {@code /bin/sh -c} and appends
   * its own arguments, which become the inner shell's positional parameters. The path is checked
   * against {@link #SAFE_PATH}; the rest are numbers.
   */
  static String mknodHook(OciDevice device) {
    String type = device.type().equals("u") ? "c" : device.type();
    String numbers =
        type.equals("p") ? "" : " " + device.major().getAsLong() + " " + device.minor().getAsLong();
    int mode = device.fileMode().orElse(0666) & 07777;
    return "/bin/sh -c 'PATH=/usr/sbin:/usr/bin:/sbin:/bin; d=\"$LXC_ROOTFS_MOUNT"
        + device.path()
        + "\"; mkdir -p \"${d%/*}\" && rm -f \"$d\" && mknod -m 0"
        + Integer.toOctalString(mode)
        + " \"$d\" "
        + type
        + numbers
        + " && chown "
        + device.uid().orElse(0)
        + ":"
        + device.gid().orElse(0)
        + " \"$d\"' proxmox-lxcri-mknod";
  }

  /** Why the host node does not fit, or null when it is the same device. */
  private static String matchHostNode(Path host, OciDevice device) {
    try {
      if (!Files.exists(host, LinkOption.NOFOLLOW_LINKS)) {
        return "the host has no " + host;
      }
      String mode =
          Files.readAttributes(host, "unix:mode", LinkOption.NOFOLLOW_LINKS).get("mode").toString();
      int kind = Integer.parseInt(mode) & 0170000;
      boolean character = kind == 0020000;
      boolean block = kind == 0060000;
      boolean wantBlock = device.type().equals("b");
      if (!(wantBlock ? block : character)) {
        return host + " is not a " + (wantBlock ? "block" : "character") + " device";
      }
      long rdev = (Long) Files.getAttribute(host, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
      long major = ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
      long minor = (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
      if (device.major().isPresent() && device.major().getAsLong() != major
          || device.minor().isPresent() && device.minor().getAsLong() != minor) {
        return host + " is " + major + ":" + minor;
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return "cannot inspect " + host + ": " + e.getMessage();
    }
  }

  private static String number(long n) {
    return n < 0 ? "*" : Long.toString(n);
  }
}
