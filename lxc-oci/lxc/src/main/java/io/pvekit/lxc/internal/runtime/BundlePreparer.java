package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.Explanation;
import io.pvekit.lxc.LxcConfig;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.LxcTranslator;
import io.pvekit.lxc.TranslationOptions;
import io.pvekit.lxc.UnsupportedOciFeatureException;
import io.pvekit.lxc.internal.translate.CapabilityMapper;
import io.pvekit.lxc.internal.translate.MiscMapper;
import io.pvekit.oci.OciHook;
import io.pvekit.oci.OciHooks;
import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Reads a bundle's config.json and translates it (part 1's {@link LxcTranslator}). */
public final class BundlePreparer implements LocalLxcEngine.Preparer {
  private static final System.Logger LOG = System.getLogger(BundlePreparer.class.getName());

  /** Where the init helper appears in the container (its /dev is LXC's tmpfs). */
  static final String INIT_HELPER = MiscMapper.INIT_HELPER;

  private final String id;
  private final Path bundle;
  private final List<String> hookRunner;
  private final Optional<Path> initHelper;

  /**
   * @param id the container id, also the LXC name
   * @param bundle the bundle directory
   * @param hookRunner argv prefix LXC hooks use to run OCI hooks (empty: specs with
   *     prestart/createRuntime/createContainer hooks are refused)
   */
  public BundlePreparer(String id, Path bundle, List<String> hookRunner) {
    this(id, bundle, hookRunner, Optional.empty());
  }

  /**
   * @param initHelper the static helper (src/main/c/init.c) that checks the working directory from
   *     inside the container and gives a process with {@code process.terminal} its controlling
   *     terminal; without it, terminal specs are refused
   */
  public BundlePreparer(
      String id, Path bundle, List<String> hookRunner, Optional<Path> initHelper) {
    this.id = id;
    this.bundle = bundle.toAbsolutePath();
    this.hookRunner = List.copyOf(hookRunner);
    this.initHelper = initHelper;
  }

  @Override
  public PreparedContainer prepare(Path stateDir) throws IOException {
    Path configJson = bundle.resolve("config.json");
    if (!Files.isRegularFile(configJson)) {
      throw new LxcRuntimeException(
          id, "bundle " + bundle + " has no config.json (create it with `proxmox-lxcri spec`)");
    }
    OciSpec spec = OciSpec.read(configJson);
    boolean terminal = spec.process().map(OciProcess::terminal).orElse(false);
    Optional<Path> helper = initHelper.filter(Files::isExecutable);
    if (helper.map(p -> p.toString().matches(".*\\s.*")).orElse(false)) {
      throw new LxcRuntimeException(
          id,
          "the init helper's path has a blank, which an LXC mount entry cannot carry: "
              + helper.get());
    }
    if (terminal && helper.isEmpty()) {
      throw new LxcRuntimeException(
          id,
          "process.terminal is true, which needs proxmox-lxcri-init next to the jar (built by"
              + " ./mvnw package where gcc and libc6-dev are installed): run without a tty (ctr run"
              + " without -t, Kubernetes tty: false), or install the helper");
    }
    TranslationOptions options =
        TranslationOptions.builder()
            .bundle(bundle)
            .containerName(id)
            .stateDirectory(stateDir)
            .logFile(stateDir.resolve(ContainerDir.LOG))
            .logLevel("INFO")
            .hookRunner(hookRunner)
            .initHelperBinary(helper.map(Path::toAbsolutePath))
            .runtimeStartHost(
                "/bin/sh "
                    + Scripts.shellQuote(stateDir.resolve(ContainerDir.START_HOST).toString()))
            .build();
    Explanation explanation = LxcTranslator.explain(spec, options);
    LxcConfig config =
        explanation
            .config()
            .orElseThrow(() -> new UnsupportedOciFeatureException(explanation.refused()));
    warnAboutDifferences(id, explanation);
    for (Map.Entry<Path, String> side : config.sideFiles().entrySet()) {
      Files.createDirectories(side.getKey().toAbsolutePath().getParent());
      Files.writeString(side.getKey(), side.getValue());
    }
    config.createMountPoints();
    String rendered = config.render();
    List<String> args = spec.process().map(OciProcess::args).orElse(List.of());
    boolean autodev = config.values("lxc.autodev").contains("1");
    if (terminal && !autodev) {
      throw new LxcRuntimeException(
          id,
          "process.terminal is true, which needs a tmpfs mounted at /dev (as runc spec and"
              + " containerd write it): the init helper is bound into it");
    }
    Optional<Long> umask =
        spec.process()
            .flatMap(
                p ->
                    p.user().umask().isPresent()
                        ? Optional.of(p.user().umask().getAsLong())
                        : Optional.empty());
    boolean umaskByHelper =
        explanation
            .mappingOf("$.process.user.umask")
            .map(m -> m.outcome() == Explanation.Outcome.RUNTIME)
            .orElse(false);
    if (umaskByHelper && !autodev) {
      throw new LxcRuntimeException(
          id,
          "process.user.umask 0"
              + Long.toOctalString(umask.orElse(0L))
              + " is set by proxmox-lxcri-init, which needs a tmpfs mounted at /dev (as runc spec"
              + " and containerd write it); mount one, or ask for umask 0022");
    }
    boolean ambientByHelper =
        explanation
            .mappingOf("$.process.capabilities.ambient")
            .map(m -> m.outcome() == Explanation.Outcome.RUNTIME)
            .orElse(false);
    if (ambientByHelper && !autodev) {
      throw new LxcRuntimeException(
          id,
          "process.capabilities.ambient for a non-root user is raised by proxmox-lxcri-init, which"
              + " needs a tmpfs mounted at /dev (as runc spec and containerd write it); mount one");
    }
    if (helper.isPresent() && autodev) {
      List<String> user = new ArrayList<>();
      if (ambientByHelper) {
        user.addAll(userSwitch(spec.process().orElseThrow()));
      }
      args =
          wrap(
              args,
              config.values("lxc.init.cwd"),
              terminal,
              umaskByHelper ? umask : Optional.empty(),
              user);
    }
    return new PreparedContainer(
        rendered, args, runtimeHooks(spec), spec.annotations(), spec.ociVersion(), terminal);
  }

