package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.LxcConfig;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.LxcTranslator;
import io.pvekit.lxc.OciHook;
import io.pvekit.lxc.OciHooks;
import io.pvekit.lxc.OciProcess;
import io.pvekit.lxc.OciSpec;
import io.pvekit.lxc.TranslationOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a bundle's config.json and translates it (part 1's {@link LxcTranslator}). */
public final class BundlePreparer implements LocalLxcEngine.Preparer {
  private final String id;
  private final Path bundle;
  private final List<String> hookRunner;

  /**
   * @param id the container id, also the LXC name
   * @param bundle the bundle directory
   * @param hookRunner argv prefix LXC hooks use to run OCI hooks (empty: specs with
   *     prestart/createRuntime/createContainer hooks are refused)
   */
  public BundlePreparer(String id, Path bundle, List<String> hookRunner) {
    this.id = id;
    this.bundle = bundle.toAbsolutePath();
    this.hookRunner = List.copyOf(hookRunner);
  }

  @Override
  public PreparedContainer prepare(Path stateDir) throws IOException {
    Path configJson = bundle.resolve("config.json");
    if (!Files.isRegularFile(configJson)) {
      throw new LxcRuntimeException(
          id, "bundle " + bundle + " has no config.json (create it with `proxmox-lxcri spec`)");
    }
    OciSpec spec = OciSpec.read(configJson);
    if (spec.process().map(OciProcess::terminal).orElse(false)) {
      throw new LxcRuntimeException(
          id,
          "process.terminal is true, which proxmox-lxcri does not support yet for a container's"
              + " own process: run it without a tty (ctr run without -t, Kubernetes tty: false)"
              + " and use exec with a terminal (kubectl exec -it, ctr task exec -t)");
    }
    TranslationOptions options =
        TranslationOptions.builder()
            .bundle(bundle)
            .containerName(id)
            .stateDirectory(stateDir)
            .logFile(stateDir.resolve(ContainerDir.LOG))
            .logLevel("INFO")
            .hookRunner(hookRunner)
            .build();
    LxcConfig config = LxcTranslator.translate(spec, options);
    for (Map.Entry<Path, String> side : config.sideFiles().entrySet()) {
      Files.createDirectories(side.getKey().toAbsolutePath().getParent());
      Files.writeString(side.getKey(), side.getValue());
    }
    config.createMountPoints();
    return new PreparedContainer(
        config.render(),
        spec.process().map(OciProcess::args).orElse(List.of()),
        runtimeHooks(spec),
        spec.annotations(),
        spec.ociVersion());
  }

  /** The phases liblxc has no moment for, which the runtime runs itself. */
  private static Map<String, List<HookCommand>> runtimeHooks(OciSpec spec) {
    Map<String, List<HookCommand>> hooks = new LinkedHashMap<>();
    if (spec.hooks().isEmpty()) {
      return hooks;
    }
    OciHooks all = spec.hooks().get();
    put(hooks, "startContainer", all.startContainer());
    put(hooks, "poststart", all.poststart());
    put(hooks, "poststop", all.poststop());
    return hooks;
  }

  private static void put(Map<String, List<HookCommand>> hooks, String phase, List<OciHook> list) {
    if (!list.isEmpty()) {
      hooks.put(phase, commands(list));
    }
  }

  /** OCI hooks as the runtime's hook commands. */
  public static List<HookCommand> commands(List<OciHook> hooks) {
    List<HookCommand> commands = new ArrayList<>();
    for (OciHook hook : hooks) {
      commands.add(new HookCommand(hook.path(), hook.args(), hook.env(), hook.timeout().orElse(0)));
    }
    return commands;
  }
}
