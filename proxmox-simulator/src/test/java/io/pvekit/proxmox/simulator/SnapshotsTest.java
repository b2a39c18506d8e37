package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SnapshotsTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .container(200, "ct200", 512, 8, false));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
    Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "101"));
  }

  @Test
  void qemu_createListRollbackDelete_restoresTheConfig() {
    assertThat(
            Tasks.run(
                http,
                http.post(
                    "/nodes/pve1/qemu/101/snapshot", "snapname", "before", "description", "base")))
        .isEqualTo("OK");
    assertThat(http.put("/nodes/pve1/qemu/101/config", "cores", "8").status()).isEqualTo(200);
    assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/101/snapshot", "snapname", "after")))
        .isEqualTo("OK");

    JsonNode list = http.get("/nodes/pve1/qemu/101/snapshot").data();
    assertThat(list.findValuesAsText("name")).containsExactly("before", "after", "current");
    assertThat(list.get(1).get("parent").asText()).isEqualTo("before");
    assertThat(list.get(2).get("parent").asText()).isEqualTo("after");
    assertThat(list.get(0).get("snaptime").isIntegralNumber()).isTrue();
    assertThat(http.get("/nodes/pve1/qemu/101/config").data().get("parent").asText())
        .isEqualTo("after");
    assertThat(http.get("/nodes/pve1/qemu/101/snapshot/before/config").data().get("cores").asText())
        .isEqualTo("2");

    RawHttp.Response taken = http.post("/nodes/pve1/qemu/101/snapshot", "snapname", "before");
    assertThat(taken.status()).isEqualTo(500);
    assertThat(taken.reason()).isEqualTo("snapshot name 'before' already used");

    assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/101/snapshot/before/rollback")))
        .isEqualTo("OK");
    JsonNode config = http.get("/nodes/pve1/qemu/101/config").data();
    assertThat(config.get("cores").asInt()).isEqualTo(2);
    assertThat(config.get("parent").asText()).isEqualTo("before");

    assertThat(Tasks.run(http, http.delete("/nodes/pve1/qemu/101/snapshot/before")))
        .isEqualTo("OK");
    list = http.get("/nodes/pve1/qemu/101/snapshot").data();
    assertThat(list.findValuesAsText("name")).containsExactly("after", "current");
    assertThat(list.get(0).has("parent")).isFalse();
    assertThat(http.get("/nodes/pve1/qemu/101/config").data().has("parent")).isFalse();
    RawHttp.Response missing = http.post("/nodes/pve1/qemu/101/snapshot/before/rollback");
    assertThat(missing.status()).isEqualTo(500);
    assertThat(missing.reason()).isEqualTo("snapshot 'before' does not exist");
  }

  @Test
  void qemu_rollbackStopsARunningVm_andStartsItWithStart() {
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/snapshot", "snapname", "s1"));
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"));
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/snapshot/s1/rollback"));
    assertThat(http.get("/nodes/pve1/qemu/101/status/current").data().get("status").asText())
        .isEqualTo("stopped");
    Tasks.run(http, http.post("/nodes/pve1/qemu/101/snapshot/s1/rollback", "start", "1"));
    assertThat(http.get("/nodes/pve1/qemu/101/status/current").data().get("status").asText())
        .isEqualTo("running");
  }

  @Test
  void lxc_snapshotAndRollback_restoreTheConfig() {
    Tasks.run(http, http.post("/nodes/pve1/lxc/200/snapshot", "snapname", "clean"));
    assertThat(http.put("/nodes/pve1/lxc/200/config", "memory", "2048").status()).isEqualTo(200);
    assertThat(Tasks.run(http, http.post("/nodes/pve1/lxc/200/snapshot/clean/rollback")))
        .isEqualTo("OK");
    assertThat(http.get("/nodes/pve1/lxc/200/config").data().get("memory").asInt()).isEqualTo(512);
    JsonNode list = http.get("/nodes/pve1/lxc/200/snapshot").data();
    assertThat(list.findValuesAsText("name")).containsExactly("clean", "current");
    assertThat(list.get(0).has("vmstate")).isFalse();
  }

  @Test
  void snapshotName_isValidatedAgainstTheSchema() {
    RawHttp.Response bad = http.post("/nodes/pve1/qemu/101/snapshot", "snapname", "1bad");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().get("errors").get("snapname").asText()).contains("invalid format");
  }
}
