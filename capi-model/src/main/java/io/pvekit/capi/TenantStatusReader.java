package io.pvekit.capi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns the conditions of a tenant's objects into a {@link HealthSummary}. */
final class TenantStatusReader {
  private final KubeStore store;

  TenantStatusReader(KubeStore store) {
    this.store = store;
  }

  HealthSummary read(TenantRef ref) {
    return ref.mode() == TenantMode.KAMAJI_ONLY ? kamajiOnly(ref) : capi(ref);
  }

  private HealthSummary kamajiOnly(TenantRef ref) {
    Optional<TenantControlPlane> tcp =
        store.get(TenantControlPlane::new, TenantControlPlane.class, ref.namespace(), ref.name());
    if (tcp.isEmpty()) {
      return missing(ref);
    }
    TenantControlPlane.VersionStatus vs =
        Optional.ofNullable(tcp.get().getStatus())
            .map(TenantControlPlane.Status::kubernetesResources)
            .map(TenantControlPlane.KubernetesResources::version)
            .orElse(new TenantControlPlane.VersionStatus("Provisioning", null));
    boolean ready = "Ready".equals(vs.status());
    List<String> problems = new ArrayList<>();
    if ("NotReady".equals(vs.status())) {
      problems.add("TenantControlPlane " + ref.name() + " is NotReady");
    }
    return new HealthSummary(
        ref, true, vs.status(), ready, text(vs.version()), true, List.of(), List.of(), problems);
  }

  private HealthSummary capi(TenantRef ref) {
    CapiVersion v = ref.capiVersion();
    Optional<Cluster> cluster =
        store.get(() -> new Cluster(v), Cluster.class, ref.namespace(), ref.name());
    if (cluster.isEmpty()) {
      return missing(ref);
    }
    List<String> problems = new ArrayList<>();
    Cluster.Status cs = cluster.get().getStatus();
    KamajiControlPlane.Status kcp =
        store
            .get(KamajiControlPlane::new, KamajiControlPlane.class, ref.namespace(), ref.name())
            .map(KamajiControlPlane::getStatus)
            .orElse(null);
    boolean cpReady =
        kcp != null
            && Boolean.TRUE.equals(kcp.ready())
            && (kcp.initialization() == null
                || !Boolean.FALSE.equals(kcp.initialization().controlPlaneInitialized()));
    boolean infraReady =
        store
                .get(ProxmoxCluster::new, ProxmoxCluster.class, ref.namespace(), ref.name())
                .map(ProxmoxCluster::getStatus)
                .map(ProxmoxCluster.Status::initialization)
                .map(i -> Boolean.TRUE.equals(i.provisioned()))
                .orElse(false)
            || (cs != null && Boolean.TRUE.equals(cs.infrastructureReady()))
            || (cs != null
                && cs.initialization() != null
                && Boolean.TRUE.equals(cs.initialization().infrastructureProvisioned()));
    if (cs != null && cs.conditions() != null) {
      for (Condition c : cs.conditions()) {
        if ("False".equals(c.status()) && c.message() != null && !c.message().isEmpty()) {
          problems.add("Cluster " + c.type() + ": " + c.message());
        }
      }
    }
    List<HealthSummary.PoolHealth> pools = new ArrayList<>();
    for (MachineDeployment md :
        store.list(
            () -> new MachineDeployment(v), MachineDeployment.class, ref.namespace(), ref.name())) {
      MachineDeployment.Spec s = md.getSpec();
      MachineDeployment.Status st = md.getStatus();
      pools.add(
          new HealthSummary.PoolHealth(
              md.getMetadata().getName(),
              s.replicas() == null ? 1 : s.replicas(),
              st == null || st.replicas() == null ? 0 : st.replicas(),
              st == null || st.readyReplicas() == null ? 0 : st.readyReplicas(),
              s.template() == null ? "" : text(s.template().spec().version())));
    }
    List<HealthSummary.MachineHealth> machines = new ArrayList<>();
    for (Machine m : store.list(() -> new Machine(v), Machine.class, ref.namespace(), ref.name())) {
      HealthSummary.MachineHealth mh = machine(m);
      machines.add(mh);
      if (mh.failed()) {
        problems.add("Machine " + mh.name() + " failed: " + mh.message());
      }
    }
    return new HealthSummary(
        ref,
        true,
        cs == null ? "Pending" : text(cs.phase()),
        cpReady,
        kcp == null ? "" : text(kcp.version()),
        infraReady,
        pools,
        machines,
        problems);
  }

  private static HealthSummary.MachineHealth machine(Machine m) {
    Machine.Status st = m.getStatus();
    Machine.Spec spec = m.getSpec();
    boolean ready = false;
    String message = "";
    if (st != null && st.conditions() != null) {
      for (Condition c : st.conditions()) {
        if ("Ready".equals(c.type())) {
          ready = c.isTrue();
        }
        if (!c.isTrue() && message.isEmpty()) {
          message = c.type() + "=" + c.status() + " " + text(c.reason()) + ": " + text(c.message());
        }
      }
    }
    return new HealthSummary.MachineHealth(
        m.getMetadata().getName(),
        st == null ? "Pending" : text(st.phase()),
        spec == null ? "" : text(spec.version()),
        spec == null ? "" : text(spec.providerID()),
        st == null || st.nodeRef() == null ? "" : text(st.nodeRef().name()),
        ready,
        ready ? "" : message);
  }

  private static HealthSummary missing(TenantRef ref) {
    return new HealthSummary(
        ref,
        false,
        "",
        false,
        "",
        false,
        List.of(),
        List.of(),
        List.of("tenant " + ref + " does not exist"));
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
