package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MigrationAndHaTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .node("pve2", 16, 64L << 30)
              .container(200, "ct200", 512, 8, true));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
    Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "101", "full", "1"));
  }

  @Test
  void qemuMigration_movesTheVmAndItsVolumes() {
    JsonNode check = http.get("/nodes/pve1/qemu/101/migrate").data();
    assertThat(check.get("running").asInt()).isZero();
    assertThat(check.get("allowed_nodes").get(0).asText()).isEqualTo("pve2");
    assertThat(check.get("local_disks").findValuesAsText("volid"))
        .containsExactly("local-lvm:vm-101-disk-0");

    Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"));
    RawHttp.Response offline = http.post("/nodes/pve1/qemu/101/migrate", "target", "pve2");
    assertThat(offline.status()).isEqualTo(500);
    assertThat(offline.reason()).isEqualTo("can't migrate running VM without --online");
    RawHttp.Response local =
        http.post("/nodes/pve1/qemu/101/migrate", "target", "pve2", "online", "1");
    assertThat(local.reason())
        .isEqualTo("can't live migrate attached local disks without with-local-disks option");

    assertThat(
            Tasks.run(
                http,
                http.post(
                    "/nodes/pve1/qemu/101/migrate",
                    "target",
                    "pve2",
                    "online",
                    "1",
                    "with-local-disks",
                    "1")))
        .isEqualTo("OK");
    assertThat(http.get("/nodes/pve1/qemu/101/config").status()).isEqualTo(500);
    assertThat(http.get("/nodes/pve2/qemu/101/status/current").data().get("status").asText())
        .isEqualTo("running");
    assertThat(http.get("/nodes/pve2/storage/local-lvm/content").data().findValuesAsText("volid"))
        .contains("local-lvm:vm-101-disk-0");
    assertThat(http.get("/nodes/pve1/storage/local-lvm/content").data().findValuesAsText("volid"))
        .doesNotContain("local-lvm:vm-101-disk-0");
    RawHttp.Response self = http.post("/nodes/pve2/qemu/101/migrate", "target", "pve2");
    assertThat(self.reason()).isEqualTo("target is local node.");
  }

  @Test
  void lxcMigration_ofARunningContainer_needsRestartMode() {
    RawHttp.Response plain = http.post("/nodes/pve1/lxc/200/migrate", "target", "pve2");
    assertThat(plain.reason()).isEqualTo("running container can only be migrated in restart mode");
    assertThat(
            Tasks.run(
                http, http.post("/nodes/pve1/lxc/200/migrate", "target", "pve2", "restart", "1")))
        .isEqualTo("OK");
    assertThat(http.get("/nodes/pve2/lxc/200/status/current").data().get("status").asText())
        .isEqualTo("running");
    JsonNode resources = http.get("/cluster/resources", "type", "vm").data();
    for (JsonNode r : resources) {
      if (r.get("vmid").asInt() == 200) {
        assertThat(r.get("node").asText()).isEqualTo("pve2");
      }
    }
  }

  @Test
  void haResource_startsItsGuest_andShowsInStatus() {
    assertThat(http.post("/cluster/ha/resources", "sid", "101", "max_restart", "2").status())
        .isEqualTo(200);
    assertThat(http.get("/cluster/ha/resources").data().findValuesAsText("sid"))
        .containsExactly("vm:101");
    assertThat(http.get("/cluster/ha/resources/vm:101").data().get("max_restart").asInt())
        .isEqualTo(2);
    JsonNode status = http.get("/nodes/pve1/qemu/101/status/current").data();
    assertThat(status.get("status").asText()).isEqualTo("running");
    assertThat(status.get("ha").get("managed").asInt()).isEqualTo(1);
    JsonNode current = http.get("/cluster/ha/status/current").data();
    assertThat(current.findValuesAsText("id"))
        .contains("quorum", "master", "lrm:pve1", "service:vm:101");
    RawHttp.Response twice = http.post("/cluster/ha/resources", "sid", "vm:101");
    assertThat(twice.reason()).isEqualTo("resource ID 'vm:101' already defined");

    assertThat(http.put("/cluster/ha/resources/vm:101", "state", "stopped").status())
        .isEqualTo(200);
    assertThat(http.get("/nodes/pve1/qemu/101/status/current").data().get("status").asText())
        .isEqualTo("stopped");
    assertThat(http.delete("/cluster/ha/resources/vm:101").status()).isEqualTo(200);
    assertThat(
            http.get("/nodes/pve1/qemu/101/status/current").data().get("ha").get("managed").asInt())
        .isZero();
  }

  @Test
  void haManagedGuest_cannotBeDestroyedWithoutPurge_andMigratesThroughHa() {
    http.post("/cluster/ha/resources", "sid", "vm:101", "state", "stopped");
    RawHttp.Response migrate = http.post("/nodes/pve1/qemu/101/migrate", "target", "pve2");
    assertThat(migrate.data().asText()).contains(":hamigrate:101:");
    assertThat(Tasks.run(http, migrate)).isEqualTo("OK");
    assertThat(http.get("/nodes/pve2/qemu/101/config").status()).isEqualTo(200);
    RawHttp.Response delete = http.delete("/nodes/pve2/qemu/101");
    assertThat(delete.status()).isEqualTo(500);
    assertThat(delete.reason())
        .isEqualTo("unable to remove VM 101 - used in HA resources and purge parameter not set.");
    assertThat(Tasks.run(http, http.delete("/nodes/pve2/qemu/101", "purge", "1"))).isEqualTo("OK");
    assertThat(http.get("/cluster/ha/resources").data()).isEmpty();
  }
}
