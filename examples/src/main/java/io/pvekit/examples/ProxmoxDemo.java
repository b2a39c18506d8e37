package io.pvekit.examples;

import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.GuestSummary;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.QemuApi;
import io.pvekit.proxmox.Task;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.FaultRule;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The Proxmox part of the demo: the typed client against an in-process simulator over HTTPS with a
 * pinned certificate, cloning the template into a few VMs and cleaning up after itself.
 */
final class ProxmoxDemo {
  static final int CLONES = 3;
  private static final Duration TASK_WAIT = Duration.ofSeconds(30);

  private final PrintWriter out;
  private final DemoProxmox pve;

  ProxmoxDemo(PrintWriter out, DemoProxmox pve) {
    this.out = out;
    this.pve = pve;
  }

  void run() {
    ProxmoxClient client = pve.client();
    out.println("1. " + pve.description());
    pve.simulator()
        .ifPresent(
            sim ->
                out.println(
                    "   certificate pinned: " + sim.fingerprint().substring(0, 23) + "..."));
    out.println("   version " + client.version().version() + ", nodes " + nodeNames(client));

    QemuApi qemu = client.node(pve.node()).qemu();
    List<VmId> ids = cloneTemplate(client, qemu);
    for (VmId id : ids) {
      qemu.vm(id).start().await(TASK_WAIT);
    }
    for (GuestSummary vm : qemu.list()) {
      if (ids.contains(vm.vmid())) {
        out.printf("   VM %s %-8s %s%n", vm.vmid(), vm.name().orElse("?"), vm.status());
      }
    }
    if (pve.simulator().isPresent()) {
      ProxmoxSimulator sim = pve.simulator().get();
      sim.addFault(FaultRule.on("GET", "/cluster/resources").withError(503, "busy").times(1));
      int before = DemoProxmox.retries();
      List<ClusterResource> guests = client.cluster().resources(ClusterResource.Kind.VM);
      out.println(
          "   GET /cluster/resources answered 503 once; the client retried ("
              + (DemoProxmox.retries() - before)
              + " retry) and got "
              + guests.size()
              + " guests");
    }
    for (VmId id : ids) {
      qemu.vm(id).stop().await(TASK_WAIT);
      qemu.vm(id).delete(true, true).await(TASK_WAIT);
    }
    out.println("   stopped and deleted the clones; VMs left: " + pve.vmIds());
  }

  private List<VmId> cloneTemplate(ProxmoxClient client, QemuApi qemu) {
    List<Task> clones = new ArrayList<>();
    List<VmId> ids = new ArrayList<>();
    VmId next = client.cluster().nextId();
    for (int i = 0; i < CLONES; i++) {
      VmId id = VmId.of(next.value() + i);
      ids.add(id);
      clones.add(
          qemu.vm(pve.templateId())
              .clone(CloneRequest.builder().newId(id).name("web-" + (i + 1)).full(false).build()));
    }
    for (Task task : clones) {
      task.await(TASK_WAIT);
    }
    out.println(
        "   linked-cloned template "
            + pve.templateId()
            + " into "
            + ids
            + " ("
            + CLONES
            + " tasks in parallel)");
    return ids;
  }

  private static List<String> nodeNames(ProxmoxClient client) {
    return client.nodes().stream().map(n -> n.node().toString()).toList();
  }
}
