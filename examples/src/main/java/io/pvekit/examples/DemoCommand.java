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
            + " checks.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("== pvekit demo ==");
    new ProxmoxDemo(out).run();
    new LxcDemo(out).run();
    new TenantDemo(out).run();
    new DatabaseDemo(out).run();
    new ChecksDemo(out).run();
    out.println("demo finished");
    return 0;
  }
}
