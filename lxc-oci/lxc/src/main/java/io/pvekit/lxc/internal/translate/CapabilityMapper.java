package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciCapabilities;
import io.pvekit.oci.OciProcess;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code process.capabilities}. LXC controls one thing: the bounding set ({@code lxc.cap.keep}).
 * The other four sets follow from it and the uid, as the kernel derives them at execve(2): uid 0
 * gets the whole bounding set as permitted and effective; any other uid ends with none unless
 * ambient capabilities are raised, which LXC does not do. So each set is mapped when the outcome is
 * the same as asked, approximated when it differs only in what a process could not gain anyway (a
 * non-empty inheritable set), and refused when the process would miss what it asked for.
 */
public final class CapabilityMapper {
  /** The capabilities by number (CAP_CHOWN is 0), as linux/capability.h numbers them. */
  private static final List<String> NUMBERED =
      List.of(
          "CHOWN",
          "DAC_OVERRIDE",
          "DAC_READ_SEARCH",
          "FOWNER",
          "FSETID",
          "KILL",
          "SETGID",
          "SETUID",
          "SETPCAP",
          "LINUX_IMMUTABLE",
          "NET_BIND_SERVICE",
          "NET_BROADCAST",
          "NET_ADMIN",
          "NET_RAW",
          "IPC_LOCK",
          "IPC_OWNER",
          "SYS_MODULE",
          "SYS_RAWIO",
          "SYS_CHROOT",
          "SYS_PTRACE",
          "SYS_PACCT",
          "SYS_ADMIN",
          "SYS_BOOT",
          "SYS_NICE",
          "SYS_RESOURCE",
          "SYS_TIME",
          "SYS_TTY_CONFIG",
          "MKNOD",
          "LEASE",
          "AUDIT_WRITE",
          "AUDIT_CONTROL",
          "SETFCAP",
          "MAC_OVERRIDE",
          "MAC_ADMIN",
          "SYSLOG",
          "WAKE_ALARM",
          "BLOCK_SUSPEND",
          "AUDIT_READ",
          "PERFMON",
          "BPF",
          "CHECKPOINT_RESTORE");

  static final Set<String> KNOWN = Set.copyOf(NUMBERED);

  /** What proxmox-lxcri-init needs to switch the user (and then drops): see ambientByHelper. */
  private static final List<String> SWITCH_CAPS = List.of("SETUID", "SETGID", "SETPCAP");

  private CapabilityMapper() {}

  /**
   * The capabilities as a bit mask (bit n for capability n), for proxmox-lxcri-init's {@code -a}.
   *
   * @param caps names with the {@code CAP_} prefix, all known (the translation checked them)
   * @return the mask
   */
  public static long mask(List<String> caps) {
    long mask = 0;
    for (String cap : caps) {
      int number = NUMBERED.indexOf(cap.startsWith("CAP_") ? cap.substring(4) : cap);
      if (number < 0) {
        throw new IllegalArgumentException("unknown capability " + cap);
      }
      mask |= 1L << number;
    }
    return mask;
  }

  /**
   * Whether proxmox-lxcri-init switches the user and raises the ambient set: a non-root process
   * with ambient capabilities within the bounding set, and the helper present. LXC's own switch
   * (lxc.init.uid) would drop every capability, so the translation leaves the uid to the helper.
   */
  static boolean ambientByHelper(Translation t, OciProcess p) {
    if (p.user().uid() == 0 || !t.options().initHelper() || p.capabilities().isEmpty()) {
      return false;
    }
    OciCapabilities caps = p.capabilities().get();
    return !caps.ambient().isEmpty()
        && allKnown(caps.ambient())
        && allKnown(caps.bounding())
        && caps.bounding().containsAll(caps.ambient());
  }

  private static boolean allKnown(List<String> caps) {
    return caps.stream().allMatch(c -> c.startsWith("CAP_") && KNOWN.contains(c.substring(4)));
  }

