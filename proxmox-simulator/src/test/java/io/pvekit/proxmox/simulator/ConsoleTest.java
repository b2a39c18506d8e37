package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ConsoleSession;
import io.pvekit.proxmox.ProxmoxAuthenticationException;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxNoResponseException;
import io.pvekit.proxmox.ProxmoxPermissionException;
import io.pvekit.proxmox.RequestListener;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.TaskFailedException;
import io.pvekit.proxmox.TaskStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Consoles through the typed client: tickets, the WebSocket, the terminal and VNC. */
class ConsoleTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String TOKEN_SECRET = "5f0c7a52-3c1e-4b4e-9a0e-4b7f2d3c9e11";

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(5))
              .token("root@pam!console", TOKEN_SECRET, false)
              .addUser("audit@pve", "auditpw")
              .acl("/", "audit@pve", "PVEAuditor")
              .qemuVm(101, "web1", 512, 4, true)
              .container(200, "ct200", 512, 8, true)
              .container(201, "ct201", 512, 8, false));

  @Test
  void terminal_overPinnedHttps_echoesInput_answersHostname_andHonoursResize() {
    ProxmoxClient client = httpsClient(rootPassword(), null);
    // README: console
    try (ConsoleSession shell = client.node("pve1").lxc().container(200).openTerminal()) {
      shell.readUntil("# ", WAIT); // the prompt, root@ct200:~#
      shell.send("hostname\r"); // what a terminal sends for Enter
      String shown = shell.readUntil("ct200\r\n", WAIT); // the echo, then the answer
      assertThat(shown).isEqualTo("hostname\r\nct200\r\n");
      shell.resize(132, 43);
      shell.send("stty size\r");
      assertThat(shell.readUntil("43 132", WAIT)).endsWith("\r\n43 132");
      assertThat(client.task(shell.upid()).status().isRunning()).isTrue(); // until closed
    }
    // README: console end
    try (ConsoleSession shell = client.node("pve1").lxc().container(200).openTerminal()) {
      assertThat(shell.kind()).isEqualTo(ConsoleSession.Kind.TERMINAL);
      assertThat(shell.toString())
          .startsWith("ConsoleSession[TERMINAL /nodes/pve1/lxc/200/vncwebsocket port 59")
          .endsWith(", open]");
    } finally {
      client.close();
    }
  }

  @Test
  void closingTheSession_endsTheProxyTask() {
    try (ProxmoxClient client = httpsClient(rootPassword(), null)) {
      ConsoleSession shell = client.node("pve1").qemu().vm(101).openTerminal();
      shell.readUntil("root@web1:~# ", WAIT);
      shell.close();
      assertThat(shell.isOpen()).isFalse();
      TaskStatus done = client.task(shell.upid()).await(WAIT);
      assertThat(done.exitStatus()).contains("OK");
    }
  }

  @Test
  void idleSession_outlivesTheClientsReadTimeout() throws InterruptedException {
    try (ProxmoxClient client =
            ProxmoxClient.builder()
                .baseUrl(pve.simulator().httpsUrl().toString())
                .pinnedFingerprint(pve.simulator().fingerprint())
                .authentication(rootPassword())
                .readTimeout(Duration.ofMillis(300))
                .build();
        ConsoleSession shell = client.node("pve1").lxc().container(200).openTerminal()) {
      shell.readUntil("# ", WAIT);
      Thread.sleep(1000);
      shell.send("echo still here\r");
      assertThat(shell.readUntil("\r\nstill here\r\n", WAIT))
          .isEqualTo("echo still here\r\nstill here\r\n");
      assertThat(shell.isOpen()).isTrue();
    }
  }

  @Test
  void nodeShell_withAnApiToken_sendsTheTokenHeader() {
    Authentication token = Authentication.apiToken("root@pam!console", Secret.of(TOKEN_SECRET));
    try (ProxmoxClient client = httpsClient(token, null);
        ConsoleSession shell = client.node("pve1").openTerminal()) {
      shell.readUntil("# ", WAIT);
      shell.send("whoami\r");
      assertThat(shell.readUntil("root\r\n", WAIT)).contains("whoami\r\nroot\r\n");
      shell.send("exit\r");
      shell.readUntil("logout\r\n", WAIT);
      assertThat(shell.read(WAIT)).isEmpty();
      assertThat(client.task(shell.upid()).await(WAIT).exitStatus()).contains("OK");
    }
  }

  @Test
  void vnc_passesTheRfbGreeting_andHasNoResize() {
    try (ProxmoxClient client = httpsClient(rootPassword(), null);
        ConsoleSession vnc = client.node("pve1").qemu().vm(101).openVnc()) {
      assertThat(new String(vnc.read(WAIT), StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
      vnc.sendBytes("RFB 003.008\n".getBytes(StandardCharsets.US_ASCII));
      assertThatThrownBy(() -> vnc.resize(80, 24)).isInstanceOf(IllegalStateException.class);
    }
    try (ProxmoxClient client = httpsClient(rootPassword(), null);
        ConsoleSession vnc = client.node("pve1").openVnc()) {
      assertThat(new String(vnc.read(WAIT), StandardCharsets.US_ASCII)).isEqualTo("RFB 003.008\n");
    }
  }

  @Test
  void expiredTicket_isRefusedWithTheTypedException_withoutTheTicketInTheMessage() {
    // between the proxy call and the upgrade the simulated clock jumps past the ticket's 40 s
    RequestListener late =
        event -> {
          if (event.pathTemplate().endsWith("/termproxy")) {
            pve.simulator().advanceClock(Duration.ofSeconds(41));
          }
        };
    try (ProxmoxClient client = httpsClient(rootPassword(), late)) {
      assertThatThrownBy(() -> client.node("pve1").lxc().container(200).openTerminal())
          .isInstanceOf(ProxmoxAuthenticationException.class)
          .hasMessageContaining("GET /nodes/pve1/lxc/200/vncwebsocket: 401")
          .hasMessageContaining("invalid PVEVNC ticket")
          .hasMessageNotContaining("PVEVNC:");
    }
  }

  @Test
  void withoutVmConsole_isAPermissionError() {
    Authentication auditor = Authentication.password("audit@pve", Secret.of("auditpw"));
    try (ProxmoxClient client = httpsClient(auditor, null)) {
      assertThatThrownBy(() -> client.node("pve1").qemu().vm(101).openTerminal())
          .isInstanceOf(ProxmoxPermissionException.class)
          .hasMessageContaining("/vms/101, VM.Console");
      assertThatThrownBy(() -> client.node("pve1").openTerminal())
          .isInstanceOf(ProxmoxPermissionException.class)
          .hasMessageContaining("/nodes/pve1, Sys.Console");
    }
  }

  @Test
  void stoppedContainer_opens_thenClosesWithPvesMessage() {
    try (ProxmoxClient client = httpsClient(rootPassword(), null);
        ConsoleSession shell = client.node("pve1").lxc().container(201).openTerminal()) {
      assertThatThrownBy(() -> shell.readUntil("# ", WAIT))
          .isInstanceOf(ProxmoxNoResponseException.class)
          .hasMessageContaining("CT 201 not running");
      assertThatThrownBy(() -> client.task(shell.upid()).await(WAIT))
          .isInstanceOf(TaskFailedException.class)
          .hasMessageContaining("lxc-console -n 201 -e -1' failed: exit code 1");
    }
  }

  private Authentication rootPassword() {
    return Authentication.password(
        pve.simulator().username(), Secret.of(pve.simulator().password()));
  }

  private ProxmoxClient httpsClient(Authentication authentication, RequestListener listener) {
    ProxmoxClient.Builder builder =
        ProxmoxClient.builder()
            .baseUrl(pve.simulator().httpsUrl().toString())
            .pinnedFingerprint(pve.simulator().fingerprint())
            .authentication(authentication);
    if (listener != null) {
      builder.listener(listener);
    }
    return builder.build();
  }
}
