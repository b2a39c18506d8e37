package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.ProxmoxApiException;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxNoResponseException;
import io.pvekit.proxmox.ProxmoxParameterException;
import io.pvekit.proxmox.ProxmoxPermissionException;
import io.pvekit.proxmox.QemuCreateRequest;
import io.pvekit.proxmox.RetryPolicy;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.StorageStatus;
import io.pvekit.proxmox.Task;
import io.pvekit.proxmox.TaskFailedException;
import io.pvekit.proxmox.VmId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** pvekit's typed client against the simulator over HTTPS with a pinned fingerprint. */
class TypedClientIT {
  private static final Duration AWAIT = Duration.ofSeconds(30);

  private static ProxmoxClient client(ProxmoxSimulator sim) {
    return ProxmoxClient.builder()
        .baseUrl(sim.httpsUrl().toString())
        .pinnedFingerprint(sim.fingerprint())
        .authentication(Authentication.password(sim.username(), Secret.of(sim.password())))
        .build();
  }

  @Test
  void twentyConcurrentClones_startAwaitDelete_leaveNothingBehind() throws Exception {
    try (ProxmoxSimulator sim =
            ProxmoxSimulator.builder().taskDuration(Duration.ofMillis(50)).start();
        ProxmoxClient client = client(sim)) {
      long usedBefore = localLvm(client).used().orElseThrow();
      ExecutorService pool = Executors.newFixedThreadPool(20);
      try {
        List<Future<VmId>> clones = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
          VmId id = VmId.of(200 + i);
          clones.add(
              pool.submit(
                  () -> {
                    client
                        .node("pve1")
                        .qemu()
                        .vm(9000)
                        .clone(
                            CloneRequest.builder().newId(id).name("web-" + id).full(true).build())
                        .await(AWAIT);
                    client.node("pve1").qemu().vm(id).start().await(AWAIT);
                    return id;
                  }));
        }
        for (Future<VmId> f : clones) {
          f.get();
        }
        List<ClusterResource> vms = client.cluster().resources(ClusterResource.Kind.VM);
        assertThat(vms.stream().filter(r -> "running".equals(r.status().orElse(""))).count())
            .isEqualTo(20);
        assertThat(localLvm(client).used().orElseThrow()).isEqualTo(usedBefore + 20 * (4L << 30));

        List<Future<?>> deletions = new ArrayList<>();
        for (Future<VmId> f : clones) {
          VmId id = f.get();
          deletions.add(
              pool.submit(
                  () -> {
                    client.node("pve1").qemu().vm(id).stop().await(AWAIT);
                    client.node("pve1").qemu().vm(id).delete(true, true).await(AWAIT);
                    return null;
                  }));
        }
        for (Future<?> f : deletions) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      assertThat(client.node("pve1").qemu().list())
          .extracting(g -> g.vmid().value())
          .containsExactly(9000);
      assertThat(sim.vmIds()).containsExactly(VmId.of(9000));
      assertThat(localLvm(client).used().orElseThrow()).isEqualTo(usedBefore);
      assertThat(sim.runningTasks()).isZero();
    }
  }

