package io.pvekit.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pvekit check}: Integrity checks of the whole platform. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = "Integrity checks of the whole platform.")
final class CheckCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