  static void map(Translation t, OciProcess p) {
    if (p.capabilities().isEmpty()) {
      t.field("$.process.capabilities", null)
          .mapped("absent: the capabilities stay as LXC gives them (all, for uid 0)");
      return;
    }
    OciCapabilities caps = p.capabilities().get();
    boolean root = p.user().uid() == 0;
    Set<String> bounding = names(t, "bounding", caps.bounding());
    if (bounding == null) {
      return;
    }
    Translation.Field boundingField = t.field("$.process.capabilities.bounding", caps.bounding());
    Set<String> kept = new LinkedHashSet<>(bounding);
    boolean switchByHelper = ambientByHelper(t, p);
    if (switchByHelper) {
      kept.addAll(SWITCH_CAPS);
    }
    boundingField.line(
        "lxc.cap.keep",
        kept.isEmpty()
            ? "none"
            : kept.stream().map(String::toLowerCase).collect(Collectors.joining(" ")));
    if (switchByHelper && !bounding.containsAll(SWITCH_CAPS)) {
      boundingField.mapped(
          "LXC keeps setuid, setgid and setpcap as well for proxmox-lxcri-init, which switches"
              + " the user and then reduces the bounding set to the one asked");
    } else {
      boundingField.mapped();
    }
    for (String set : List.of("permitted", "effective")) {
      List<String> asked = set.equals("permitted") ? caps.permitted() : caps.effective();
      Set<String> names = names(t, set, asked);
      if (names == null) {
        continue;
      }
      Translation.Field field = t.field("$.process.capabilities." + set, asked);
      if (!bounding.containsAll(names)) {
        field.refused("holds capabilities the bounding set does not: they cannot be granted");
      } else if (root && !names.equals(bounding)) {
        field.refused(
            "for uid 0 LXC makes the "
                + set
                + " set equal to the bounding set; ask for the same set in both, or drop the"
                + " extra capabilities from the bounding set");
      } else if (root) {
        field.mapped("uid 0: equals the bounding set, as LXC sets it");
      } else if (ambientByHelper(t, p)) {
        Set<String> ambient = new LinkedHashSet<>(caps.ambient());
        if (ambient.equals(new LinkedHashSet<>(asked))) {
          field.mapped("non-root uid: execve(2) makes it the ambient set, which equals it");
        } else {
          field.approximated(
              "non-root uid: execve(2) makes it the ambient set "
                  + caps.ambient()
                  + ", as with runc");
        }
      } else {
        field.mapped(
            "non-root uid without ambient capabilities: execve(2) clears this set (runc ends the"
                + " same); file capabilities still work up to the bounding set");
      }
    }
    Set<String> inheritable = names(t, "inheritable", caps.inheritable());
    if (inheritable != null) {
      Translation.Field field = t.field("$.process.capabilities.inheritable", caps.inheritable());
      if (inheritable.isEmpty()) {
        field.mapped("empty, as LXC leaves it");
      } else if (!bounding.containsAll(inheritable)) {
        field.refused("holds capabilities the bounding set does not: they cannot be granted");
      } else {
        // umoci, Docker-era configs and older `runc spec` fill this set; refusing them would refuse
        // most bundles. Leaving it empty is runc's own default since CVE-2022-24769 and never
        // grants more: uid 0 gets the bounding set anyway, and for other uids only programs with
        // file-inheritable capabilities would have gained them.
        field.approximated(
            "left empty (LXC sets no inheritable capabilities, runc's default since"
                + " CVE-2022-24769): uid 0 gets the same permitted and effective sets; a program"
                + " with file-inheritable capabilities does not gain them");
      }
    }
    Set<String> ambient = names(t, "ambient", caps.ambient());
    if (ambient != null) {
      Translation.Field field = t.field("$.process.capabilities.ambient", caps.ambient());
      if (ambient.isEmpty()) {
        field.mapped("empty, as LXC leaves it");
      } else if (root && bounding.containsAll(ambient)) {
        field.approximated(
            "LXC raises no ambient capabilities; for uid 0 they add nothing (execve gives root the"
                + " bounding set), but CapAmb in /proc reads 0");
      } else if (ambientByHelper(t, p)) {
        field.runtime(
            "proxmox-lxcri-init switches to the uid keeping these and raises them as ambient"
                + " capabilities, as runc does (LXC's own switch would drop them)");
      } else if (bounding.containsAll(ambient)) {
        field.refused(
            "LXC raises no ambient capabilities, so a non-root process would lose these;"
                + " proxmox-lxcri-init raises them (built by ./mvnw package where gcc and"
                + " libc6-dev are installed)");
      } else {
        field.refused("holds capabilities the bounding set does not: they cannot be granted");
      }
    }
  }

  /** The set without the CAP_ prefix, or null (after refusing) when a name is unknown. */
  private static Set<String> names(Translation t, String set, List<String> caps) {
    Set<String> names = new LinkedHashSet<>();
    for (String cap : caps) {
      String name = cap.startsWith("CAP_") ? cap.substring(4) : "";
      if (!KNOWN.contains(name)) {
        t.field("$.process.capabilities." + set, caps)
            .refused("unknown capability \"" + cap + "\"");
        return null;
      }
      names.add(name);
    }
    return names;
  }
}
