package io.pvekit.examples;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code pvekit tenant}: Tenant Kubernetes clusters on Proxmox VE (Cluster API, CAPMOX, Kamaji).
 */
@Command(
    name = "tenant",
    mixinStandardHelpOptions = true,
    description = "Tenant Kubernetes clusters on Proxmox VE (Cluster API, CAPMOX, Kamaji).",
    subcommands = {
      TenantRenderCommand.class,
      TenantLifecycleCommands.Apply.class,
      TenantLifecycleCommands.Status.class,
      TenantLifecycleCommands.Scale.class,
      TenantLifecycleCommands.Upgrade.class,
      TenantLifecycleCommands.Delete.class
    })
final class TenantCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