  private static StorageStatus localLvm(ProxmoxClient client) {
    return client.node("pve1").storages().stream()
        .filter(s -> s.storage().toString().equals("local-lvm"))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void expiredTickets_areRenewedByOneTransparentReLogin() {
    AtomicInteger logins = new AtomicInteger();
    try (ProxmoxSimulator sim = ProxmoxSimulator.start();
        ProxmoxClient client =
            ProxmoxClient.builder()
                .baseUrl(sim.httpsUrl().toString())
                .pinnedFingerprint(sim.fingerprint())
                .authentication(Authentication.password(sim.username(), Secret.of(sim.password())))
                .listener(
                    e -> {
                      if (e.pathTemplate().equals("/access/ticket")) {
                        logins.incrementAndGet();
                      }
                    })
                .build()) {
      assertThat(client.version().version()).isEqualTo("9.1.3");
      int first = logins.get();
      sim.expireTickets();
      assertThat(client.nodes()).hasSize(1);
      sim.advanceClock(Duration.ofHours(3));
      assertThat(client.cluster().nextId()).isEqualTo(VmId.of(100));
      sim.addFault(FaultRule.on("GET", "/cluster/resources").withTicketExpiry().times(1));
      assertThat(client.cluster().resources()).isNotEmpty();
      assertThat(logins.get() - first).isGreaterThanOrEqualTo(3);
    }
  }

  @Test
  void apiToken_withPinnedFingerprint_works_andAWrongPinIsRefused() {
    try (ProxmoxSimulator sim =
        ProxmoxSimulator.builder()
            .token("root@pam!ci", "c0ffee00-1111-2222-3333-444455556666", false)
            .start()) {
      try (ProxmoxClient client =
          ProxmoxClient.builder()
              .baseUrl(sim.httpsUrl().toString())
              .pinnedFingerprint(sim.fingerprint())
              .authentication(
                  Authentication.apiToken(
                      "root@pam!ci", Secret.of("c0ffee00-1111-2222-3333-444455556666")))
              .build()) {
        assertThat(client.nodes()).extracting(n -> n.node().toString()).containsExactly("pve1");
      }
      try (ProxmoxClient client =
          ProxmoxClient.builder()
              .baseUrl(sim.httpsUrl().toString())
              .trustedCertificatesPem(sim.certificatePem())
              .authentication(
                  Authentication.apiToken(
                      "root@pam!ci", Secret.of("c0ffee00-1111-2222-3333-444455556666")))
              .build()) {
        assertThat(client.version().release()).contains("9.1");
      }
      String wrong = "00" + sim.fingerprint().substring(2);
      try (ProxmoxClient client =
          ProxmoxClient.builder()
              .baseUrl(sim.httpsUrl().toString())
              .pinnedFingerprint(
                  wrong.equals(sim.fingerprint()) ? "11" + wrong.substring(2) : wrong)
              .authentication(Authentication.apiToken("root@pam!ci", Secret.of("x")))
              .retryPolicy(RetryPolicy.none())
              .build()) {
        assertThatThrownBy(client::version).isInstanceOf(ProxmoxNoResponseException.class);
      }
    }
  }

  @Test
  void faults_reachTheClientAsTypedErrors() {
    try (ProxmoxSimulator sim = ProxmoxSimulator.start();
        ProxmoxClient client = client(sim)) {
      sim.addFault(
          FaultRule.on("GET", "/nodes/{node}/qemu").withError(500, "got timeout").times(1));
      sim.addFault(
          FaultRule.on("GET", "/nodes/{node}/qemu").withError(500, "got timeout").times(1));
      sim.addFault(
          FaultRule.on("GET", "/nodes/{node}/qemu").withError(500, "got timeout").times(1));
      assertThatThrownBy(() -> client.node("pve1").qemu().list())
          .isInstanceOfSatisfying(
              ProxmoxApiException.class,
              e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.reason()).isEqualTo("got timeout");
              });
      sim.clearFaults();

      sim.addFault(FaultRule.on("GET", "/cluster/resources").withError(503, "busy").times(2));
      assertThat(client.cluster().resources()).isNotEmpty();

      sim.addFault(FaultRule.on("GET", "/nodes").withDroppedConnection().times(1));
      assertThat(client.nodes()).hasSize(1);

      sim.addFault(
          FaultRule.on("POST", "/nodes/{node}/qemu/{vmid}/clone").withDroppedConnection().times(1));
      assertThatThrownBy(
              () ->
                  client
                      .node("pve1")
                      .qemu()
                      .vm(9000)
                      .clone(CloneRequest.builder().newId(VmId.of(300)).build()))
          .isInstanceOf(ProxmoxNoResponseException.class);
      assertThat(sim.vmIds()).containsExactly(VmId.of(9000));
    }
  }

  @Test
  void slowAnswers_hitTheReadTimeout() {
    try (ProxmoxSimulator sim =
            ProxmoxSimulator.builder()
                .fault(FaultRule.on("GET", "/version").withLatency(Duration.ofSeconds(2)))
                .start();
        ProxmoxClient client =
            ProxmoxClient.builder()
                .baseUrl(sim.httpsUrl().toString())
                .pinnedFingerprint(sim.fingerprint())
                .authentication(Authentication.password(sim.username(), Secret.of(sim.password())))
                .readTimeout(Duration.ofMillis(300))
                .retryPolicy(RetryPolicy.none())
                .build()) {
      assertThatThrownBy(client::version).isInstanceOf(ProxmoxNoResponseException.class);
    }
  }

  @Test
  void pveErrors_mapToTheClientsExceptions() {
    try (ProxmoxSimulator sim =
            ProxmoxSimulator.builder()
                .taskDuration(Duration.ofMillis(20))
                .addUser("alice@pve", "alicepw")
                .acl("/vms", "alice@pve", "PVEAuditor")
                .start();
        ProxmoxClient root = client(sim);
        ProxmoxClient alice =
            ProxmoxClient.builder()
                .baseUrl(sim.httpsUrl().toString())
                .pinnedFingerprint(sim.fingerprint())
                .authentication(Authentication.password("alice@pve", Secret.of("alicepw")))
                .build()) {
      assertThatThrownBy(() -> alice.node("pve1").qemu().vm(9000).start())
          .isInstanceOfSatisfying(
              ProxmoxPermissionException.class,
              e ->
                  assertThat(e.reason())
                      .isEqualTo("Permission check failed (/vms/9000, VM.PowerMgmt)"));
      assertThatThrownBy(
              () ->
                  root.node("pve1")
                      .qemu()
                      .vm(9000)
                      .clone(CloneRequest.builder().newId(VmId.of(9000)).build()))
          .isInstanceOfSatisfying(
              ProxmoxApiException.class,
              e -> assertThat(e.reason()).isEqualTo("VM 9000 already exists on node 'pve1'"));
      assertThatThrownBy(() -> root.raw().get("/cluster/nextid", java.util.Map.of("vmid", "9000")))
          .isInstanceOfSatisfying(
              ProxmoxParameterException.class,
              e -> assertThat(e.errors()).containsEntry("vmid", "VM 9000 already exists"));

      Task create =
          root.node("pve1")
              .qemu()
              .create(QemuCreateRequest.builder().vmid(VmId.of(400)).memoryMib(100_000L).build());
      create.await(AWAIT);
      Task start = root.node("pve1").qemu().vm(400).start();
      assertThatThrownBy(() -> start.await(AWAIT))
          .isInstanceOfSatisfying(
              TaskFailedException.class,
              e -> {
                assertThat(e.exitStatus()).isEqualTo("start failed: QEMU exited with code 1");
                assertThat(e.logTail())
                    .contains("kvm: cannot set up guest memory 'pc.ram': Cannot allocate memory");
              });
    }
  }
}
