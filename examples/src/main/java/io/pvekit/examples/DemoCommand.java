package io.pvekit.examples;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Walks through what pvekit does, end to end, on this machine. */
@Command(
    name = "demo",
    description =
        "Run the pvekit demo: the typed client against an in-process Proxmox simulator, OCI to LXC"
            + " translation (and a real LXC container when run as root), a tenant cluster and its"
            + " worker VMs, runtime decisions for seven databases, and the Proxmox integrity"
            + " checks. With PVEKIT_PROXMOX_URL and PVEKIT_PROXMOX_TOKEN (USER@REALM!NAME=SECRET) set,"
            + " the Proxmox parts run against that Proxmox VE instead (PVEKIT_PROXMOX_FINGERPRINT,"
            + " PVEKIT_PROXMOX_NODE and PVEKIT_PROXMOX_TEMPLATE, default 9000, are optional).")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("== pvekit demo ==");
    try (DemoProxmox pve = DemoProxmox.fromEnvironment(System.getenv())) {
      new ProxmoxDemo(out, pve).run();
      new LxcDemo(out).run();
      new TenantDemo(out, pve).run();
      new DatabaseDemo(out).run();
      new ChecksDemo(out, pve).run();
    }
    out.println("demo finished");
    return 0;
  }
}
