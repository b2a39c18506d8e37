package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console proxies and the {@code vncwebsocket} upgrade on the wire: answers, the RFC 6455
 * handshake, termproxy's login line and messages, RFB's greeting, and the proxy task's life.
 */
class ConsoleProxyTest {
  /** RFC 6455 section 1.3: this key must be answered with this accept value. */
  private static final String RFC_KEY = "dGhlIHNhbXBsZSBub25jZQ==";

  private static final String RFC_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(5))
              .addUser("audit@pve", "auditpw")
              .acl("/", "audit@pve", "PVEAuditor")
              .qemuVm(101, "web1", 512, 4, true)
              .qemuVm(102, "off1", 512, 4, false)
              .container(200, "ct200", 512, 8, true)
              .container(201, "ct201", 512, 8, false));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
  }

  @Test
  void lxcTermproxy_answersTicketPortAndUpid_andTheTaskRunsWhileTheSocketIsOpen()
      throws IOException {
    JsonNode proxy = http.post("/nodes/pve1/lxc/200/termproxy").data();
    assertThat(proxy.get("user").asText()).isEqualTo("root@pam");
    assertThat(proxy.get("ticket").asText()).matches("PVEVNC:[0-9A-F]{8}::[A-Za-z0-9+/=]{300,}");
    assertThat(proxy.get("port").isTextual()).isTrue();
    assertThat(proxy.get("port").asText()).isEqualTo("5900");
    assertThat(proxy.has("cert")).isFalse();
    String upid = proxy.get("upid").asText();
    assertThat(upid).contains(":vncproxy:200:root@pam:");
    assertThat(taskStatus(upid).get("status").asText()).isEqualTo("running");

    try (RawWebSocket ws = open("/nodes/pve1/lxc/200", proxy, RFC_KEY)) {
      assertThat(ws.statusLine()).isEqualTo("HTTP/1.1 101 Switching Protocols");
      assertThat(ws.header("sec-websocket-accept")).isEqualTo(RFC_ACCEPT);
      assertThat(ws.header("sec-websocket-protocol")).isEqualTo("binary");
      ws.send("root@pam:" + proxy.get("ticket").asText() + "\n");
      RawWebSocket.Frame ok = ws.read();
      assertThat(ok.masked()).isFalse();
      assertThat(ok.text()).isEqualTo("OK");
      assertThat(ws.readUntil("# ")).isEqualTo("root@ct200:~# ");
      // one message split over two frames, and two messages in one frame
      ws.send("0:9:host");
      ws.send("name\r1:100:30:0:10:stty size\r");
      String shown = ws.readUntil("30 100");
      assertThat(shown).contains("hostname\r\nct200\r\n").contains("stty size\r\n30 100");
      ws.frame(9, "are you there".getBytes(StandardCharsets.UTF_8), true);
      RawWebSocket.Frame pong = ws.read();
      while (pong.opcode() != 10) {
        pong = ws.read();
      }
      assertThat(pong.text()).isEqualTo("are you there");
      assertThat(taskStatus(upid).get("status").asText()).isEqualTo("running");
      ws.frame(8, new byte[] {3, (byte) 232}, true);
      RawWebSocket.Frame close = ws.read();
      assertThat(close.opcode()).isEqualTo(8);
    }
    JsonNode done = Tasks.await(http, upid);
    assertThat(done.get("exitstatus").asText()).isEqualTo("OK");
  }

  @Test
  void nodeTermproxy_opensTheNodeShell_withAnIntegerPort() throws IOException {
    JsonNode proxy = http.post("/nodes/pve1/termproxy").data();
    assertThat(proxy.get("port").isInt()).isTrue();
    assertThat(proxy.get("upid").asText()).contains(":vncshell::root@pam:");
    try (RawWebSocket ws = open("/nodes/pve1", proxy, RawWebSocket.randomKey())) {
      ws.send("root@pam:" + proxy.get("ticket").asText() + "\n");
      assertThat(ws.readUntil("# ")).startsWith("OK");
      ws.send("0:7:exit\r\n\r");
      assertThat(ws.readUntil("logout")).contains("logout");
      assertThat(ws.read().opcode()).isEqualTo(8);
    }
    assertThat(Tasks.await(http, proxy.get("upid").asText()).get("exitstatus").asText())
        .isEqualTo("OK");
  }

  @Test
  void qemuVncproxy_sendsTheRfbGreeting_andACertAndPassword() throws IOException {
    JsonNode proxy =
        http.post("/nodes/pve1/qemu/101/vncproxy", "websocket", "1", "generate-password", "1")
            .data();
    assertThat(proxy.get("cert").asText()).startsWith("-----BEGIN CERTIFICATE-----");
    assertThat(proxy.get("password").asText()).matches("[!-`]{8}");
    try (RawWebSocket ws = open("/nodes/pve1/qemu/101", proxy, RawWebSocket.randomKey())) {
      assertThat(ws.read().text()).isEqualTo("RFB 003.008\n");
    }
    assertThat(Tasks.await(http, proxy.get("upid").asText()).get("exitstatus").asText())
        .isEqualTo("OK");
  }

  @Test
  void base64Subprotocol_carriesPayloadsAsBase64Text_asOldNoVncWantsIt() throws IOException {
    JsonNode proxy = http.post("/nodes/pve1/vncshell", "websocket", "1").data();
    Map<String, String> h = headers("base64, binary");
    try (RawWebSocket ws =
        RawWebSocket.open(
            pve.simulator().httpPort(),
            target("/nodes/pve1", proxy),
            RawWebSocket.randomKey(),
            h)) {
      assertThat(ws.header("sec-websocket-protocol")).isEqualTo("base64");
      RawWebSocket.Frame greeting = ws.read();
      assertThat(greeting.opcode()).isEqualTo(1);
      assertThat(greeting.text()).isEqualTo("UkZCIDAwMy4wMDgK"); // "RFB 003.008\n"
    }
  }

  @Test
  void wrongOrExpiredTicket_is401_andAPlainGetAnswersThePort() throws IOException {
    JsonNode proxy = http.post("/nodes/pve1/lxc/200/termproxy").data();
    String port = proxy.get("port").asText();
    RawHttp.Response wrong =
        http.get("/nodes/pve1/lxc/200/vncwebsocket", "port", port, "vncticket", "PVEVNC:0::bogus");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.reason()).isEqualTo("permission denied - invalid PVEVNC ticket");
    // the ticket is bound to /vms/200
    RawHttp.Response otherGuest =
        http.get(
            "/nodes/pve1/lxc/201/vncwebsocket",
            "port",
            port,
            "vncticket",
            proxy.get("ticket").asText());
    assertThat(otherGuest.status()).isEqualTo(401);
    RawHttp.Response plain =
        http.get(
            "/nodes/pve1/lxc/200/vncwebsocket",
            "port",
            port,
            "vncticket",
            proxy.get("ticket").asText());
    assertThat(plain.data().get("port").asText()).isEqualTo(port);
    pve.simulator().advanceClock(Duration.ofSeconds(41));
    RawHttp.Response expired =
        http.get(
            "/nodes/pve1/lxc/200/vncwebsocket",
            "port",
            port,
            "vncticket",
            proxy.get("ticket").asText());
    assertThat(expired.status()).isEqualTo(401);
  }

  @Test
  void wrongTicketInTheLoginLine_closesWithoutOk_andFailsTheTask() throws IOException {
    JsonNode proxy = http.post("/nodes/pve1/lxc/200/termproxy").data();
    try (RawWebSocket ws = open("/nodes/pve1/lxc/200", proxy, RawWebSocket.randomKey())) {
      ws.send("root@pam:PVEVNC:00000000::forged\n");
      assertThat(ws.read().opcode()).isEqualTo(8);
    }
    assertThat(Tasks.await(http, proxy.get("upid").asText()).get("exitstatus").asText())
        .startsWith("command '/usr/bin/termproxy 5900 --path /vms/200 --perm VM.Console --")
        .endsWith("failed: exit code 1");
  }

  @Test
  void stoppedGuestsAndQemuWithoutSerial_getNoConsole() throws IOException {
    JsonNode ct = http.post("/nodes/pve1/lxc/201/termproxy").data();
    try (RawWebSocket ws = open("/nodes/pve1/lxc/201", ct, RawWebSocket.randomKey())) {
      ws.send("root@pam:" + ct.get("ticket").asText() + "\n");
      assertThat(ws.readUntil("not running")).isEqualTo("OKCT 201 not running\r\n");
    }
    assertThat(Tasks.await(http, ct.get("upid").asText()).get("exitstatus").asText())
        .endsWith("failed: exit code 1");

    // the inventory's VMs have serial0: socket, as cloud images want it; qm terminal needs one
    JsonNode serial = http.post("/nodes/pve1/qemu/101/termproxy").data();
    try (RawWebSocket ws = open("/nodes/pve1/qemu/101", serial, RawWebSocket.randomKey())) {
      ws.send("root@pam:" + serial.get("ticket").asText() + "\n");
      assertThat(ws.readUntil("# ")).isEqualTo("OKroot@web1:~# ");
    }
    assertThat(http.put("/nodes/pve1/qemu/101/config", "delete", "serial0,vga").status())
        .isEqualTo(200);
    JsonNode vm = http.post("/nodes/pve1/qemu/101/termproxy").data();
    try (RawWebSocket ws = open("/nodes/pve1/qemu/101", vm, RawWebSocket.randomKey())) {
      ws.send("root@pam:" + vm.get("ticket").asText() + "\n");
      assertThat(ws.readUntil("interface")).isEqualTo("OKunable to find a serial interface\r\n");
    }

    JsonNode off = http.post("/nodes/pve1/qemu/102/vncproxy", "websocket", "1").data();
    try (RawWebSocket ws = open("/nodes/pve1/qemu/102", off, RawWebSocket.randomKey())) {
      assertThat(ws.read().opcode()).isEqualTo(8);
    }
    assertThat(Tasks.await(http, off.get("upid").asText()).get("exitstatus").asText())
        .isEqualTo("Failed to run vncproxy.");

    RawHttp.Response missing = http.post("/nodes/pve1/qemu/999/vncproxy");
    assertThat(missing.status()).isEqualTo(500);
    assertThat(missing.reason())
        .isEqualTo("Configuration file 'nodes/pve1/qemu-server/999.conf' does not exist");
  }

  @Test
  void withoutConsolePrivileges_is403() {
    RawHttp auditor = RawHttp.to(pve.simulator()).login("audit@pve", "auditpw");
    RawHttp.Response vm = auditor.post("/nodes/pve1/qemu/101/vncproxy");
    assertThat(vm.status()).isEqualTo(403);
    assertThat(vm.reason()).isEqualTo("Permission check failed (/vms/101, VM.Console)");
    RawHttp.Response node = auditor.post("/nodes/pve1/termproxy");
    assertThat(node.status()).isEqualTo(403);
    assertThat(node.reason()).isEqualTo("Permission check failed (/nodes/pve1, Sys.Console)");
  }

  @Test
  void handshakeProblems_andUnmaskedFrames_areRefused() throws IOException {
    JsonNode proxy = http.post("/nodes/pve1/lxc/200/termproxy").data();
    Map<String, String> noProtocol = headers(null);
    try (RawWebSocket ws =
        RawWebSocket.open(
            pve.simulator().httpPort(),
            target("/nodes/pve1/lxc/200", proxy),
            RawWebSocket.randomKey(),
            noProtocol)) {
      assertThat(ws.statusLine())
          .isEqualTo("HTTP/1.1 400 websocket_proxy: missing websocket-protocol header");
    }
    // a refused handshake leaves the proxy waiting for its connection
    try (RawWebSocket ws = open("/nodes/pve1/lxc/200", proxy, RawWebSocket.randomKey())) {
      ws.frame(2, "root@pam:x\n".getBytes(StandardCharsets.UTF_8), false);
      RawWebSocket.Frame close = ws.read();
      assertThat(close.opcode()).isEqualTo(8);
      assertThat(((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF)).isEqualTo(1002);
    }
    // the proxy took its one connection: a second finds nothing listening
    RawHttp.Response again =
        http.get(
            "/nodes/pve1/lxc/200/vncwebsocket",
            "port",
            proxy.get("port").asText(),
            "vncticket",
            proxy.get("ticket").asText());
    assertThat(again.status()).isEqualTo(500);
    assertThat(again.reason()).isEqualTo("connect to 'localhost:5900' failed: Connection refused");
  }

  @Test
  void stoppingTheTask_closesTheConsole() throws IOException {
    JsonNode proxy = http.post("/nodes/pve1/lxc/200/termproxy").data();
    String upid = proxy.get("upid").asText();
    try (RawWebSocket ws = open("/nodes/pve1/lxc/200", proxy, RawWebSocket.randomKey())) {
      ws.send("root@pam:" + proxy.get("ticket").asText() + "\n");
      ws.readUntil("# ");
      assertThat(http.delete("/nodes/pve1/tasks/" + upid).status()).isEqualTo(200);
      assertThat(ws.read()).isNull();
    }
    assertThat(Tasks.await(http, upid).get("exitstatus").asText())
        .isEqualTo("interrupted by signal");
  }

  private RawWebSocket open(String guestPath, JsonNode proxy, String key) throws IOException {
    return RawWebSocket.open(
        pve.simulator().httpPort(), target(guestPath, proxy), key, headers("binary"));
  }

  private static String target(String guestPath, JsonNode proxy) {
    return "/api2/json"
        + guestPath
        + "/vncwebsocket?port="
        + proxy.get("port").asText()
        + "&vncticket="
        + URLEncoder.encode(proxy.get("ticket").asText(), StandardCharsets.UTF_8);
  }

  private Map<String, String> headers(String protocol) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Sec-WebSocket-Version", "13");
    if (protocol != null) {
      h.put("Sec-WebSocket-Protocol", protocol);
    }
    h.put("Cookie", "PVEAuthCookie=" + URLEncoder.encode(http.ticket(), StandardCharsets.UTF_8));
    return h;
  }

  private JsonNode taskStatus(String upid) {
    return http.get("/nodes/pve1/tasks/" + upid + "/status").data();
  }
}
