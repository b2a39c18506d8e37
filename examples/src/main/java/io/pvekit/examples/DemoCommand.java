package io.pvekit.examples;

import io.pvekit.capi.ResourceKind;
import io.pvekit.runtime.WorkloadRuntime;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Walks through what pvekit does, end to end, on this machine. */
@Command(
    name = "demo",
    description =
        "Run the pvekit demo: the typed client against an in-process Proxmox simulator, OCI to LXC"
            + " translation (and a real LXC container when run as root), tenant-cluster kinds and"
            + " database runtimes.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("== pvekit demo ==");
    new ProxmoxDemo(out).run();
    new LxcDemo(out).run();
    out.println("3. Tenant cluster resources pvekit emits:");
    for (ResourceKind kind : ResourceKind.values()) {
      out.printf("   %-24s %s%n", kind.kind(), kind.apiVersion());
    }
    out.println("4. Database runtimes (annotation " + WorkloadRuntime.ANNOTATION + "):");
    for (WorkloadRuntime runtime : WorkloadRuntime.values()) {
      out.printf(
          "   %-4s runtimeClass handler: %s%n",
          runtime.annotationValue(), runtime.runtimeClassHandler().orElse("(default)"));
    }
    out.println("demo finished");
    return 0;
  }
}
