package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GuestAgentTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .agentBoot(Duration.ofSeconds(30), 2));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
    Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "101"));
  }

  @Test
  void agent_isAbsentWhileTheVmBoots_thenAnswers() {
    RawHttp.Response stopped = http.post("/nodes/pve1/qemu/101/agent/ping");
    assertThat(stopped.status()).isEqualTo(500);
    assertThat(stopped.reason()).isEqualTo("VM 101 is not running");
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"));
    for (int i = 0; i < 3; i++) {
      RawHttp.Response booting = http.post("/nodes/pve1/qemu/101/agent/ping");
      assertThat(booting.status()).isEqualTo(500);
      assertThat(booting.reason()).isEqualTo("QEMU guest agent is not running");
      assertThat(booting.json().get("message").asText())
          .isEqualTo("QEMU guest agent is not running\n");
    }
    pve.simulator().advanceClock(Duration.ofSeconds(31));
    RawHttp.Response ping = http.post("/nodes/pve1/qemu/101/agent/ping");
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.data().get("result").isObject()).isTrue();
    JsonNode os = http.get("/nodes/pve1/qemu/101/agent/get-osinfo").data().get("result");
    assertThat(os.get("id").asText()).isEqualTo("debian");
    assertThat(
            http.get("/nodes/pve1/qemu/101/agent/network-get-interfaces")
                .data()
                .get("result")
                .findValuesAsText("name"))
        .contains("lo", "eth0");
  }

  @Test
  void exec_fileWrite_execStatus() {
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"));
    pve.simulator().advanceClock(Duration.ofSeconds(31));
    http.post("/nodes/pve1/qemu/101/agent/ping");
    http.post("/nodes/pve1/qemu/101/agent/ping");
    assertThat(
            http.post(
                    "/nodes/pve1/qemu/101/agent/file-write",
                    "file",
                    "/etc/motd",
                    "content",
                    "hello from the test\n")
                .status())
        .isEqualTo(200);
    RawHttp.Response exec =
        http.post("/nodes/pve1/qemu/101/agent/exec", "command", "cat", "command", "/etc/motd");
    assertThat(exec.status()).as(exec.body()).isEqualTo(200);
    long pid = exec.data().get("pid").asLong();
    JsonNode first =
        http.get("/nodes/pve1/qemu/101/agent/exec-status", "pid", Long.toString(pid)).data();
    assertThat(first.get("exited").asInt()).isZero();
    JsonNode done =
        http.get("/nodes/pve1/qemu/101/agent/exec-status", "pid", Long.toString(pid)).data();
    assertThat(done.get("exited").asInt()).isEqualTo(1);
    assertThat(done.get("exitcode").asInt()).isZero();
    assertThat(done.get("out-data").asText()).isEqualTo("hello from the test\n");
  }

  @Test
  void agentCalls_needTheGuestAgentPrivileges() {
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"));
    pve.simulator().advanceClock(Duration.ofSeconds(31));
    RawHttp.Response missing = http.post("/nodes/pve1/qemu/101/agent/exec");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().get("errors").get("command").asText())
        .isEqualTo("property is missing and it is not optional");
  }
}
