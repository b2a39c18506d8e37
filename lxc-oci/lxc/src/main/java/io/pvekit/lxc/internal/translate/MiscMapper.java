package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciLinux;
import java.util.Map;
import java.util.Optional;

/** Version, annotations, sysctl, personality, Intel RDT, unknown properties, logging. */
public final class MiscMapper {
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

  /** Where the runtime's init helper appears in the container (in LXC's /dev tmpfs). */
  public static final String INIT_HELPER = "/dev/.proxmox-lxcri-init";

  /**
   * The lines the runtime itself needs, last: the init helper's bind mount (only into LXC's own
   * /dev tmpfs, which nothing of the image can prepare) and the runtime's start-host hook.
   */
  static void runtime(Translation t) {
    t.options()
        .initHelperBinary()
        .ifPresent(
            helper -> {
              Translation.Field field = t.field("(options) initHelperBinary", helper.toString());
              if (t.written("lxc.autodev")) {
                field
                    .line(
                        "lxc.mount.entry",
                        MountMapper.fstab(
                            helper.toAbsolutePath().toString(),
                            INIT_HELPER.substring(1),
                            "none",
                            java.util.List.of("bind", "ro", "create=file")))
                    .mapped("bound into LXC's /dev tmpfs, where the runtime starts it");
              } else {
                field.mapped(
                    "not bound: no tmpfs at /dev, so the runtime starts the process alone");
              }
            });
    t.options()
        .runtimeStartHost()
        .ifPresent(
            command ->
                t.field("(options) runtimeStartHost", command)
                    .line("lxc.hook.start-host", command)
                    .mapped("the runtime's own hook, after the others"));
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
