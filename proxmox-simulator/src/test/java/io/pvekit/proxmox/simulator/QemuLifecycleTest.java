package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.VmId;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QemuLifecycleTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder().taskDuration(Duration.ofMillis(20)));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
  }

  private String cloneTemplate(int newid) {
    return Tasks.run(
        http,
        http.post(
            "/nodes/pve1/qemu/9000/clone",
            "newid",
            Integer.toString(newid),
            "name",
            "web" + newid));
  }

  @Test
  void clone_fullLifecycle_startStopDelete() {
    assertThat(cloneTemplate(101)).isEqualTo("OK");
    JsonNode config = http.get("/nodes/pve1/qemu/101/config").data();
    assertThat(config.get("name").asText()).isEqualTo("web101");
    assertThat(config.has("lock")).isFalse();
    assertThat(config.has("template")).isFalse();
    assertThat(config.get("scsi0").asText())
        .startsWith("local-lvm:vm-101-disk-0")
        .contains("size=4G");
    String templateMac = http.get("/nodes/pve1/qemu/9000/config").data().get("net0").asText();
    assertThat(config.get("net0").asText())
        .startsWith("virtio=BC:24:11:")
        .isNotEqualTo(templateMac);

    assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/start"))).isEqualTo("OK");
    assertThat(http.get("/nodes/pve1/qemu/101/status/current").data().get("status").asText())
        .isEqualTo("running");

    RawHttp.Response deleteRunning = http.delete("/nodes/pve1/qemu/101");
    assertThat(deleteRunning.status()).isEqualTo(500);
    assertThat(deleteRunning.reason()).isEqualTo("VM 101 is running - destroy failed");
    assertThat(deleteRunning.json().get("message").asText())
        .isEqualTo("VM 101 is running - destroy failed\n");

    assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/101/status/stop"))).isEqualTo("OK");
    assertThat(Tasks.run(http, http.delete("/nodes/pve1/qemu/101"))).isEqualTo("OK");
    assertThat(pve.simulator().vmIds()).containsExactly(VmId.of(9000));
    JsonNode content = http.get("/nodes/pve1/storage/local-lvm/content").data();
    assertThat(content.findValuesAsText("volid")).containsExactly("local-lvm:base-9000-disk-0");
  }

  @Test
  void clone_targetLockedUntilTaskEnds_thenConfigChangesWork() {
    pve.simulator().pauseTasks();
    RawHttp.Response started = http.post("/nodes/pve1/qemu/9000/clone", "newid", "102");
    JsonNode during = http.get("/nodes/pve1/qemu/102/config").data();
    assertThat(during.get("lock").asText()).isEqualTo("clone");
    RawHttp.Response edit = http.put("/nodes/pve1/qemu/102/config", "cores", "4");
    assertThat(edit.status()).isEqualTo(500);
    assertThat(edit.reason()).isEqualTo("VM 102 is locked (clone)");
    assertThat(
            http.get("/nodes/pve1/tasks/" + started.data().asText() + "/status")
                .data()
                .get("status")
                .asText())
        .isEqualTo("running");
    pve.simulator().resumeTasks();
    assertThat(Tasks.run(http, started)).isEqualTo("OK");
    assertThat(http.put("/nodes/pve1/qemu/102/config", "cores", "4").status()).isEqualTo(200);
    assertThat(http.get("/nodes/pve1/qemu/102/config").data().get("cores").asInt()).isEqualTo(4);
  }

  @Test
  void clone_toTakenVmid_failsAndLeavesNothing() {
    assertThat(cloneTemplate(103)).isEqualTo("OK");
    RawHttp.Response again = http.post("/nodes/pve1/qemu/9000/clone", "newid", "103");
    assertThat(again.status()).isEqualTo(500);
    assertThat(again.reason()).isEqualTo("VM 103 already exists on node 'pve1'");
    RawHttp.Response create = http.post("/nodes/pve1/qemu", "vmid", "9000");
    assertThat(create.reason())
        .isEqualTo("unable to create VM 9000 - VM 9000 already exists on node 'pve1'");
  }

  @Test
  void linkedClone_ofNonTemplate_fails_ofTemplate_sharesBase() {
    assertThat(cloneTemplate(104)).isEqualTo("OK");
    RawHttp.Response linked = http.post("/nodes/pve1/qemu/104/clone", "newid", "105", "full", "0");
    assertThat(linked.status()).isEqualTo(500);
    assertThat(linked.reason())
        .isEqualTo("Linked clone feature is not supported for drive 'scsi0'");

    assertThat(
            Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "106", "full", "0")))
        .isEqualTo("OK");
    JsonNode volume = null;
    for (JsonNode v : http.get("/nodes/pve1/storage/local-lvm/content", "vmid", "106").data()) {
      volume = v;
    }
    assertThat(volume).isNotNull();
    assertThat(volume.get("parent").asText()).isEqualTo("base-9000-disk-0");
  }

  @Test
  void start_beyondNodeMemory_failsLikeKvm() {
    http.post("/nodes/pve1/qemu", "vmid", "200", "memory", "70000", "scsi0", "local-lvm:1");
    assertThat(Tasks.await(http, lastUpid()).get("exitstatus").asText()).isEqualTo("OK");
    RawHttp.Response start = http.post("/nodes/pve1/qemu/200/status/start");
    JsonNode status = Tasks.await(http, start.data().asText());
    assertThat(status.get("exitstatus").asText())
        .isEqualTo("start failed: QEMU exited with code 1");
    JsonNode log = http.get("/nodes/pve1/tasks/" + start.data().asText() + "/log").data();
    assertThat(log.findValuesAsText("t"))
        .contains("kvm: cannot set up guest memory 'pc.ram': Cannot allocate memory")
        .last()
        .isEqualTo("TASK ERROR: start failed: QEMU exited with code 1");
    assertThat(pve.simulator().guestStatus(VmId.of(200))).contains("stopped");
  }

  @Test
  void create_withBadDiskStorage_failsTaskAndLeavesNothing() {
    RawHttp.Response r = http.post("/nodes/pve1/qemu", "vmid", "300", "scsi0", "local:8");
    assertThat(Tasks.await(http, r.data().asText()).get("exitstatus").asText())
        .isEqualTo(
            "unable to create VM 300 - storage 'local' does not support content-type 'images'");
    assertThat(pve.simulator().vmIds()).containsExactly(VmId.of(9000));
  }

  @Test
  void template_convertsAndRefusesStart() {
    assertThat(cloneTemplate(107)).isEqualTo("OK");
    assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/107/template"))).isEqualTo("OK");
    JsonNode config = http.get("/nodes/pve1/qemu/107/config").data();
    assertThat(config.get("template").asInt()).isEqualTo(1);
    assertThat(config.get("scsi0").asText()).startsWith("local-lvm:base-107-disk-0");
    RawHttp.Response start = http.post("/nodes/pve1/qemu/107/status/start");
    assertThat(start.reason()).isEqualTo("you can't start a vm if it's a template");
  }

  @Test
  void resize_growsDiskAndRefusesShrink() {
    assertThat(cloneTemplate(108)).isEqualTo("OK");
    assertThat(
            Tasks.run(
                http, http.put("/nodes/pve1/qemu/108/resize", "disk", "scsi0", "size", "+2G")))
        .isEqualTo("OK");
    assertThat(http.get("/nodes/pve1/qemu/108/config").data().get("scsi0").asText())
        .contains("size=6G");
    String shrink =
        Tasks.run(http, http.put("/nodes/pve1/qemu/108/resize", "disk", "scsi0", "size", "1G"));
    assertThat(shrink).startsWith("shrinking disks is not supported");
  }

  @Test
  void configUpdate_withStaleDigest_isRejected_deleteMovesDiskToUnused() {
    assertThat(cloneTemplate(109)).isEqualTo("OK");
    String digest = http.get("/nodes/pve1/qemu/109/config").data().get("digest").asText();
    assertThat(http.put("/nodes/pve1/qemu/109/config", "memory", "4096", "digest", digest).status())
        .isEqualTo(200);
    RawHttp.Response stale =
        http.put("/nodes/pve1/qemu/109/config", "memory", "1024", "digest", digest);
    assertThat(stale.reason())
        .isEqualTo("detected modified configuration - file changed by other user? Try again.");
    assertThat(http.put("/nodes/pve1/qemu/109/config", "scsi1", "local-lvm:2").status())
        .isEqualTo(200);
    assertThat(http.put("/nodes/pve1/qemu/109/config", "delete", "scsi1").status()).isEqualTo(200);
    JsonNode config = http.get("/nodes/pve1/qemu/109/config").data();
    assertThat(config.has("scsi1")).isFalse();
    assertThat(config.get("unused0").asText()).isEqualTo("local-lvm:vm-109-disk-1");
  }

  @Test
  void concurrentWorkersOnOneVm_secondFailsOnTheFileLock() {
    assertThat(cloneTemplate(110)).isEqualTo("OK");
    pve.simulator().pauseTasks();
    String first = http.post("/nodes/pve1/qemu/110/status/start").data().asText();
    String second = http.post("/nodes/pve1/qemu/110/status/start").data().asText();
    pve.simulator().resumeTasks();
    assertThat(Tasks.await(http, first).get("exitstatus").asText()).isEqualTo("OK");
    assertThat(Tasks.await(http, second).get("exitstatus").asText())
        .isEqualTo("can't lock file '/var/lock/qemu-server/lock-110.conf' - got timeout");
  }

  @Test
  void nextid_skipsTakenIds_andAnswersLikePve() {
    assertThat(cloneTemplate(100)).isEqualTo("OK");
    assertThat(http.get("/cluster/nextid").data().asText()).isEqualTo("101");
    assertThat(http.get("/cluster/nextid").data().isTextual()).isTrue();
    RawHttp.Response taken = http.get("/cluster/nextid", "vmid", "9000");
    assertThat(taken.status()).isEqualTo(400);
    assertThat(taken.json().get("errors").get("vmid").asText()).isEqualTo("VM 9000 already exists");
  }

  @Test
  void agent_reportsInterfacesOfRunningVm() {
    assertThat(cloneTemplate(111)).isEqualTo("OK");
    RawHttp.Response stopped = http.get("/nodes/pve1/qemu/111/agent/network-get-interfaces");
    assertThat(stopped.reason()).isEqualTo("VM 111 is not running");
    assertThat(Tasks.run(http, http.post("/nodes/pve1/qemu/111/status/start"))).isEqualTo("OK");
    JsonNode result =
        http.get("/nodes/pve1/qemu/111/agent/network-get-interfaces").data().get("result");
    assertThat(result.findValuesAsText("name")).containsExactly("lo", "eth0");
    assertThat(result.get(1).get("ip-addresses").get(0).get("ip-address").asText())
        .startsWith("10.10.");
  }

  private String lastUpid() {
    var upids = pve.simulator().taskUpids();
    return upids.get(upids.size() - 1);
  }
}
