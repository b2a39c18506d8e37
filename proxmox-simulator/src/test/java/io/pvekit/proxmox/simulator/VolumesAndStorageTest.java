package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class VolumesAndStorageTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder().taskDuration(Duration.ofMillis(10)));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
    Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "101", "full", "1"));
  }

  @Test
  void volume_getUpdateDelete() {
    String volid = "local-lvm:vm-101-disk-0";
    JsonNode info = http.get("/nodes/pve1/storage/local-lvm/content/" + volid).data();
    assertThat(info.get("path").asText()).isEqualTo("/dev/pve/vm-101-disk-0");
    assertThat(info.get("size").asLong()).isEqualTo(4L << 30);
    assertThat(info.get("format").asText()).isEqualTo("raw");
    assertThat(
            http.put("/nodes/pve1/storage/local-lvm/content/" + volid, "notes", "boot disk")
                .status())
        .isEqualTo(200);
    assertThat(
            http.get("/nodes/pve1/storage/local-lvm/content/vm-101-disk-0")
                .data()
                .get("notes")
                .asText())
        .isEqualTo("boot disk");

    RawHttp.Response inUse = http.delete("/nodes/pve1/storage/local-lvm/content/" + volid);
    assertThat(inUse.status()).isEqualTo(500);
    assertThat(inUse.reason()).contains("still in use by VM 101");

    // detach: the disk becomes unused0, then the volume can go and unused0 goes with it
    assertThat(http.put("/nodes/pve1/qemu/101/config", "delete", "scsi0").status()).isEqualTo(200);
    assertThat(Tasks.run(http, http.delete("/nodes/pve1/storage/local-lvm/content/" + volid)))
        .isEqualTo("OK");
    RawHttp.Response gone = http.get("/nodes/pve1/storage/local-lvm/content/" + volid);
    assertThat(gone.status()).isEqualTo(500);
    assertThat(gone.reason()).isEqualTo("volume '" + volid + "' does not exist");
    assertThat(http.get("/nodes/pve1/qemu/101/config").data().has("unused0")).isFalse();
  }

  @Test
  void volumesDisappearWithTheirGuest() {
    assertThat(Tasks.run(http, http.delete("/nodes/pve1/qemu/101"))).isEqualTo("OK");
    assertThat(http.get("/nodes/pve1/storage/local-lvm/content").data().findValuesAsText("volid"))
        .doesNotContain("local-lvm:vm-101-disk-0");
    assertThat(http.get("/nodes/pve1/storage/local-lvm/content/local-lvm:vm-101-disk-0").status())
        .isEqualTo(500);
  }

  @Test
  void baseVolumeOfLinkedClones_cannotBeDeleted() {
    Tasks.run(http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "102"));
    RawHttp.Response r =
        http.delete("/nodes/pve1/storage/local-lvm/content/local-lvm:base-9000-disk-0");
    assertThat(r.status()).isEqualTo(500);
    assertThat(r.reason())
        .isEqualTo("base volume 'base-9000-disk-0' is still in use by linked clones");
  }

  @Test
  void storageConfigList_showsEveryStorageWithItsType() {
    JsonNode list = http.get("/storage").data();
    assertThat(list.findValuesAsText("storage")).containsExactly("local", "local-lvm");
    assertThat(list.get(1).get("type").asText()).isEqualTo("lvmthin");
    assertThat(list.get(1).get("thinpool").asText()).isEqualTo("data");
    assertThat(list.get(0).get("path").asText()).isEqualTo("/var/lib/vz");
    assertThat(list.get(0).get("digest").asText()).matches("[0-9a-f]{40}");
    assertThat(http.get("/storage", "type", "dir").data()).hasSize(1);
  }
}
