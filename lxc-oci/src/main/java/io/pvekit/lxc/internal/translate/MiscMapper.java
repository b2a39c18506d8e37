package io.pvekit.lxc.internal.translate;

import io.pvekit.lxc.OciLinux;
import java.util.Map;
import java.util.Optional;

/** Version, annotations, sysctl, personality, Intel RDT, unknown properties, logging. */
final class MiscMapper {
  private MiscMapper() {}

  static void header(Translation t) {
    t.field("$.ociVersion", t.spec().ociVersion())
        .mapped("read as runtime-spec " + t.spec().ociVersion());
    t.options()
        .logFile()
        .ifPresent(
            f -> t.field("(options) logFile", f.toString()).line("lxc.log.file", f).mapped());
    t.options()
        .logLevel()
        .ifPresent(l -> t.field("(options) logLevel", l).line("lxc.log.level", l).mapped());
  }

  static void map(Translation t) {
    OciLinux linux = t.spec().linux().orElse(OciLinux.builder().build());
    for (Map.Entry<String, String> sysctl : linux.sysctl().entrySet()) {
      Translation.Field field =
          t.field("$.linux.sysctl['" + sysctl.getKey() + "']", sysctl.getValue());
      Optional<String> name = Sysctls.normalize(sysctl.getKey());
      if (name.isEmpty()) {
        field.refused("not a kernel parameter name");
        continue;
      }
      Optional<String> problem = Sysctls.problem(name.get(), linux);
      if (problem.isPresent()) {
        field.refused(name.get() + " is " + problem.get());
      } else {
        field.line("lxc.sysctl." + name.get(), sysctl.getValue()).mapped();
      }
    }
    linux
        .personality()
        .ifPresent(
            p -> {
              Translation.Field field = t.field("$.linux.personality", p);
              if (p.domain().equals("LINUX") && p.flags().isEmpty()) {
                field.mapped("LINUX without flags is the default execution domain");
              } else {
                field.refused(
                    "LXC has no personality setting except lxc.arch, which pvekit keeps native");
              }
            });
    linux
        .intelRdt()
        .ifPresent(
            rdt ->
                t.field("$.linux.intelRdt", rdt).refused("LXC has no Intel RDT (resctrl) support"));
    if (!t.spec().annotations().isEmpty()) {
      t.field("$.annotations", t.spec().annotations().size() + " annotations")
          .runtime(
              "metadata: the runtime reports them in the container state and passes them to hooks");
    }
    for (String unknown : t.spec().ignoredFields()) {
      t.field(unknown, null)
          .ignored("not a runtime-spec 1.2 property; ignored as the spec requires");
    }
  }
}
