package io.pvekit.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.Task;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WaitForTaskTest {
  private static final Duration POLL = Duration.ofMillis(50);

  private ProxmoxSimulator pve;
  private ProxmoxClient client;
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text, true);

  @BeforeEach
  void start() {
    pve = ProxmoxSimulator.builder().token(CloneVmsTest.TOKEN, CloneVmsTest.SECRET, false).start();
    client =
        ProxmoxClient.builder()
            .baseUrl(pve.httpsUrl().toString())
            .pinnedFingerprint(pve.fingerprint())
            .authentication(
                Authentication.apiToken(CloneVmsTest.TOKEN, Secret.of(CloneVmsTest.SECRET)))
            .build();
  }

  @AfterEach
  void stop() {
    client.close();
    pve.close();
  }

  @Test
  void printsProgressWhileTheTaskRunsAndTheExitStatusAtTheEnd() {
    pve.pauseTasks();
    Task clone = cloneTemplate(VmId.of(321));
    CompletableFuture.delayedExecutor(400, TimeUnit.MILLISECONDS).execute(pve::resumeTasks);

    int code = WaitForTask.run(client, clone.upid().toString(), POLL, Duration.ofMinutes(1), out);

    assertThat(code).as(text.toString()).isZero();
    assertThat(text.toString().lines().filter(l -> l.startsWith("qmclone 9000 running for ")))
        .hasSizeGreaterThanOrEqualTo(2);
    assertThat(text.toString())
        .containsPattern("qmclone 9000 after \\d+ ms: OK")
        .contains("  | TASK OK");
    assertThat(pve.vmIds()).contains(VmId.of(321));
  }

  @Test
  void givesUpAtTheTimeoutAndSaysTheTaskKeepsRunning() {
    pve.pauseTasks();
    Task clone = cloneTemplate(VmId.of(322));

    int code = WaitForTask.run(client, clone.upid().toString(), POLL, Duration.ofMillis(200), out);

    assertThat(code).isEqualTo(3);
    assertThat(text.toString()).contains("timeout: still running after PT0.2S");
    assertThat(clone.status().isRunning()).isTrue();
    pve.resumeTasks();
  }

  @Test
  void printsTheFailedTasksLogAndExitsOne() {
    cloneTemplate(VmId.of(323)).await(Duration.ofSeconds(30));
    client.node("pve1").qemu().vm(323).start().await(Duration.ofSeconds(30));
    Task secondStart = client.node("pve1").qemu().vm(323).start();

    int code =
        WaitForTask.run(client, secondStart.upid().toString(), POLL, Duration.ofMinutes(1), out);

    assertThat(code).as(text.toString()).isEqualTo(1);
    assertThat(text.toString()).contains("  | TASK ERROR: ").contains("already running");
  }

  @Test
  void rejectsAMalformedUpid() {
    int code = WaitForTask.run(client, "not-a-upid", POLL, Duration.ofSeconds(1), out);

    assertThat(code).isEqualTo(2);
    assertThat(text.toString()).startsWith("error: ").contains("not-a-upid");
  }

  private Task cloneTemplate(VmId id) {
    return client
        .node("pve1")
        .qemu()
        .vm(9000)
        .clone(CloneRequest.builder().newId(id).name("wait-" + id).full(false).build());
  }
}
