package io.pvekit.examples;

import io.pvekit.capi.ResourceKind;
import io.pvekit.lxc.CgroupLayout;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import io.pvekit.runtime.WorkloadRuntime;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Walks through what pvekit can do today, against an in-process Proxmox simulator. */
@Command(
    name = "demo",
    description = "Run the pvekit demo against an in-process Proxmox simulator.")
final class DemoCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    out.println("== pvekit demo ==");
    try (ProxmoxSimulator simulator =
        ProxmoxSimulator.builder().token("root@pam!demo", "demo-secret", false).start()) {
      out.println("1. Proxmox simulator listening on " + simulator.baseUrl());
      HttpResponse<String> version =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(simulator.baseUrl().resolve("/api2/json/version"))
                      .header("Authorization", "PVEAPIToken=root@pam!demo=demo-secret")
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      out.println("   GET /api2/json/version -> " + version.statusCode() + " " + version.body());
    }
    CgroupLayout layout = CgroupLayout.detect();
    out.println(
        "2. This host's cgroup layout is "
            + layout
            + ": LXC limits go into "
            + layout.keyPrefix()
            + "* keys");
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
