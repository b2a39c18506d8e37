package io.pvekit.capi;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.pvekit.capi.internal.Kinds;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxException;
import io.pvekit.proxmox.VmId;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays the observable part of the Cluster API, CAPMOX, Kamaji and Kamaji control-plane provider
 * controllers on fabric8's CRUD mock server, with VMs in proxmox-simulator: control planes get
 * ready and write the admin kubeconfig Secret; MachineDeployments get Machines (scale up, down and
 * rolling replacement on a version change); each Machine's VM is cloned from the pool's template,
 * started, given a provider ID and the conditions the controllers set; a deleted Machine's VM is
 * stopped and destroyed; Machines of a deleted Cluster are deleted (owner cascade).
 */
final class ControllerFixture implements AutoCloseable {
  static final String DEPLOYMENT_LABEL = "cluster.x-k8s.io/deployment-name";

  private final KubernetesClient kube;
  private final ProxmoxClient pve;
  private final CapiVersion v;
  private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
  private final Map<String, VmRecord> vms = new ConcurrentHashMap<>();
  private final List<Throwable> errors = new ArrayList<>();
  volatile boolean leakVms;
  volatile boolean stallControlPlane;

  record VmRecord(String node, int vmid) {}

  ControllerFixture(KubernetesClient kube, ProxmoxClient pve, CapiVersion v) {
    this.kube = kube;
    this.pve = pve;
    this.v = v;
  }

  ControllerFixture start() {
    loop.scheduleWithFixedDelay(this::reconcileSafely, 0, 40, TimeUnit.MILLISECONDS);
    return this;
  }

  List<Throwable> errors() {
    synchronized (errors) {
      return List.copyOf(errors);
    }
  }

  Map<String, VmRecord> vms() {
    return Map.copyOf(vms);
  }

