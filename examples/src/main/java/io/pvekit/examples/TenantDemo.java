package io.pvekit.examples;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.pvekit.capi.TenantCluster;
import io.pvekit.capi.TenantValidationException;
import io.pvekit.examples.apps.RenderTenant;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.QemuApi;
import io.pvekit.proxmox.VmId;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant-cluster part of the demo: a tenant rendered and validated by capi-model, a second one
 * refused for overlapping the first, and the worker pool's VMs made in the demo's Proxmox the way
 * CAPMOX makes them (a clone of the template per machine), scaled down and deleted.
 */
final class TenantDemo {
  private static final Duration TASK_WAIT = Duration.ofSeconds(30);

  private final PrintWriter out;
  private final DemoProxmox pve;

  TenantDemo(PrintWriter out, DemoProxmox pve) {
    this.out = out;
    this.pve = pve;
  }

  static TenantCluster.Builder teamA() {
    return RenderTenant.builder("team-a", 3, 120);
  }

  void run() {
    out.println("3. Tenant Kubernetes clusters (Cluster API + CAPMOX + Kamaji)");
    TenantCluster tenant = teamA().build();
    List<String> kinds = new ArrayList<>();
    for (HasMetadata object : tenant.objects()) {
      kinds.add(object.getKind() + "/" + object.getMetadata().getName());
    }
    out.println("   rendered team-a: " + kinds.size() + " objects, checked before output:");
    out.println("   " + String.join(", ", kinds));
    try {
      teamA()
          .name("team-b")
          .namespace("tenant-team-b")
          .existingTenants(List.of(tenant.network()))
          .build();
      out.println("   team-b was accepted (unexpected)");
    } catch (TenantValidationException e) {
      out.println("   team-b with the same IP pool and VLAN is refused: " + e.errors().get(0));
    }
    workers();
  }

  /** What CAPMOX does for the worker pool, done here with the typed client. */
  private void workers() {
    ProxmoxClient client = pve.client();
    QemuApi qemu = client.node(pve.node()).qemu();
    List<VmId> machines = new ArrayList<>();
    VmId next = client.cluster().nextId();
    for (int i = 0; i < 3; i++) {
      VmId id = VmId.of(next.value() + i);
      qemu.vm(pve.templateId())
          .clone(CloneRequest.builder().newId(id).name("team-a-md-0-" + i).full(false).build())
          .await(TASK_WAIT);
      qemu.vm(id).start().await(TASK_WAIT);
      machines.add(id);
    }
    out.println(
        "   md-0 with 3 replicas: worker VMs "
            + machines
            + " cloned from "
            + pve.templateId()
            + ", running");
    while (machines.size() > 1) {
      remove(qemu, machines.remove(machines.size() - 1));
    }
    out.println("   scaled md-0 to 1: VMs left " + pve.vmIds());
    remove(qemu, machines.remove(0));
    out.println("   deleted team-a: VMs left " + pve.vmIds() + " (only the template)");
  }

  private static void remove(QemuApi qemu, VmId id) {
    qemu.vm(id).stop().await(TASK_WAIT);
    qemu.vm(id).delete(true, true).await(TASK_WAIT);
  }
}
