package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.proxmox.AclEntry;
import io.pvekit.proxmox.AgentExecStatus;
import io.pvekit.proxmox.ApiToken;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ConfigUpdate;
import io.pvekit.proxmox.HaApi;
import io.pvekit.proxmox.NodeName;
import io.pvekit.proxmox.ProxmoxApiException;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxNotFoundException;
import io.pvekit.proxmox.ProxmoxParameterException;
import io.pvekit.proxmox.ProxmoxPermissionException;
import io.pvekit.proxmox.QemuAgent;
import io.pvekit.proxmox.QemuVm;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.SnapshotInfo;
import io.pvekit.proxmox.StorageId;
import io.pvekit.proxmox.StorageVolume;
import io.pvekit.proxmox.VmId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The hand-written provisioning APIs of the client, driven against the stateful simulator. */
class ClientErgonomicsTest {
  private static final Duration AWAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .node("pve2", 16, 64L << 30)
              .agentBoot(Duration.ZERO, 2)
              .container(200, "ct200", 512, 8, false));

  private ProxmoxClient client;
  private QemuVm vm;

  @BeforeEach
  void cloneAVm() {
    client =
        clientFor(
            Authentication.password(
                pve.simulator().username(), Secret.of(pve.simulator().password())));
    client
        .node("pve1")
        .qemu()
        .vm(9000)
        .clone(CloneRequest.builder().newId(VmId.of(101)).name("web-1").full(true).build())
        .await(AWAIT);
    vm = client.node("pve1").qemu().vm(101);
  }

  @AfterEach
  void close() {
    client.close();
  }

  private ProxmoxClient clientFor(Authentication authentication) {
    return ProxmoxClient.builder()
        .baseUrl(pve.simulator().httpUrl().toString())
        .authentication(authentication)
        .build();
  }

  @Test
  void pending_listsEveryKeyWithItsCurrentValue_andNothingPending() {
    vm.updateConfig(ConfigUpdate.builder().set("cores", 3).build());
    assertThat(vm.pending())
        .anySatisfy(
            change -> {
              assertThat(change.key()).isEqualTo("cores");
              assertThat(change.value()).contains("3");
            })
        .allSatisfy(change -> assertThat(change.pending()).isEmpty());

    var ct = client.node("pve1").lxc().container(200);
    ct.updateConfig(ConfigUpdate.builder().set("memory", 768).build());
    assertThat(ct.pending())
        .anySatisfy(
            change -> {
              assertThat(change.key()).isEqualTo("memory");
              assertThat(change.value()).contains("768");
            });
  }

  @Test
  void guestAgent_waitWhileBooting_thenExecAndFileWrite() {
    vm.start().await(AWAIT);
    // README: agent
    QemuAgent agent = vm.agent();
    agent.waitForAgent(Duration.ofMinutes(2));
    agent.fileWrite("/etc/motd", "hello from pvekit\n");
    AgentExecStatus cat = agent.exec("cat", "/etc/motd").await(AWAIT);
    // README: agent end
    assertThat(cat.succeeded()).isTrue();
    assertThat(cat.outData()).contains("hello from pvekit\n");
    AgentExecStatus failed = agent.exec("false").await(AWAIT);
    assertThat(failed.exited()).isTrue();
    assertThat(failed.exitCode()).contains(1L);
    assertThat(agent.osInfo().id()).contains("debian");
    assertThat(agent.networkInterfaces()).extracting(i -> i.name()).contains("eth0");
  }

  @Test
  void waitForAgent_failsAtOnce_forAStoppedVm() {
    assertThatThrownBy(() -> vm.agent().waitForAgent(Duration.ofMinutes(2)))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("VM 101 is not running");
  }

  @Test
  void snapshotAndRollback_restoreTheConfig() {
    String cores = vm.config().values().get("cores");
    vm.snapshots().create("before", "before the change").await(AWAIT);
    vm.updateConfig(ConfigUpdate.builder().set("cores", 7).build());
    assertThat(vm.config().values()).containsEntry("cores", "7");
    vm.snapshots().rollback("before").await(AWAIT);
    assertThat(vm.config().values().get("cores")).isEqualTo(cores);
    assertThat(vm.snapshots().list())
        .extracting(SnapshotInfo::name)
        .containsExactlyInAnyOrder("before", "current");
    assertThat(vm.snapshots().list())
        .filteredOn(s -> s.name().equals("before"))
        .singleElement()
        .satisfies(s -> assertThat(s.description()).contains("before the change"));
    vm.snapshots().delete("before", false).await(AWAIT);
    assertThat(vm.snapshots().list()).extracting(SnapshotInfo::name).containsExactly("current");
  }

  @Test
  void containerSnapshots_andLifecycle() {
    var ct = client.node("pve1").lxc().container(200);
    ct.snapshots().create("clean", null).await(AWAIT);
    ct.updateConfig(ConfigUpdate.builder().set("memory", 1024).build());
    ct.snapshots().rollback("clean", false).await(AWAIT);
    assertThat(ct.config().values()).containsEntry("memory", "512");
  }

  @Test
  void aVolume_isInspected_refusedWhileInUse_thenDeleted() {
    vm.updateConfigAsync(ConfigUpdate.builder().set("scsi1", "local-lvm:2").build()).await(AWAIT);
    String volid = vm.config().values().get("scsi1").split(",", 2)[0];
    StorageVolume volume = client.node("pve1").storage("local-lvm").volume(volid);
    assertThat(volume.info().size()).contains(2L << 30);
    assertThatThrownBy(volume::delete)
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("volume is still in use by VM 101");
    vm.updateConfig(ConfigUpdate.builder().delete("scsi1").build());
    volume.delete().orElseThrow().await(AWAIT);
    assertThatThrownBy(volume::info).isInstanceOf(ProxmoxNotFoundException.class);
    assertThat(client.cluster().storageDefinitions())
        .extracting(s -> s.storage())
        .contains(StorageId.of("local-lvm"));
  }

  @Test
  void sshKeys_areUriEncoded_typedOrSetAsPasted() {
    List<String> keys = List.of("ssh-ed25519 AAAAC3Nza me@host", "ssh-rsa AAAAB3Nza you@host");
    vm.updateConfig(ConfigUpdate.builder().sshKeys(keys).build());
    assertThat(vm.config().values().get("sshkeys")).contains("ssh-ed25519%20AAAAC3Nza");
    vm.updateConfig(ConfigUpdate.builder().set("sshkeys", "ssh-ed25519 CCCC other@host").build());
    assertThat(vm.config().values().get("sshkeys")).isEqualTo("ssh-ed25519%20CCCC%20other%40host");
    assertThatThrownBy(
            () ->
                vm.updateConfig(
                    ConfigUpdate.builder().set("sshkeys", "x").set("cores", "many").build()))
        .isInstanceOfSatisfying(
            ProxmoxParameterException.class,
            e -> assertThat(e.errors()).containsKey("cores").doesNotContainKey("sshkeys"));
  }

  @Test
  void vmIdFree_isTrueForAFreeId_andFalseForATakenOne() {
    assertThat(client.cluster().isVmIdFree(VmId.of(101))).isFalse();
    assertThat(client.cluster().isVmIdFree(VmId.of(555))).isTrue();
  }

  @Test
  void poolMembership_addAndRemove() {
    client.pools().create("tenant-a", "tenant A");
    client.pools().addMembers("tenant-a", List.of(VmId.of(101)), List.of(), false);
    assertThat(client.pools().get("tenant-a").orElseThrow().memberVmIds())
        .containsExactly(VmId.of(101));
    client.pools().removeMembers("tenant-a", List.of(VmId.of(101)), List.of());
    assertThat(client.pools().get("tenant-a").orElseThrow().memberVmIds()).isEmpty();
    client.pools().delete("tenant-a");
    assertThat(client.pools().get("tenant-a")).isEmpty();
  }

  @Test
  void aPrivilegeSeparatedToken_getsATypedPermissionError_untilItIsGranted() {
    client.access().createUser("tenant@pve", Secret.of("tenant-password"), "tenant A");
    client
        .access()
        .grant(
            AclEntry.builder()
                .path("/vms/101")
                .addRoles("PVEVMAdmin")
                .addUsers("tenant@pve")
                .build());
    ApiToken token = client.access().createToken("tenant@pve", "capi", true, "CAPMOX");
    assertThat(token.toString()).doesNotContain(token.secret().reveal());
    try (ProxmoxClient tenant = clientFor(token.authentication())) {
      assertThatThrownBy(() -> tenant.node("pve1").qemu().vm(101).config())
          .isInstanceOf(ProxmoxPermissionException.class)
          .hasMessageContaining("/vms/101");
      client
          .access()
          .grant(
              AclEntry.builder()
                  .path("/vms/101")
                  .addRoles("PVEVMAdmin")
                  .addTokens(token.fullTokenId())
                  .build());
      assertThat(tenant.node("pve1").qemu().vm(101).config().values()).containsKey("cores");
    }
  }

  @Test
  void migration_movesARunningVmToTheOtherNode() {
    NodeName pve2 = NodeName.of("pve2");
    assertThat(vm.migration().check(pve2).allows(pve2)).isTrue();
    vm.start().await(AWAIT);
    assertThat(vm.migration().check(pve2).running()).isTrue();
    vm.migration().migrate(pve2, true, true).await(AWAIT);
    assertThat(client.node("pve2").qemu().vm(101).status().status()).isEqualTo("running");
    assertThatThrownBy(() -> vm.config()).isInstanceOf(ProxmoxApiException.class);
  }

  @Test
  void ha_putsAVmUnderHa_andReportsIt() {
    client.cluster().ha().add("vm:101", HaApi.State.STARTED, null);
    assertThat(client.cluster().ha().resources())
        .anySatisfy(r -> assertThat(r.sid()).isEqualTo("vm:101"));
    assertThat(client.cluster().ha().status())
        .anySatisfy(s -> assertThat(s.id()).isEqualTo("service:vm:101"));
    client.cluster().ha().remove("vm:101");
    assertThat(client.cluster().ha().resources()).isEmpty();
  }

  @Test
  void aRunningContainer_migratesWithRestart() {
    var ct = client.node("pve1").lxc().container(200);
    ct.start().await(AWAIT);
    ct.migrate(NodeName.of("pve2"), true).await(AWAIT);
    assertThat(client.node("pve2").lxc().container(200).status().status()).isEqualTo("running");
    assertThat(client.node("pve1").lxc().list()).noneMatch(g -> g.vmid().equals(VmId.of(200)));
  }

  @Test
  void volumeNotes_areKept() {
    String volid = vm.config().values().get("scsi0").split(",", 2)[0];
    StorageVolume disk = client.node("pve1").storage("local-lvm").volume(volid);
    disk.updateNotes("root disk of web-1");
    assertThat(disk.info().notes()).contains("root disk of web-1");
    assertThat(disk.info().format()).isPresent();
  }
}