  @Override
  public void close() {
    loop.shutdownNow();
    try {
      loop.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void reconcileSafely() {
    try {
      reconcile();
    } catch (RuntimeException e) {
      synchronized (errors) {
        if (errors.size() < 20) {
          errors.add(e);
        }
      }
    }
  }

  private <T extends CapiResource<?, ?>> List<T> all(T probe, Class<T> type) {
    return kube
        .genericKubernetesResources(Kinds.of(probe))
        .inAnyNamespace()
        .list()
        .getItems()
        .stream()
        .map(g -> Manifests.convert(g, type))
        .toList();
  }

  private void patchStatus(CapiResource<?, ?> o, Object status) {
    Map<String, Object> body = Map.of("status", status);
    kube.genericKubernetesResources(Kinds.of(o))
        .inNamespace(o.getMetadata().getNamespace())
        .withName(o.getMetadata().getName())
        .patch(PatchContext.of(PatchType.JSON_MERGE), Manifests.toJson(wrap(body)));
  }

  private static GenericKubernetesResource wrap(Map<String, Object> body) {
    GenericKubernetesResource g = new GenericKubernetesResource();
    g.setAdditionalProperties(new LinkedHashMap<>(body));
    return g;
  }

  private static String now() {
    return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
  }

  private static Condition cond(String type, boolean ok, String reason, String message) {
    return new Condition(type, ok ? "True" : "False", null, reason, message, now(), null);
  }

  void reconcile() {
    for (KamajiControlPlane kcp : all(new KamajiControlPlane(), KamajiControlPlane.class)) {
      KamajiControlPlane.Spec s = kcp.getSpec();
      KamajiControlPlane.Status st = kcp.getStatus();
      if (!stallControlPlane && (st == null || !s.version().equals(st.version()))) {
        patchStatus(
            kcp,
            new KamajiControlPlane.Status(
                true,
                true,
                new KamajiControlPlane.Initialization(true),
                s.version(),
                s.replicas(),
                s.replicas(),
                List.of(cond("Ready", true, "Ready", ""))));
        FixtureSupport.writeKubeconfig(kube, kcp.getMetadata(), s.network().serviceAddress());
      }
    }
    for (TenantControlPlane tcp : all(new TenantControlPlane(), TenantControlPlane.class)) {
      TenantControlPlane.Status st = tcp.getStatus();
      String want = tcp.getSpec().kubernetes().version();
      if (!stallControlPlane
          && (st == null
              || st.kubernetesResources() == null
              || !want.equals(st.kubernetesResources().version().version()))) {
        String name = tcp.getMetadata().getName() + "-admin-kubeconfig";
        patchStatus(
            tcp,
            new TenantControlPlane.Status(
                tcp.getSpec().networkProfile().address() + ":6443",
                new TenantControlPlane.KubeconfigsStatus(
                    new TenantControlPlane.SecretStatus(name, "0")),
                new TenantControlPlane.KubernetesResources(
                    new TenantControlPlane.VersionStatus("Ready", want))));
        FixtureSupport.writeKubeconfig(
            kube, tcp.getMetadata(), tcp.getSpec().networkProfile().address());
      }
    }
    for (ProxmoxCluster pc : all(new ProxmoxCluster(), ProxmoxCluster.class)) {
      if (pc.getStatus() == null) {
        patchStatus(
            pc,
            new ProxmoxCluster.Status(
                List.of(cond("Ready", true, "Ready", "")),
                new ProxmoxCluster.Initialization(true)));
      }
    }
    Map<String, Cluster> clusters = new HashMap<>();
    for (Cluster c : all(new Cluster(v), Cluster.class)) {
      clusters.put(key(c.getMetadata()), c);
      if (c.getStatus() == null) {
        patchStatus(
            c,
            v == CapiVersion.V1BETA1
                ? new Cluster.Status(
                    "Provisioned", List.of(cond("Ready", true, "Ready", "")), null, true, true)
                : new Cluster.Status(
                    "Provisioned",
                    List.of(cond("Available", true, "Available", "")),
                    new Cluster.Initialization(true, true),
                    null,
                    null));
      }
    }
    List<Machine> machines = new ArrayList<>(all(new Machine(v), Machine.class));
    for (Machine m : machines) {
      String cluster = m.getMetadata().getNamespace() + "/" + m.getSpec().clusterName();
      if (!clusters.containsKey(cluster)) {
        deleteMachine(m);
      }
    }
    machines = new ArrayList<>(all(new Machine(v), Machine.class));
    for (MachineDeployment md : all(new MachineDeployment(v), MachineDeployment.class)) {
      if (clusters.containsKey(
          md.getMetadata().getNamespace() + "/" + md.getSpec().clusterName())) {
        deployment(md, machines);
      }
    }
    machines = new ArrayList<>(all(new Machine(v), Machine.class));
    for (Machine m : machines) {
      if (m.getStatus() == null) {
        provision(m);
      }
    }
    Map<String, Boolean> alive = new HashMap<>();
    machines.forEach(m -> alive.put(key(m.getMetadata()), true));
    for (Map.Entry<String, VmRecord> e : new ArrayList<>(vms.entrySet())) {
      if (!alive.containsKey(e.getKey())) {
        if (!leakVms) {
          destroyVm(e.getValue());
        }
        vms.remove(e.getKey());
      }
    }
  }

  private void deployment(MachineDeployment md, List<Machine> all) {
    String mdName = md.getMetadata().getName();
    String version = md.getSpec().template().spec().version();
    int desired = md.getSpec().replicas() == null ? 1 : md.getSpec().replicas();
    List<Machine> mine = new ArrayList<>();
    for (Machine m : all) {
      if (m.getMetadata().getNamespace().equals(md.getMetadata().getNamespace())
          && mdName.equals(m.getMetadata().getLabels().get(DEPLOYMENT_LABEL))) {
        mine.add(m);
      }
    }
    mine.sort(Comparator.comparing(m -> m.getMetadata().getName()));
    List<Machine> outdated =
        mine.stream().filter(m -> !version.equals(m.getSpec().version())).toList();
    List<Machine> current =
        mine.stream().filter(m -> version.equals(m.getSpec().version())).toList();
    long currentReady = current.stream().filter(ControllerFixture::ready).count();
    if (!outdated.isEmpty()) {
      // rolling update with maxSurge 1, maxUnavailable 0
      if (current.size() == currentReady && mine.size() <= desired) {
        createMachine(md);
      } else if (currentReady > 0 && mine.size() > desired) {
        deleteMachine(outdated.get(0));
      }
    } else if (mine.size() < desired) {
      createMachine(md);
    } else if (mine.size() > desired) {
      deleteMachine(mine.get(mine.size() - 1));
    }
    int ready = (int) mine.stream().filter(ControllerFixture::ready).count();
    patchStatus(
        md,
        new MachineDeployment.Status(
            ready == desired && mine.size() == desired ? "Running" : "ScalingUp",
            mine.size(),
            ready,
            ready,
            v == CapiVersion.V1BETA2 ? current.size() : null,
            v == CapiVersion.V1BETA1 ? current.size() : null,
            List.of()));
  }

  private static boolean ready(Machine m) {
    return m.getStatus() != null
        && m.getStatus().conditions() != null
        && m.getStatus().conditions().stream()
            .anyMatch(c -> "Ready".equals(c.type()) && c.isTrue());
  }

  private void createMachine(MachineDeployment md) {
    Machine m = new Machine(v);
    Map<String, String> labels = new LinkedHashMap<>(md.getSpec().template().metadata().labels());
    labels.put(DEPLOYMENT_LABEL, md.getMetadata().getName());
    String name = md.getMetadata().getName() + "-" + UUID.randomUUID().toString().substring(0, 5);
    m.setMetadata(CapiResource.meta(name, md.getMetadata().getNamespace(), labels));
    m.setSpec(md.getSpec().template().spec());
    kube.genericKubernetesResources(Kinds.of(m))
        .inNamespace(md.getMetadata().getNamespace())
        .resource(Manifests.convert(m, GenericKubernetesResource.class))
        .create();
  }

  /** Like CAPMOX's finalizer: the VM goes before the Machine object does. */
  private void deleteMachine(Machine m) {
    VmRecord vm = vms.remove(key(m.getMetadata()));
    if (vm != null && !leakVms) {
      destroyVm(vm);
    }
    kube.genericKubernetesResources(Kinds.of(m))
        .inNamespace(m.getMetadata().getNamespace())
        .withName(m.getMetadata().getName())
        .delete();
  }

  private void provision(Machine m) {
    String ns = m.getMetadata().getNamespace();
    ProxmoxMachineTemplate pmt =
        Optional.ofNullable(
                kube.genericKubernetesResources(Kinds.of(new ProxmoxMachineTemplate()))
                    .inNamespace(ns)
                    .withName(m.getSpec().infrastructureRef().name())
                    .get())
            .map(g -> Manifests.convert(g, ProxmoxMachineTemplate.class))
            .orElseThrow();
    ProxmoxMachine.Spec spec = pmt.getSpec().template().spec();
    String node = spec.sourceNode() == null ? "pve1" : spec.sourceNode();
    int template = spec.templateID() == null ? 9000 : spec.templateID();
    int vmid = pve.cluster().nextId().value();
    String name = m.getMetadata().getName();
    try {
      pve.node(node)
          .qemu()
          .vm(template)
          .clone(CloneRequest.builder().newId(VmId.of(vmid)).name(name).full(true).build())
          .await(Duration.ofSeconds(20));
      vms.put(key(m.getMetadata()), new VmRecord(node, vmid));
      pve.node(node).qemu().vm(vmid).start().await(Duration.ofSeconds(20));
    } catch (ProxmoxException e) {
      String reason = e.getMessage().lines().findFirst().orElse("clone failed");
      patchStatus(
          m,
          new Machine.Status(
              "Failed",
              null,
              List.of(
                  cond("Ready", false, "InfrastructureNotReady", reason),
                  cond("InfrastructureReady", false, "VMProvisionFailed", reason)),
              null,
              null,
              null));
      return;
    }
    String uuid =
        UUID.nameUUIDFromBytes((ns + "/" + name).getBytes(StandardCharsets.UTF_8)).toString();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("spec", Map.of("providerID", "proxmox://" + uuid));
    kube.genericKubernetesResources(Kinds.of(m))
        .inNamespace(ns)
        .withName(name)
        .patch(PatchContext.of(PatchType.JSON_MERGE), Manifests.toJson(wrap(body)));
    patchStatus(
        m,
        new Machine.Status(
            "Running",
            new Machine.NodeRef(name),
            List.of(
                cond("Ready", true, "Ready", ""),
                cond("InfrastructureReady", true, "Ready", ""),
                cond("NodeReady", true, "NodeReady", "")),
            v == CapiVersion.V1BETA2 ? new Machine.Initialization(true, true) : null,
            v == CapiVersion.V1BETA1 ? true : null,
            v == CapiVersion.V1BETA1 ? true : null));
  }

  private void destroyVm(VmRecord vm) {
    var qemu = pve.node(vm.node()).qemu().vm(vm.vmid());
    qemu.stop().await(Duration.ofSeconds(20));
    qemu.delete(true, true).await(Duration.ofSeconds(20));
  }

  private static String key(ObjectMeta meta) {
    return meta.getNamespace() + "/" + meta.getName();
  }
}