  /**
   * The process's argv behind the init helper: it checks that the process starts in the working
   * directory the translator resolved, takes the terminal if asked, and execs the process.
   */
  private static List<String> wrap(
      List<String> args,
      List<String> cwd,
      boolean terminal,
      Optional<Long> umask,
      List<String> userSwitch) {
    List<String> wrapped = new ArrayList<>(List.of(INIT_HELPER));
    if (terminal) {
      wrapped.add("-t");
    }
    umask.ifPresent(
        mask -> {
          wrapped.add("-m");
          wrapped.add("0" + Long.toOctalString(mask));
        });
    wrapped.addAll(userSwitch);
    wrapped.add("-c");
    wrapped.add(cwd.isEmpty() ? "/" : cwd.get(cwd.size() - 1));
    wrapped.add("--");
    wrapped.addAll(args);
    return wrapped;
  }

  /** The helper's -u/-g/-G/-a: the user it switches to and the ambient capabilities it raises. */
  private static List<String> userSwitch(OciProcess process) {
    List<String> out = new ArrayList<>();
    out.add("-u");
    out.add(Long.toString(process.user().uid()));
    out.add("-g");
    out.add(Long.toString(process.user().gid()));
    if (!process.user().additionalGids().isEmpty()) {
      out.add("-G");
      out.add(
          process.user().additionalGids().stream()
              .map(String::valueOf)
              .collect(java.util.stream.Collectors.joining(",")));
    }
    out.add("-b");
    out.add(
        Long.toHexString(
            CapabilityMapper.mask(
                process.capabilities().map(c -> c.bounding()).orElse(List.of()))));
    out.add("-a");
    out.add(
        Long.toHexString(
            CapabilityMapper.mask(process.capabilities().map(c -> c.ambient()).orElse(List.of()))));
    return out;
  }

  /**
   * A field this runtime ignores goes to the log as a warning, so that nobody learns of it from a
   * misbehaving container; an approximation (which {@code explain} states) goes there at debug
   * level, since most configs have a few (LXC's own /dev, {@code container=lxc}).
   */
  private static void warnAboutDifferences(String id, Explanation explanation) {
    for (Explanation.FieldMapping m : explanation.mappings()) {
      System.Logger.Level level =
          switch (m.outcome()) {
            case IGNORED -> System.Logger.Level.WARNING;
            case APPROXIMATED -> System.Logger.Level.DEBUG;
            default -> null;
          };
      if (level != null && LOG.isLoggable(level)) {
        LOG.log(
            level,
            "container {0}: {1} {2}: {3}",
            id,
            m.field(),
            m.outcome().name().toLowerCase(Locale.ROOT),
            m.note());
      }
    }
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
