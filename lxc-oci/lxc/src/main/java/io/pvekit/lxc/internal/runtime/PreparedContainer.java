package io.pvekit.lxc.internal.runtime;

import java.util.List;
import java.util.Map;

/**
 * Everything create needs from a bundle, already translated: the LXC configuration (from the OCI
 * translator), the user process's argv (passed to lxc-start verbatim, because {@code lxc.init.cmd}
 * splits on blanks and cannot carry an argument with a space), hooks and annotations.
 *
 * @param lxcConfig LXC configuration text; the runtime appends its own keys after it
 * @param args the user process's argv
 * @param hooks the OCI hooks the runtime runs itself, by phase (startContainer, poststart,
 *     poststop); the earlier phases are LXC hooks in the configuration
 * @param annotations config.json annotations
 * @param ociVersion config.json's ociVersion
 * @param terminal whether the process gets the container's console as its terminal
 */
public record PreparedContainer(
    String lxcConfig,
    List<String> args,
    Map<String, List<HookCommand>> hooks,
    Map<String, String> annotations,
    String ociVersion,
    boolean terminal) {
  /** Without a terminal. */
  public PreparedContainer(
      String lxcConfig,
      List<String> args,
      Map<String, List<HookCommand>> hooks,
      Map<String, String> annotations,
      String ociVersion) {
    this(lxcConfig, args, hooks, annotations, ociVersion, false);
  }

  public PreparedContainer {
    args = List.copyOf(args);
    hooks = Map.copyOf(hooks);
    annotations = Map.copyOf(annotations);
    if (args.isEmpty()) {
      throw new IllegalArgumentException("process.args must not be empty");
    }
  }
}
