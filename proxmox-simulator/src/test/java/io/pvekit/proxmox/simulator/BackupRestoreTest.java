package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.BackupJob;
import io.pvekit.proxmox.BackupRequest;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ConfigUpdate;
import io.pvekit.proxmox.ProxmoxApiException;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.QemuVm;
import io.pvekit.proxmox.StorageContent;
import io.pvekit.proxmox.StorageId;
import io.pvekit.proxmox.TaskFailedException;
import io.pvekit.proxmox.VmId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code vzdump} backups into a storage and restores from them, driven through the client. */
class BackupRestoreTest {
  private static final Duration AWAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .container(200, "ct200", 512, 8, false));

  private ProxmoxClient client;
  private QemuVm vm;
  private RawHttp http;

  @BeforeEach
  void cloneAVm() {
    client = pve.simulator().newClient();
    client
        .node("pve1")
        .qemu()
        .vm(9000)
        .clone(CloneRequest.builder().newId(VmId.of(101)).name("web-1").full(true).build())
        .await(AWAIT);
    vm = client.node("pve1").qemu().vm(101);
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
  }

  @AfterEach
  void close() {
    client.close();
  }

  private StorageContent backUp(int vmid) {
    client
        .node("pve1")
        .backup(
            BackupRequest.builder()
                .addVmIds(VmId.of(vmid))
                .storage(StorageId.of("local"))
                .mode(BackupRequest.Mode.SNAPSHOT)
                .compress("zstd")
                .notesTemplate("{{guestname}} on {{node}}")
                .build())
        .await(AWAIT);
    List<StorageContent> backups = client.node("pve1").storage("local").content("backup");
    return backups.stream()
        .filter(b -> b.vmid().equals(java.util.Optional.of(VmId.of(vmid))))
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  @Test
  void backup_createsAnArchiveVolume_listedWithItsGuestFormatAndNotes() {
    StorageContent backup = backUp(101);
    assertThat(backup.volid())
        .matches(
            "local:backup/vzdump-qemu-101-\\d{4}_\\d{2}_\\d{2}-\\d{2}_\\d{2}_\\d{2}\\.vma\\.zst");
    assertThat(backup.content()).isEqualTo("backup");
    assertThat(backup.format()).contains("vma.zst");
    assertThat(backup.size()).hasValueSatisfying(size -> assertThat(size).isPositive());
    JsonNode raw = http.get("/nodes/pve1/storage/local/content", "content", "backup").data().get(0);
    assertThat(raw.get("notes").asText()).isEqualTo("web-1 on pve1");
    assertThat(raw.get("subtype").asText()).isEqualTo("qemu");
    assertThat(backup.subtype()).contains("qemu");
    assertThat(backup.notes()).contains("web-1 on pve1");
    assertThat(backup.isProtected()).isFalse();
    assertThat(client.node("pve1").backupConfig(backup.volid()))
        .containsEntry("name", "web-1")
        .containsEntry("cores", vm.config().values().get("cores"))
        .doesNotContainKey("lock");
  }

  @Test
  void restoreOverTheVm_withForce_bringsBackTheBackedUpConfig() {
    String cores = vm.config().values().get("cores");
    StorageContent backup = backUp(101);
    vm.updateConfig(ConfigUpdate.builder().set("cores", 7).set("name", "changed").build());

    assertThatThrownBy(
            () ->
                client
                    .node("pve1")
                    .qemu()
                    .restore(VmId.of(101), backup.volid(), null, false)
                    .await(AWAIT))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("unable to restore VM 101 - VM 101 already exists on node 'pve1'");

    client.node("pve1").qemu().restore(VmId.of(101), backup.volid(), null, true).await(AWAIT);
    assertThat(vm.config().values())
        .containsEntry("cores", cores)
        .containsEntry("name", "web-1")
        .doesNotContainKey("lock");
    String disk = vm.config().values().get("scsi0");
    String volume = disk.substring(0, disk.indexOf(','));
    assertThat(client.node("pve1").storage("local-lvm").content())
        .extracting(StorageContent::volid)
        .containsOnlyOnce(volume);
  }

  @Test
  void restoreToANewVmid_copiesTheConfig_andUniqueGivesNewMacsAndUuid() {
    StorageContent backup = backUp(101);
    JsonNode original = http.get("/nodes/pve1/qemu/101/config").data();
    client.node("pve1").qemu().restore(VmId.of(150), backup.volid(), null, false).await(AWAIT);
    JsonNode copy = http.get("/nodes/pve1/qemu/150/config").data();
    assertThat(copy.get("name").asText()).isEqualTo("web-1");
    assertThat(copy.get("net0").asText()).isEqualTo(original.get("net0").asText());
    assertThat(copy.get("scsi0").asText()).contains("vm-150-disk-");
    assertThat(copy.get("vmgenid").asText()).isNotEqualTo(original.get("vmgenid").asText());

    client
        .node("pve1")
        .qemu()
        .restore(VmId.of(151), backup.volid(), StorageId.of("local-lvm"), false, true)
        .await(AWAIT);
    JsonNode renewed = http.get("/nodes/pve1/qemu/151/config").data();
    assertThat(renewed.get("net0").asText()).isNotEqualTo(original.get("net0").asText());
    assertThat(renewed.get("smbios1").asText()).isNotEqualTo(original.get("smbios1").asText());
  }

  @Test
  void container_backupAndRestore_withRestoreFlag() {
    client.node("pve1").backup(BackupRequest.builder().addVmIds(VmId.of(200)).build()).await(AWAIT);
    StorageContent backup = client.node("pve1").storage("local").content("backup").get(0);
    assertThat(backup.volid()).matches("local:backup/vzdump-lxc-200-.*\\.tar");
    client
        .node("pve1")
        .lxc()
        .restore(VmId.of(250), backup.volid(), StorageId.of("local-lvm"), false)
        .await(AWAIT);
    assertThat(client.node("pve1").lxc().container(250).config().values())
        .containsEntry("hostname", "ct200")
        .hasEntrySatisfying("rootfs", v -> assertThat(v).startsWith("local-lvm:vm-250-disk-"));
  }

  @Test
  void backup_toAStorageWithoutBackupContent_failsTheTask() {
    assertThatThrownBy(
            () ->
                client
                    .node("pve1")
                    .backup(
                        BackupRequest.builder()
                            .addVmIds(VmId.of(101))
                            .storage(StorageId.of("local-lvm"))
                            .build())
                    .await(AWAIT))
        .isInstanceOf(TaskFailedException.class)
        .hasMessageContaining("can't use storage 'local-lvm' for backups - wrong content type");
  }

  @Test
  void backup_ofAnUnknownGuest_endsWithJobErrors() {
    RawHttp.Response started = http.post("/nodes/pve1/vzdump", "vmid", "101,4242");
    assertThat(Tasks.run(http, started)).isEqualTo("job errors");
    String upid = started.data().asText();
    JsonNode log = http.get("/nodes/pve1/tasks/" + upid + "/log").data();
    assertThat(log.findValuesAsText("t"))
        .contains(
            "ERROR: Backup of VM 4242 failed - unable to find configuration file for VM 4242"
                + " on node 'pve1'");
    assertThat(http.get("/nodes/pve1/storage/local/content", "content", "backup").data().size())
        .isEqualTo(1);
  }

  @Test
  void deletingTheBackupVolume_makesRestoreFail() {
    StorageContent backup = backUp(101);
    client.node("pve1").storage("local").volume(backup.volid()).delete().orElseThrow().await(AWAIT);
    assertThat(client.node("pve1").storage("local").content("backup")).isEmpty();
    RawHttp.Response restore =
        http.post("/nodes/pve1/qemu", "vmid", "160", "archive", backup.volid());
    assertThat(restore.status()).isEqualTo(500);
    assertThat(restore.reason()).isEqualTo("volume '" + backup.volid() + "' does not exist");
  }

  @Test
  void restoreOverARunningVm_fails() {
    StorageContent backup = backUp(101);
    vm.start().await(AWAIT);
    RawHttp.Response restore =
        http.post("/nodes/pve1/qemu", "vmid", "101", "archive", backup.volid(), "force", "1");
    assertThat(restore.status()).isEqualTo(500);
    assertThat(restore.reason()).isEqualTo("unable to restore VM 101 - vm is running");
  }

  @Test
  void backupJobs_throughTheClient_areTyped() {
    client
        .cluster()
        .createBackupJob(
            "weekly",
            "sat 02:00",
            BackupRequest.builder()
                .addVmIds(VmId.of(101))
                .storage(StorageId.of("local"))
                .compress("zstd")
                .build());
    BackupJob job = client.cluster().backupJob("weekly");
    assertThat(job.schedule()).contains("sat 02:00");
    assertThat(job.vmIds()).containsExactly(VmId.of(101));
    assertThat(job.storage()).contains(StorageId.of("local"));
    assertThat(job.compress()).contains("zstd");
    assertThat(job.enabled()).isTrue();
    assertThat(job.nextRun()).isPresent();
    assertThat(client.cluster().guestsNotBackedUp())
        .contains(VmId.of(200))
        .doesNotContain(VmId.of(101));

    client.cluster().setBackupJobEnabled("weekly", false);
    assertThat(client.cluster().backupJob("weekly").enabled()).isFalse();
    assertThat(client.cluster().backupJob("weekly").nextRun()).isEmpty();
    assertThat(client.cluster().guestsNotBackedUp()).contains(VmId.of(101));
    client
        .cluster()
        .updateBackupJob(
            "weekly",
            "daily",
            BackupRequest.builder().addVmIds(VmId.of(101), VmId.of(200)).build());
    assertThat(client.cluster().backupJobs())
        .singleElement()
        .satisfies(
            j -> {
              assertThat(j.schedule()).contains("daily");
              assertThat(j.vmIds()).containsExactly(VmId.of(101), VmId.of(200));
            });
    client.cluster().deleteBackupJob("weekly");
    assertThat(client.cluster().backupJobs()).isEmpty();
    assertThatThrownBy(() -> client.cluster().backupJob("weekly"))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("No such job 'weekly'");
  }

  @Test
  void backupJobs_createListUpdateDelete_andNotBackedUp() {
    assertThat(
            http.post(
                    "/cluster/backup",
                    "id",
                    "nightly",
                    "schedule",
                    "21:00",
                    "vmid",
                    "101",
                    "storage",
                    "local")
                .status())
        .isEqualTo(200);
    JsonNode job = http.get("/cluster/backup/nightly").data();
    assertThat(job.get("schedule").asText()).isEqualTo("21:00");
    assertThat(job.get("vmid").asText()).isEqualTo("101");
    assertThat(job.get("enabled").asInt()).isEqualTo(1);
    assertThat(job.get("type").asText()).isEqualTo("vzdump");
    JsonNode uncovered = http.get("/cluster/backup-info/not-backed-up").data();
    assertThat(uncovered.findValuesAsText("vmid")).contains("200").doesNotContain("101");

    assertThat(http.put("/cluster/backup/nightly", "all", "1").status()).isEqualTo(200);
    assertThat(http.get("/cluster/backup/nightly").data().has("vmid")).isFalse();
    assertThat(http.get("/cluster/backup-info/not-backed-up").data().size()).isZero();

    RawHttp.Response duplicate =
        http.post("/cluster/backup", "id", "nightly", "schedule", "daily", "all", "1");
    assertThat(duplicate.status()).isEqualTo(500);
    assertThat(http.delete("/cluster/backup/nightly").status()).isEqualTo(200);
    RawHttp.Response gone = http.get("/cluster/backup/nightly");
    assertThat(gone.status()).isEqualTo(400);
    assertThat(http.get("/cluster/backup").data().size()).isZero();
  }

  @Test
  void backup_locksTheGuestWhileItRuns_andAnotherLockFailsIt() {
    pve.simulator().pauseTasks();
    RawHttp.Response started = http.post("/nodes/pve1/vzdump", "vmid", "101");
    assertThat(http.get("/nodes/pve1/qemu/101/config").data().get("lock").asText())
        .isEqualTo("backup");
    RawHttp.Response update = http.put("/nodes/pve1/qemu/101/config", "cores", "3");
    assertThat(update.status()).isEqualTo(500);
    assertThat(update.reason()).isEqualTo("VM 101 is locked (backup)");
    RawHttp.Response second = http.post("/nodes/pve1/vzdump", "vmid", "101");
    pve.simulator().resumeTasks();
    assertThat(Tasks.run(http, started)).isEqualTo("OK");
    assertThat(Tasks.run(http, second))
        .as("jobs of a node run one after the other")
        .isEqualTo("OK");
    assertThat(http.get("/nodes/pve1/qemu/101/config").data().has("lock")).isFalse();

    // an interrupted snapshot leaves its lock behind, as on PVE; backups then fail
    pve.simulator().pauseTasks();
    RawHttp.Response snapshot = http.post("/nodes/pve1/qemu/101/snapshot", "snapname", "s1");
    http.delete("/nodes/pve1/tasks/" + snapshot.data().asText());
    pve.simulator().resumeTasks();
    RawHttp.Response third = http.post("/nodes/pve1/vzdump", "vmid", "101");
    assertThat(Tasks.run(http, third)).isEqualTo("job errors");
    String log = http.get("/nodes/pve1/tasks/" + third.data().asText() + "/log").data().toString();
    assertThat(log).contains("ERROR: Backup of VM 101 failed - VM 101 is locked (snapshot)");
    assertThat(http.get("/nodes/pve1/qemu/101/config").data().get("lock").asText())
        .isEqualTo("snapshot");
  }

  @Test
  void includedVolumes_tellWhichDisksAJobBacksUp() {
    http.put("/nodes/pve1/qemu/101/config", "scsi1", "local-lvm:1,backup=0");
    http.post("/cluster/backup", "id", "nightly", "schedule", "daily", "vmid", "101,200,4242");
    JsonNode guests = http.get("/cluster/backup/nightly/included_volumes").data().get("children");
    assertThat(guests.findValuesAsText("type")).containsExactly("qemu", "lxc", "unknown");
    JsonNode disks = guests.get(0).get("children");
    assertThat(disks.findValuesAsText("id")).contains("101:scsi0", "101:scsi1");
    for (JsonNode disk : disks) {
      if (disk.get("id").asText().equals("101:scsi1")) {
        assertThat(disk.get("included").asInt()).isZero();
        assertThat(disk.get("reason").asText()).isEqualTo("backup=no");
      } else if (disk.get("id").asText().equals("101:scsi0")) {
        assertThat(disk.get("included").asInt()).isEqualTo(1);
        assertThat(disk.get("reason").asText()).isEqualTo("backup=yes");
      }
    }
    assertThat(guests.get(1).get("children").get(0).get("reason").asText()).isEqualTo("rootfs");

    StorageContent backup = backUp(101);
    assertThat(client.node("pve1").backupConfig(backup.volid())).doesNotContainKey("scsi1");
  }
}
