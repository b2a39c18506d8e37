package io.pvekit.capi;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.pvekit.capi.internal.Kinds;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.ProxmoxClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Deletes a tenant in order and reports what is left. */
final class TenantDeletion {
  private final KubeStore store;
  private final ProxmoxClient proxmox;
  private final Duration poll;
  private final Clock clock;

  TenantDeletion(KubeStore store, ProxmoxClient proxmox, Duration poll, Clock clock) {
    this.store = store;
    this.proxmox = proxmox;
    this.poll = poll;
    this.clock = clock;
  }

  DeletionReport delete(TenantRef ref, Duration timeout) {
    CapiVersion v = ref.capiVersion();
    List<String> vmPrefixes = new ArrayList<>();
    for (MachineDeployment md :
        store.list(
            () -> new MachineDeployment(v), MachineDeployment.class, ref.namespace(), ref.name())) {
      vmPrefixes.add(md.getMetadata().getName() + "-");
    }
    if (ref.mode() == TenantMode.KAMAJI_ONLY) {
      store.delete(new TenantControlPlane(), ref.namespace(), ref.name());
    } else {
      store.delete(new Cluster(v), ref.namespace(), ref.name());
      // The controllers delete machines (and CAPMOX their VMs) before the Cluster goes away.
      awaitGone(ref, () -> new Machine(v), timeout);
      for (Supplier<? extends CapiResource<?, ?>> kind : ownedKinds(v)) {
        for (CapiResource<?, ?> o : listGeneric(kind, ref)) {
          store.delete(kind.get(), ref.namespace(), o.getMetadata().getName());
        }
      }
      awaitGone(ref, () -> new Cluster(v), timeout);
    }
    store
        .client()
        .resourceQuotas()
        .inNamespace(ref.namespace())
        .withName(ref.name() + "-quota")
        .delete();
    List<String> leftovers = new ArrayList<>();
    for (Supplier<? extends CapiResource<?, ?>> kind : allKinds(v)) {
      for (CapiResource<?, ?> o : listGeneric(kind, ref)) {
        leftovers.add(o.getKind() + "/" + o.getMetadata().getName());
      }
    }
    List<String> vms = new ArrayList<>();
    if (proxmox != null && !vmPrefixes.isEmpty()) {
      for (ClusterResource vm : proxmox.cluster().resources(ClusterResource.Kind.VM)) {
        if (TenantClusters.belongsTo(vm, vmPrefixes)) {
          vms.add(
              vm.node().map(Object::toString).orElse("?")
                  + "/"
                  + vm.vmid().map(Object::toString).orElse("?")
                  + " "
                  + vm.name().orElse(""));
        }
      }
    }
    boolean vmsChecked = proxmox != null || vmPrefixes.isEmpty();
    if (leftovers.isEmpty() && vms.isEmpty()) {
      store.client().namespaces().withName(ref.namespace()).delete();
    }
    return new DeletionReport(ref, leftovers, vms, vmsChecked);
  }

  private List<Supplier<? extends CapiResource<?, ?>>> ownedKinds(CapiVersion v) {
    return List.of(
        () -> new MachineDeployment(v),
        () -> new MachineHealthCheck(v),
        () -> new KubeadmConfigTemplate(v),
        ProxmoxMachineTemplate::new,
        KamajiControlPlane::new,
        ProxmoxCluster::new);
  }

  private List<Supplier<? extends CapiResource<?, ?>>> allKinds(CapiVersion v) {
    List<Supplier<? extends CapiResource<?, ?>>> all = new ArrayList<>(ownedKinds(v));
    all.add(() -> new Cluster(v));
    all.add(() -> new Machine(v));
    all.add(ProxmoxMachine::new);
    all.add(TenantControlPlane::new);
    return all;
  }

  private List<CapiResource<?, ?>> listGeneric(
      Supplier<? extends CapiResource<?, ?>> kind, TenantRef ref) {
    CapiResource<?, ?> probe = kind.get();
    ResourceDefinitionContext ctx = Kinds.of(probe);
    List<CapiResource<?, ?>> out = new ArrayList<>();
    var items =
        store
            .client()
            .genericKubernetesResources(ctx)
            .inNamespace(ref.namespace())
            .withLabel(TenantCluster.CLUSTER_NAME_LABEL, ref.name())
            .list()
            .getItems();
    for (var g : items) {
      boolean sameObject =
          probe.getKind().equals("TenantControlPlane") || probe.getKind().equals("Cluster")
              ? g.getMetadata().getName().equals(ref.name())
              : true;
      if (sameObject) {
        out.add(Manifests.convert(g, probe.getClass()));
      }
    }
    return out;
  }

  private void awaitGone(
      TenantRef ref, Supplier<? extends CapiResource<?, ?>> kind, Duration timeout) {
    Instant deadline = clock.instant().plus(timeout);
    while (!listGeneric(kind, ref).isEmpty()) {
      if (!clock.instant().isBefore(deadline)) {
        return; // reported as leftovers
      }
      try {
        Thread.sleep(poll.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TenantClusterException("interrupted while deleting " + ref, null, e);
      }
    }
  }
}
