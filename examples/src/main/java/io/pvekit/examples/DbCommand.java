package io.pvekit.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pvekit db}: Databases with a runtime choice: plan and render pod, LXC or VM deployments.
 */
@Command(
    name = "db",
    mixinStandardHelpOptions = true,
    description = "Databases with a runtime choice: plan and render pod, LXC or VM deployments.")
final class DbCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
