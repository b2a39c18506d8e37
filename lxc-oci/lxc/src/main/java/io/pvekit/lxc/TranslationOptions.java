package io.pvekit.lxc;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What {@link LxcTranslator} needs beyond the {@code config.json}: where the bundle is, the
 * container's name, the host's cgroup layout and where runtime files go.
 */
@Value.Immutable
public interface TranslationOptions {
  /** The bundle directory: {@code root.path} and relative mount sources resolve against it. */
  Path bundle();

  /** The LXC container name, usually the OCI container id. */
  String containerName();

  /**
   * The host's cgroup layout, which decides between {@code lxc.cgroup.*} and {@code lxc.cgroup2.*}.
   * Defaults to {@link CgroupLayout#detect()}.
   */
  @Value.Default
  default CgroupLayout cgroupLayout() {
    return CgroupLayout.detect();
  }

  /**
   * A directory for files the configuration refers to (the seccomp profile); {@code
   * /run/pvekit/lxc/<containerName>} unless set. {@link LxcConfig#write(Path)} creates it.
   */
  @Value.Default
  default Path stateDirectory() {
    return Path.of("/run/pvekit/lxc", containerName());
  }

  /** The LXC log file ({@code lxc.log.file}). */
  Optional<Path> logFile();

  /** The LXC log level ({@code lxc.log.level}), for example {@code INFO} or {@code DEBUG}. */
  Optional<String> logLevel();

  /**
   * The command LXC hooks run to execute OCI hooks, as an argv prefix, for example {@code
   * ["/usr/bin/proxmox-lxcri", "hook"]}. LXC appends nothing useful on stdin, so this runner gets
   * {@code <phase> <bundle>} as its last two arguments, reads the hooks of that phase from the
   * bundle's {@code config.json}, and runs each with the OCI state on its standard input (see the
   * module README, "Hooks"). Without it, a spec with hooks is refused.
   */
  List<String> hookRunner();

  /**
   * Whether the runtime starts the process through {@code proxmox-lxcri-init} (src/main/c/init.c),
   * which sets what LXC has no key for ({@code process.user.umask}) before it execs the process.
   * False by default: a translation alone cannot know that the helper will be there.
   */
  @Value.Default
  default boolean initHelper() {
    return initHelperBinary().isPresent();
  }

  /**
   * The host path of {@code proxmox-lxcri-init}: with a tmpfs at /dev the translator binds it into
   * the container at {@code /dev/.proxmox-lxcri-init} (read-only), where the runtime starts it in
   * front of the process. Implies {@link #initHelper()}.
   */
  Optional<Path> initHelperBinary();

  /**
   * A command for LXC's start-host hook that the runtime needs for itself (proxmox-lxcri records
   * the container's init with it), written after every other hook.
   */
  Optional<String> runtimeStartHost();

  /**
   * The host's root, where host paths (bind sources, masked paths, device nodes) are looked up.
   * {@code /} except in tests.
   */
  @Value.Default
  default Path hostRoot() {
    return Path.of("/");
  }

  /** Checks the values that would produce a broken configuration. */
  @Value.Check
  default void check() {
    if (!containerName().matches("[A-Za-z0-9][A-Za-z0-9_.\\-]{0,127}")) {
      throw new IllegalArgumentException(
          "containerName \""
              + containerName()
              + "\": use letters, digits, '_', '.', '-' (at most 128, not starting with a symbol)");
    }
    for (String part : hookRunner()) {
      if (part.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("hookRunner: an argument contains a line break");
      }
    }
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds {@link TranslationOptions}. */
  final class Builder extends ImmutableTranslationOptions.Builder {}
}
