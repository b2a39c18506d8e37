package io.pvekit.examples;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.GuestSummary;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.QemuApi;
import io.pvekit.proxmox.RequestEvent;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.Task;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.FaultRule;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The Proxmox part of the demo: the typed client against an in-process simulator over HTTPS with a
 * pinned certificate, cloning the template into a few VMs and cleaning up after itself.
 */
final class ProxmoxDemo {
  static final int CLONES = 3;
  private static final String TOKEN_ID = "root@pam!demo";
  private static final Duration TASK_WAIT = Duration.ofSeconds(30);

  private final PrintWriter out;

  ProxmoxDemo(PrintWriter out) {
    this.out = out;
  }

  void run() {
    ConcurrentLinkedQueue<RequestEvent> retries = new ConcurrentLinkedQueue<>();
    String secret = "demo-" + Long.toHexString(System.nanoTime());
    try (ProxmoxSimulator pve = ProxmoxSimulator.builder().token(TOKEN_ID, secret, false).start();
        ProxmoxClient client =
            ProxmoxClient.builder()
                .baseUrl(pve.httpsUrl().toString())
                .pinnedFingerprint(pve.fingerprint())
                .authentication(Authentication.apiToken(TOKEN_ID, Secret.of(secret)))
                .listener(
                    event -> {
                      if (event.attempt() > 1) {
                        retries.add(event);
                      }
                    })
                .build()) {
      out.println("1. Proxmox VE (simulated) at " + pve.httpsUrl());
      out.println("   certificate pinned: " + pve.fingerprint().substring(0, 23) + "...");
      out.println("   version " + client.version().version() + ", nodes " + nodeNames(client));

      QemuApi qemu = client.node("pve1").qemu();
      List<VmId> ids = cloneTemplate(client, qemu);
      for (VmId id : ids) {
        qemu.vm(id).start().await(TASK_WAIT);
      }
      for (GuestSummary vm : qemu.list()) {
        if (!vm.template()) {
          out.printf("   VM %s %-8s %s%n", vm.vmid(), vm.name().orElse("?"), vm.status());
        }
      }

      pve.addFault(FaultRule.on("GET", "/cluster/resources").withError(503, "busy").times(1));
      List<ClusterResource> guests = client.cluster().resources(ClusterResource.Kind.VM);
      out.println(
          "   GET /cluster/resources answered 503 once; the client retried ("
              + retries.size()
              + " retry) and got "
              + guests.size()
              + " guests");

      for (VmId id : ids) {
        qemu.vm(id).stop().await(TASK_WAIT);
        qemu.vm(id).delete(true, true).await(TASK_WAIT);
      }
      out.println("   stopped and deleted the clones; VMs left: " + pve.vmIds());
    }
  }

  private List<VmId> cloneTemplate(ProxmoxClient client, QemuApi qemu) {
    List<Task> clones = new ArrayList<>();
    List<VmId> ids = new ArrayList<>();
    VmId next = client.cluster().nextId();
    for (int i = 0; i < CLONES; i++) {
      VmId id = VmId.of(next.value() + i);
      ids.add(id);
      clones.add(
          qemu.vm(9000)
              .clone(CloneRequest.builder().newId(id).name("web-" + (i + 1)).full(false).build()));
    }
    for (Task task : clones) {
      task.await(TASK_WAIT);
    }
    out.println(
        "   linked-cloned template 9000 into " + ids + " (" + CLONES + " tasks in parallel)");
    return ids;
  }

  private static List<String> nodeNames(ProxmoxClient client) {
    return client.nodes().stream().map(n -> n.node().toString()).toList();
  }
}
