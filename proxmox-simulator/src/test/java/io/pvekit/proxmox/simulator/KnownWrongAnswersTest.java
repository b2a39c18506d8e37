package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The answers issue 15 lists as wrong, each checked the way a real PVE 9.1 answers. */
class KnownWrongAnswersTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(20))
              .container(200, "ct200", 512, 8, false)
              .pool("dev"));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
  }

  private void clone(int newid) {
    assertThat(
            Tasks.run(
                http, http.post("/nodes/pve1/qemu/9000/clone", "newid", Integer.toString(newid))))
        .isEqualTo("OK");
  }

  @Test
  void postConfig_taskDoesNotTripOverItsOwnLock() {
    clone(101);
    RawHttp.Response started =
        http.post("/nodes/pve1/qemu/101/config", "cores", "4", "ipconfig0", "ip=10.0.0.5/24");
    assertThat(Tasks.run(http, started)).isEqualTo("OK");
    JsonNode config = http.get("/nodes/pve1/qemu/101/config").data();
    assertThat(config.get("cores").asInt()).isEqualTo(4);
    assertThat(config.get("ipconfig0").asText()).isEqualTo("ip=10.0.0.5/24");
  }

  @Test
  void flatPoolForms_updateAndDelete() {
    clone(101);
    assertThat(http.put("/pools", "poolid", "dev", "vms", "101", "storage", "local").status())
        .isEqualTo(200);
    JsonNode members = http.get("/pools/dev").data().get("members");
    assertThat(members.findValuesAsText("id")).contains("qemu/101", "storage/pve1/local");
    RawHttp.Response notEmpty = http.delete("/pools", "poolid", "dev");
    assertThat(notEmpty.status()).isEqualTo(500);
    assertThat(notEmpty.reason()).isEqualTo("pool 'dev' is not empty");
    assertThat(
            http.put("/pools", "poolid", "dev", "vms", "101", "storage", "local", "delete", "1")
                .status())
        .isEqualTo(200);
    assertThat(http.put("/pools", "poolid", "dev", "storage", "nfs").reason())
        .isEqualTo("storage 'nfs' does not exist");
    assertThat(http.put("/pools", "poolid", "dev", "vms", "101", "delete", "1").reason())
        .isEqualTo("VM 101 is not a pool member");
    assertThat(http.delete("/pools", "poolid", "dev").status()).isEqualTo(200);
    assertThat(http.get("/pools").data()).isEmpty();
  }

  @Test
  void createdAndClonedVms_haveSmbiosUuidVmgenidAndMeta_cloneGetsItsOwn() {
    assertThat(
            Tasks.run(
                http, http.post("/nodes/pve1/qemu", "vmid", "150", "memory", "1024", "cores", "1")))
        .isEqualTo("OK");
    clone(101);
    clone(102);
    JsonNode template = http.get("/nodes/pve1/qemu/9000/config").data();
    JsonNode created = http.get("/nodes/pve1/qemu/150/config").data();
    JsonNode first = http.get("/nodes/pve1/qemu/101/config").data();
    JsonNode second = http.get("/nodes/pve1/qemu/102/config").data();
    Set<String> uuids = new TreeSet<>();
    Set<String> genids = new TreeSet<>();
    for (JsonNode c : new JsonNode[] {template, created, first, second}) {
      assertThat(c.get("smbios1").asText())
          .matches("uuid=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
      assertThat(c.get("vmgenid").asText()).matches("[0-9a-f-]{36}");
      assertThat(c.get("meta").asText()).matches("creation-qemu=10\\.1\\.2,ctime=\\d{10}");
      uuids.add(c.get("smbios1").asText());
      genids.add(c.get("vmgenid").asText());
    }
    assertThat(uuids).hasSize(4);
    assertThat(genids).hasSize(4);
  }

  @Test
  void lxcStartOfRunningAndStopOfStopped_failAtOnceWith500() {
    RawHttp.Response stop = http.post("/nodes/pve1/lxc/200/status/stop");
    assertThat(stop.status()).isEqualTo(500);
    assertThat(stop.reason()).isEqualTo("CT 200 not running");
    assertThat(stop.json().get("message").asText()).isEqualTo("CT 200 not running\n");
    RawHttp.Response shutdown = http.post("/nodes/pve1/lxc/200/status/shutdown");
    assertThat(shutdown.reason()).isEqualTo("CT 200 not running");
    assertThat(Tasks.run(http, http.post("/nodes/pve1/lxc/200/status/start"))).isEqualTo("OK");
    RawHttp.Response again = http.post("/nodes/pve1/lxc/200/status/start");
    assertThat(again.status()).isEqualTo(500);
    assertThat(again.reason()).isEqualTo("CT 200 already running");
  }

  @Test
  void runningGuest_uptimeGrowsFromItsStart() {
    clone(101);
    assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"))).isEqualTo("OK");
    pve.simulator().advanceClock(Duration.ofSeconds(90));
    long uptime = http.get("/nodes/pve1/qemu/101/status/current").data().get("uptime").asLong();
    assertThat(uptime).isBetween(90L, 120L);
    JsonNode listed = http.get("/cluster/resources", "type", "vm").data();
    for (JsonNode r : listed) {
      if (r.get("vmid").asInt() == 101) {
        assertThat(r.get("uptime").asLong()).isGreaterThanOrEqualTo(90);
      }
    }
    pve.simulator().advanceClock(Duration.ofSeconds(60));
    assertThat(http.get("/nodes/pve1/qemu/101/status/current").data().get("uptime").asLong())
        .isGreaterThanOrEqualTo(uptime + 60);
  }

  @Test
  void qemuStatusCurrent_hasTheFieldsPve91Returns() {
    clone(101);
    assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"))).isEqualTo("OK");
    JsonNode status = http.get("/nodes/pve1/qemu/101/status/current").data();
    assertThat(fieldNames(status))
        .contains(
            "agent",
            "cpu",
            "cpus",
            "diskread",
            "diskwrite",
            "ha",
            "maxdisk",
            "maxmem",
            "mem",
            "memhost",
            "name",
            "netin",
            "netout",
            "pid",
            "pressurecpufull",
            "pressurecpusome",
            "pressureiofull",
            "pressureiosome",
            "pressurememoryfull",
            "pressurememorysome",
            "qmpstatus",
            "running-machine",
            "running-qemu",
            "serial",
            "spice",
            "status",
            "uptime",
            "vmid",
            "balloon",
            "ballooninfo",
            "blockstat",
            "nics",
            "proxmox-support");
    assertThat(status.get("blockstat").has("scsi0")).isTrue();
    assertThat(status.get("nics").has("tap101i0")).isTrue();
    JsonNode ct = http.get("/nodes/pve1/lxc/200/status/current").data();
    assertThat(fieldNames(ct))
        .contains(
            "pressurecpusome",
            "pressureiofull",
            "pressureiosome",
            "pressurememoryfull",
            "pressurememorysome",
            "maxswap",
            "disk",
            "ha",
            "type");
  }

  @Test
  void ticket_namesTheClusterOnlyOnAClusterMember() {
    RawHttp.Response standalone =
        http.send(
            "POST",
            "/api2/json/access/ticket",
            "username=root%40pam&password=" + ProxmoxSimulator.DEFAULT_PASSWORD);
    assertThat(standalone.data().has("clustername")).isFalse();
    assertThat(standalone.data().has("ticket")).isTrue();
    try (ProxmoxSimulator cluster = ProxmoxSimulator.builder().node("pve2", 8, 32L << 30).start()) {
      RawHttp other = RawHttp.to(cluster);
      RawHttp.Response member =
          other.send(
              "POST",
              "/api2/json/access/ticket",
              "username=root%40pam&password=" + ProxmoxSimulator.DEFAULT_PASSWORD);
      assertThat(member.data().get("clustername").asText()).isEqualTo("pvekit-sim");
    }
  }

  @Test
  void oneCharacterTokenName_isRefusedWithPvesPattern() {
    assertThatThrownBy(() -> ProxmoxSimulator.builder().token("root@pam!x", "s", true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the name 'x' does not match PVE's tokenid pattern")
        .hasMessageContaining("[A-Za-z][A-Za-z0-9\\.\\-_]+");
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
