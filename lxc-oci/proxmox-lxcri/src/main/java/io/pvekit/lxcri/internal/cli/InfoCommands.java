package io.pvekit.lxcri.internal.cli;

import io.pvekit.lxc.LxcTranslator;
import io.pvekit.lxc.TranslationOptions;
import io.pvekit.lxc.internal.runtime.BundlePreparer;
import io.pvekit.lxc.internal.runtime.HookRunner;
import io.pvekit.lxc.internal.runtime.Json;
import io.pvekit.oci.OciHook;
import io.pvekit.oci.OciHooks;
import io.pvekit.oci.OciSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** spec, explain and hook (the OCI hook runner LXC hooks call). */
final class InfoCommands {
  private InfoCommands() {}

  /** A config.json template like runc spec's, with a busybox-friendly shell that exits. */
  static int spec(List<String> argv, Context ctx) {
    Args args =
        Args.parse(argv, Set.of("bundle"), Set.of("rootless"), Map.of("b", "bundle"), false);
    Path file = Path.of(args.value("bundle", ".")).resolve("config.json");
    if (Files.exists(file)) {
      throw new UsageException("File " + file + " exists. Remove it first");
    }
    String json =
        "{\n  \"ociVersion\": \""
            + Main.SPEC_VERSION
            + "\",\n"
            + "  \"process\": {\n    \"terminal\": false,\n    \"user\": {\"uid\": 0, \"gid\": 0},\n"
            + "    \"args\": [\"sh\"],\n"
            + "    \"env\": [\""
            + ExecCommand.DEFAULT_PATH
            + "\", \"TERM=xterm\"],\n"
            + "    \"cwd\": \"/\",\n    \"noNewPrivileges\": true\n  },\n"
            + "  \"root\": {\"path\": \"rootfs\", \"readonly\": true},\n"
            + "  \"hostname\": \"proxmox-lxcri\",\n"
            + "  \"mounts\": [\n"
            + "    {\"destination\": \"/proc\", \"type\": \"proc\", \"source\": \"proc\"},\n"
            + "    {\"destination\": \"/dev\", \"type\": \"tmpfs\", \"source\": \"tmpfs\","
            + " \"options\": [\"nosuid\", \"strictatime\", \"mode=755\", \"size=65536k\"]},\n"
            + "    {\"destination\": \"/sys\", \"type\": \"sysfs\", \"source\": \"sysfs\","
            + " \"options\": [\"nosuid\", \"noexec\", \"nodev\", \"ro\"]}\n  ],\n"
            + "  \"linux\": {\n    \"namespaces\": [{\"type\": \"pid\"}, {\"type\": \"network\"},"
            + " {\"type\": \"ipc\"}, {\"type\": \"uts\"}, {\"type\": \"mount\"}],\n"
            + "    \"maskedPaths\": [\"/proc/kcore\", \"/proc/keys\", \"/proc/timer_list\"],\n"
            + "    \"readonlyPaths\": [\"/proc/bus\", \"/proc/fs\", \"/proc/irq\", \"/proc/sys\","
            + " \"/proc/sysrq-trigger\"]\n  }\n}\n";
    try {
      Files.writeString(file, json);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return 0;
  }

  static int explain(List<String> argv, Context ctx) {
    Args args = Args.parse(argv, Set.of(), Set.of(), Map.of(), false);
    if (args.positional().isEmpty()) {
      throw new UsageException("explain needs a bundle directory");
    }
    Path bundle = Path.of(args.positional().get(0)).toAbsolutePath();
    OciSpec spec = read(bundle);
    TranslationOptions options =
        TranslationOptions.builder()
            .bundle(bundle)
            .containerName("explain")
            .stateDirectory(ctx.root.resolve("explain"))
            .hookRunner(List.of("proxmox-lxcri", "--root", ctx.root.toString(), "hook"))
            .build();
    ctx.out.print(LxcTranslator.explain(spec, options).render());
    return 0;
  }

  /**
   * Runs the bundle's hooks of one phase with the OCI state on stdin. LXC's hooks call this
   * (lxc.hook.start-host for prestart/createRuntime, lxc.hook.mount for createContainer) with the
   * container name and init PID in LXC_NAME and LXC_PID.
   */
  static int hook(List<String> argv, Context ctx) {
    Args args = Args.parse(argv, Set.of(), Set.of(), Map.of(), false);
    if (args.positional().size() < 2) {
      throw new UsageException("hook needs PHASE BUNDLE");
    }
    String phase = args.positional().get(0);
    Path bundle = Path.of(args.positional().get(1)).toAbsolutePath();
    OciSpec spec = read(bundle);
    List<OciHook> hooks = spec.hooks().map(h -> phaseHooks(h, phase)).orElse(List.of());
    String id = ctx.env.getOrDefault("LXC_NAME", "");
    String state =
        "{\"ociVersion\":"
            + Json.quote(spec.ociVersion())
            + ",\"id\":"
            + Json.quote(id)
            + ",\"status\":\"creating\",\"pid\":"
            + ctx.env.getOrDefault("LXC_PID", "0")
            + ",\"bundle\":"
            + Json.quote(bundle.toString())
            + ",\"annotations\":"
            + Json.object(spec.annotations())
            + "}";
    HookRunner.run(id, phase, BundlePreparer.commands(hooks), state);
    return 0;
  }

  private static List<OciHook> phaseHooks(OciHooks hooks, String phase) {
    switch (phase) {
      case "prestart":
        return hooks.prestart();
      case "createRuntime":
        return hooks.createRuntime();
      case "createContainer":
        return hooks.createContainer();
      case "startContainer":
        return hooks.startContainer();
      case "poststart":
        return hooks.poststart();
      case "poststop":
        return hooks.poststop();
      default:
        throw new UsageException("unknown hook phase \"" + phase + "\"");
    }
  }

  private static OciSpec read(Path bundle) {
    try {
      return OciSpec.read(bundle.resolve("config.json"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + bundle.resolve("config.json"), e);
    }
  }
}
