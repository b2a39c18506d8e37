package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.OciHook;
import io.pvekit.oci.OciHooks;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code hooks}. LXC runs hooks through {@code sh -c "exec ..."} without the OCI state on stdin, so
 * pvekit points the LXC hooks at a runner ({@code TranslationOptions.hookRunner}) that reads the
 * phase's hooks from the bundle and runs each with the state on its standard input. Phases LXC has
 * no moment for are the runtime's to run.
 */
final class HookMapper {
  private HookMapper() {}

  static void map(Translation t) {
    Optional<OciHooks> maybe = t.spec().hooks();
    if (maybe.isEmpty()) {
      return;
    }
    OciHooks hooks = maybe.get();
    lxcHook(
        t,
        "prestart",
        hooks.prestart(),
        "lxc.hook.start-host",
        "host namespaces, before the container's init starts (deprecated phase)");
    lxcHook(
        t,
        "createRuntime",
        hooks.createRuntime(),
        "lxc.hook.start-host",
        "host namespaces, container namespaces exist, before the init starts");
    lxcHook(
        t,
        "createContainer",
        hooks.createContainer(),
        "lxc.hook.mount",
        "container mount namespace after the mounts, before pivot_root; host paths still visible");
    runtimeHook(
        t,
        "startContainer",
        hooks.startContainer(),
        "the runtime runs them in the container (attach) on `start`, before the process is released");
    runtimeHook(t, "poststart", hooks.poststart(), "the runtime runs them after `start` returns");
    runtimeHook(t, "poststop", hooks.poststop(), "the runtime runs them in `delete`");
  }

  private static void lxcHook(
      Translation t, String phase, List<OciHook> hooks, String key, String when) {
    if (hooks.isEmpty() || !valid(t, phase, hooks)) {
      return;
    }
    Translation.Field field = t.field("$.hooks." + phase, hooks.size() + " hooks");
    if (t.options().hookRunner().isEmpty()) {
      field.refused(
          "LXC hooks get no OCI state on stdin; set TranslationOptions.hookRunner to a runner");
      return;
    }
    List<String> command = new ArrayList<>(t.options().hookRunner());
    command.add(phase);
    command.add(t.options().bundle().toAbsolutePath().toString());
    StringBuilder line = new StringBuilder();
    for (String word : command) {
      line.append(line.length() == 0 ? "" : " ").append(shellQuote(word));
    }
    if (t.firstTime("lxc.hook.version")) {
      field.line("lxc.hook.version", 1);
    }
    field.line(key, line).mapped("run by the hook runner: " + when);
  }

  private static void runtimeHook(Translation t, String phase, List<OciHook> hooks, String note) {
    if (!hooks.isEmpty() && valid(t, phase, hooks)) {
      t.field("$.hooks." + phase, hooks.size() + " hooks").runtime(note);
    }
  }

  private static boolean valid(Translation t, String phase, List<OciHook> hooks) {
    boolean ok = true;
    for (int i = 0; i < hooks.size(); i++) {
      OciHook hook = hooks.get(i);
      String path = "$.hooks." + phase + "[" + i + "]";
      if (!hook.path().startsWith("/")) {
        t.field(path + ".path", hook.path()).refused("a hook path must be absolute");
        ok = false;
      }
      if (hook.timeout().isPresent() && hook.timeout().getAsInt() <= 0) {
        t.field(path + ".timeout", hook.timeout()).refused("a timeout must be positive");
        ok = false;
      }
    }
    return ok;
  }

  /** POSIX shell single quotes: everything literal, a quote written as '\''. */
  static String shellQuote(String word) {
    if (word.matches("[A-Za-z0-9_./:=@%+-]+")) {
      return word;
    }
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
