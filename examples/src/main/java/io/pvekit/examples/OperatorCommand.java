package io.pvekit.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pvekit operator}: the example operator that embeds pvekit. */
@Command(
    name = "operator",
    mixinStandardHelpOptions = true,
    description = "The example Kubernetes operator that embeds pvekit.")
final class OperatorCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
