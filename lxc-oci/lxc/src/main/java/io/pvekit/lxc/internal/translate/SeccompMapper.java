package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciSeccomp;
import io.pvekit.oci.OciSyscall;
import io.pvekit.oci.OciSyscallArg;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code linux.seccomp} to LXC's seccomp profile format version 2 ({@code 2}, the policy line, then
 * {@code syscall action [index,value,op,mask]} rules), written as a side file that {@code
 * lxc.seccomp.profile} names.
 */
final class SeccompMapper {
  private static final int EPERM = 1;
  private static final Set<String> AMD64_ARCHES =
      Set.of("SCMP_ARCH_X86_64", "SCMP_ARCH_X86", "SCMP_ARCH_X32");
  private static final Map<String, String> OPS =
      Map.of(
          "SCMP_CMP_NE", "SCMP_CMP_NE",
          "SCMP_CMP_LT", "SCMP_CMP_LT",
          "SCMP_CMP_LE", "SCMP_CMP_LE",
          "SCMP_CMP_EQ", "SCMP_CMP_EQ",
          "SCMP_CMP_GE", "SCMP_CMP_GE",
          "SCMP_CMP_GT", "SCMP_CMP_GT",
          "SCMP_CMP_MASKED_EQ", "SCMP_CMP_MASKED_EQ");
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private SeccompMapper() {}

  static void map(Translation t) {
    Optional<OciSeccomp> maybe = t.spec().linux().flatMap(l -> l.seccomp());
    if (maybe.isEmpty()) {
      return;
    }
    OciSeccomp s = maybe.get();
    String base = "$.linux.seccomp.";
    boolean ok = true;
    Optional<String> defaultAction = action(s.defaultAction(), s.defaultErrnoRet().orElse(EPERM));
    Translation.Field defaults = t.field(base + "defaultAction", s.defaultAction());
    if (defaultAction.isEmpty()) {
      defaults.refused(
          "LXC's seccomp supports allow, errno, kill and trap, not " + s.defaultAction());
      ok = false;
    }
    for (int i = 0; i < s.flags().size(); i++) {
      String flag = s.flags().get(i);
      Translation.Field field = t.field(base + "flags[" + i + "]", flag);
      if (flag.equals("SECCOMP_FILTER_FLAG_TSYNC")) {
        field.mapped("LXC loads the filter while the container process has one thread");
      } else {
        field.refused("LXC cannot set seccomp flag " + flag);
        ok = false;
      }
    }
    if (s.listenerPath().isPresent()) {
      t.field(base + "listenerPath", s.listenerPath())
          .refused("LXC forwards notifications to its own proxy protocol, not an OCI listener");
      ok = false;
    }
    s.listenerMetadata()
        .ifPresent(
            m -> t.field(base + "listenerMetadata", m).ignored("only used with listenerPath"));
    Translation.Field arches = t.field(base + "architectures", s.architectures());
    if (!AMD64_ARCHES.containsAll(s.architectures())) {
      arches.refused("pvekit writes profiles for x86-64 hosts (x86_64, x86, x32)");
      ok = false;
    } else if (s.architectures().containsAll(AMD64_ARCHES)) {
      arches.mapped("LXC filters x86_64, x86 and x32 system calls on this host");
    } else {
      arches.approximated(
          "LXC filters x86_64, x86 and x32 system calls alike; the default action also applies to"
              + " the ABIs not listed, where a bare filter would kill");
    }
    StringBuilder profile = new StringBuilder("2\n");
    boolean denylist = s.defaultAction().equals("SCMP_ACT_ALLOW");
    profile
        .append(denylist ? "denylist" : "allowlist " + defaultAction.orElse("kill"))
        .append('\n');
    for (int i = 0; i < s.syscalls().size(); i++) {
      ok &= rule(t, base + "syscalls[" + i + "]", s.syscalls().get(i), defaultAction, profile);
    }
    if (!ok) {
      return;
    }
    Path file = t.options().stateDirectory().resolve("seccomp.conf");
    t.sideFile(file, profile.toString());
    defaults
        .line("lxc.seccomp.profile", file)
        .mapped("profile written to " + file + " (LXC seccomp format 2)");
  }

  private static boolean rule(
      Translation t,
      String path,
      OciSyscall call,
      Optional<String> defaultAction,
      StringBuilder profile) {
    Translation.Field field = t.field(path, call);
    Optional<String> action = action(call.action(), call.errnoRet().orElse(EPERM));
    if (action.isEmpty()) {
      field.refused("LXC's seccomp supports allow, errno, kill and trap, not " + call.action());
      return false;
    }
    for (String name : call.names()) {
      if (!name.matches("[a-z0-9_]+")) {
        field.refused("not a system call name: \"" + name + "\"");
        return false;
      }
    }
    if (action.equals(defaultAction)) {
      field.mapped("same action as the default: no rule needed (libseccomp refuses one)");
      return true;
    }
    List<List<String>> conditionSets = new ArrayList<>();
    Set<Integer> indexes = new HashSet<>();
    boolean repeated = false;
    List<String> all = new ArrayList<>();
    for (OciSyscallArg arg : call.args()) {
      Optional<String> condition = condition(arg);
      if (condition.isEmpty()) {
        field.refused("argument condition not expressible: " + Values.display(arg));
        return false;
      }
      repeated |= !indexes.add(arg.index());
      all.add(condition.get());
    }
    if (repeated) {
      // runc adds one rule per condition when an argument index repeats; so does pvekit
      for (String condition : all) {
        conditionSets.add(List.of(condition));
      }
    } else {
      conditionSets.add(all);
    }
    for (String name : call.names()) {
      for (List<String> conditions : conditionSets) {
        profile.append(name).append(' ').append(action.get());
        for (String condition : conditions) {
          profile.append(' ').append(condition);
        }
        profile.append('\n');
      }
    }
    if (call.names().isEmpty()) {
      field.mapped("no system call names: no rule");
    } else if (repeated) {
      field.approximated("an argument index repeats: one rule per condition, as runc does");
    } else {
      field.mapped("in the seccomp profile");
    }
    return true;
  }

  private static Optional<String> condition(OciSyscallArg arg) {
    String op = OPS.get(arg.op());
    if (op == null || arg.index() < 0 || arg.index() > 5 || !uint64(arg.value())) {
      return Optional.empty();
    }
    if (op.equals("SCMP_CMP_MASKED_EQ")) {
      // OCI: value is the mask, valueTwo the datum; LXC: [index,datum,op,mask]
      BigInteger datum = arg.valueTwo().orElse(BigInteger.ZERO);
      if (!uint64(datum)) {
        return Optional.empty();
      }
      return Optional.of("[" + arg.index() + "," + datum + "," + op + "," + arg.value() + "]");
    }
    return Optional.of("[" + arg.index() + "," + arg.value() + "," + op + "]");
  }

  private static boolean uint64(BigInteger value) {
    return value.signum() >= 0 && value.compareTo(UINT64_MAX) <= 0;
  }

  private static Optional<String> action(String action, int errno) {
    switch (action) {
      case "SCMP_ACT_ALLOW":
        return Optional.of("allow");
      case "SCMP_ACT_ERRNO":
        return Optional.of("errno " + errno);
      case "SCMP_ACT_KILL":
      case "SCMP_ACT_KILL_THREAD":
        return Optional.of("kill");
      case "SCMP_ACT_TRAP":
        return Optional.of("trap");
      default:
        return Optional.empty();
    }
  }
}
