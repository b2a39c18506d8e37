package io.pvekit.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code pvekit webhook}: The runtime-selector admission webhook. */
@Command(
    name = "webhook",
    mixinStandardHelpOptions = true,
    description = "The runtime-selector admission webhook.")
final class WebhookCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
