package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.LxcRuntimeException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs OCI hooks: each gets the container's state JSON on stdin, as the runtime spec says. */
public final class HookRunner {
  /** The OCI hook stages, in lifecycle order. */
  static final List<String> STAGES =
      List.of(
          "prestart",
          "createRuntime",
          "createContainer",
          "startContainer",
          "poststart",
          "poststop");

  private HookRunner() {}

  /**
   * Runs the hooks in order and stops at the first failure.
   *
   * @throws LxcRuntimeException naming the stage, the hook and its exit code or timeout
   */
  public static void run(
      String containerId, String stage, List<HookCommand> hooks, String stateJson) {
    run(containerId, stage, hooks, stateJson, List.of());
  }

  /**
   * Runs the hooks with a command prefix, e.g. nsenter into the container's namespaces for
   * startContainer hooks.
   */
  static void run(
      String containerId,
      String stage,
      List<HookCommand> hooks,
      String stateJson,
      List<String> prefix) {
    for (HookCommand hook : hooks) {
      List<String> command = new ArrayList<>(prefix);
      command.add(hook.path());
      if (hook.args().size() > 1) {
        command.addAll(hook.args().subList(1, hook.args().size()));
      }
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().clear();
      for (String entry : hook.env()) {
        int eq = entry.indexOf('=');
        if (eq > 0) {
          builder.environment().put(entry.substring(0, eq), entry.substring(eq + 1));
        }
      }
      builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
      builder.redirectError(ProcessBuilder.Redirect.INHERIT);
      try {
        Process process = builder.start();
        try (OutputStream stdin = process.getOutputStream()) {
          stdin.write(stateJson.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          // a hook that does not read its stdin closes the pipe early: not a failure
        }
        boolean done =
            hook.timeoutSeconds() > 0
                ? process.waitFor(hook.timeoutSeconds(), TimeUnit.SECONDS)
                : process.waitFor() >= 0;
        if (!done) {
          process.destroyForcibly().waitFor();
          throw new LxcRuntimeException(
              containerId,
              stage + " hook " + hook.path() + " timed out after " + hook.timeoutSeconds() + "s");
        }
        if (process.exitValue() != 0) {
          throw new LxcRuntimeException(
              containerId,
              stage + " hook " + hook.path() + " failed with exit code " + process.exitValue());
        }
      } catch (IOException e) {
        throw new LxcRuntimeException(
            containerId,
            stage + " hook " + hook.path() + " cannot run: " + e.getMessage(),
            List.of(),
            e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new LxcRuntimeException(containerId, stage + " hook interrupted");
      }
    }
  }
}
