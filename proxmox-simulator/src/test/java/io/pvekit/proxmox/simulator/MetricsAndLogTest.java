package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.AclEntry;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ClusterLogEntry;
import io.pvekit.proxmox.ProxmoxApiException;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxParameterException;
import io.pvekit.proxmox.ProxmoxPermissionException;
import io.pvekit.proxmox.RoleInfo;
import io.pvekit.proxmox.RrdPoint;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.Task;
import io.pvekit.proxmox.VmId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code rrddata}, {@code /cluster/log} and {@code /access/roles}, driven through the client. */
class MetricsAndLogTest {
  private static final Duration AWAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .container(200, "ct200", 512, 8, false));

  private ProxmoxClient client;
  private Task cloned;

  @BeforeEach
  void cloneAVm() {
    client = pve.simulator().newClient();
    cloned =
        client
            .node("pve1")
            .qemu()
            .vm(9000)
            .clone(CloneRequest.builder().newId(VmId.of(101)).name("web-1").full(true).build());
    cloned.await(AWAIT);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void nodeRrd_hasPve9sRowsAndStepPerTimeframe() {
    Map<RrdPoint.Timeframe, long[]> expected =
        Map.of(
            RrdPoint.Timeframe.HOUR, new long[] {60, 60},
            RrdPoint.Timeframe.DAY, new long[] {1440, 60},
            RrdPoint.Timeframe.WEEK, new long[] {336, 1800},
            RrdPoint.Timeframe.MONTH, new long[] {1440, 1800},
            RrdPoint.Timeframe.YEAR, new long[] {1440, 21600},
            RrdPoint.Timeframe.DECADE, new long[] {570, 604800});
    expected.forEach(
        (frame, rowsAndStep) -> {
          List<RrdPoint> points =
              client.node("pve1").rrdData(frame, RrdPoint.Consolidation.AVERAGE);
          assertThat(points).as(frame.name()).hasSize((int) rowsAndStep[0]);
          long step = points.get(1).time().getEpochSecond() - points.get(0).time().getEpochSecond();
          assertThat(step).as(frame.name()).isEqualTo(rowsAndStep[1]);
          assertThat(points.get(0).time().getEpochSecond() % rowsAndStep[1]).isZero();
        });
    RrdPoint last =
        client
            .node("pve1")
            .rrdData(RrdPoint.Timeframe.HOUR, RrdPoint.Consolidation.AVERAGE)
            .get(59);
    assertThat(last.values())
        .containsKeys("cpu", "maxcpu", "memtotal", "memused", "loadavg", "netin", "netout")
        .containsEntry("maxcpu", 16.0);
    assertThat(last.values().get("cpu")).isBetween(0.0, 1.0);
  }

  @Test
  void guestRrd_followsTheGuestsState_andIsStableAndMaxIsAtLeastTheAverage() {
    var vm = client.node("pve1").qemu().vm(101);
    List<RrdPoint> stopped = vm.rrdData(RrdPoint.Timeframe.HOUR, RrdPoint.Consolidation.AVERAGE);
    assertThat(stopped).hasSize(60);
    long maxmem = vm.status().maxMem().orElseThrow();
    assertThat(stopped)
        .allSatisfy(
            p ->
                assertThat(p.values())
                    .doesNotContainKey("cpu")
                    .containsEntry("maxmem", (double) maxmem)
                    .containsEntry("disk", 0.0));
    assertThat(vm.rrdData(RrdPoint.Timeframe.HOUR, RrdPoint.Consolidation.AVERAGE))
        .isEqualTo(stopped);

    vm.start().await(AWAIT);
    pve.simulator().advanceClock(Duration.ofMinutes(5));
    List<RrdPoint> running = vm.rrdData(RrdPoint.Timeframe.HOUR, RrdPoint.Consolidation.AVERAGE);
    List<RrdPoint> peaks = vm.rrdData(RrdPoint.Timeframe.HOUR, RrdPoint.Consolidation.MAX);
    RrdPoint recent = running.get(59);
    assertThat(recent.values()).containsKeys("cpu", "mem", "netin", "netout", "diskread");
    assertThat(recent.values().get("cpu")).isBetween(0.0, 1.0);
    assertThat(recent.values().get("mem")).isBetween(0.0, (double) maxmem);
    assertThat(peaks.get(59).values().get("netin"))
        .isGreaterThanOrEqualTo(recent.values().get("netin"));
    assertThat(running.get(0).values()).doesNotContainKey("cpu");

    var ct = client.node("pve1").lxc().container(200);
    assertThat(ct.rrdData(RrdPoint.Timeframe.DAY, RrdPoint.Consolidation.AVERAGE)).hasSize(1440);
  }

  @Test
  void clusterLog_listsTheTasksJustRun_newestFirst() {
    Task started = client.node("pve1").qemu().vm(101).start();
    started.await(AWAIT);
    List<ClusterLogEntry> log = client.cluster().log(50);
    assertThat(log.get(0).message()).isEqualTo("end task " + started.upid() + " OK");
    assertThat(log)
        .extracting(ClusterLogEntry::message)
        .contains(
            "starting task " + started.upid(),
            "starting task " + cloned.upid(),
            "end task " + cloned.upid() + " OK");
    assertThat(log.get(0).node()).contains("pve1");
    assertThat(log.get(0).user()).contains("root@pam");
    assertThat(log.get(0).tag()).contains("pvedaemon");
    assertThat(log.get(0).priority()).contains(6L);
    assertThat(log.get(0).uid()).isPresent();
    assertThat(log.get(0).pid()).isPresent();
    assertThat(client.cluster().log(1)).hasSize(1);
  }

  @Test
  void clusterLog_hasPvesFields() {
    RawHttp http = RawHttp.to(pve.simulator()).login(pve.simulator());
    JsonNode entry = http.get("/cluster/log", "max", "5").data().get(0);
    assertThat(entry.fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("uid", "time", "pri", "tag", "pid", "node", "user", "msg");
  }

  @Test
  void roles_listTheBuiltInRolesWithTheirPrivileges() {
    List<RoleInfo> roles = client.access().roles();
    assertThat(roles)
        .extracting(RoleInfo::roleId)
        .contains("Administrator", "NoAccess", "PVEAdmin", "PVEVMAdmin", "PVEVMUser", "PVEAuditor");
    RoleInfo vmAdmin =
        roles.stream().filter(r -> r.roleId().equals("PVEVMAdmin")).findFirst().orElseThrow();
    assertThat(vmAdmin.special()).isTrue();
    assertThat(vmAdmin.privileges())
        .contains("VM.Allocate", "VM.Config.Disk", "VM.PowerMgmt", "VM.Snapshot", "VM.Backup")
        .doesNotContain("Sys.Modify", "Datastore.Allocate");
    assertThat(client.access().rolePrivileges("PVEVMUser"))
        .contains("VM.PowerMgmt", "VM.Console")
        .doesNotContain("VM.Allocate");
    assertThat(client.access().rolePrivileges("PVEVMAdmin"))
        .containsExactlyElementsOf(new java.util.TreeSet<>(vmAdmin.privileges()));
    RawHttp http = RawHttp.to(pve.simulator()).login(pve.simulator());
    RawHttp.Response missing = http.get("/access/roles/Nope");
    assertThat(missing.status()).isEqualTo(500);
    assertThat(missing.reason()).isEqualTo("role 'Nope' does not exist");
  }

  @Test
  void customRoles_createGrantUpdateDelete_likePve() {
    client.access().createRole("Operator", List.of("VM.Audit", "VM.PowerMgmt"));
    assertThat(client.access().roles())
        .filteredOn(r -> r.roleId().equals("Operator"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.special()).isFalse();
              assertThat(r.privileges()).containsExactly("VM.Audit", "VM.PowerMgmt");
            });
    client.access().createUser("ops@pve", Secret.of("ops-password"), "operator");
    client
        .access()
        .grant(
            AclEntry.builder().path("/vms/101").addRoles("Operator").addUsers("ops@pve").build());
    try (ProxmoxClient ops =
        ProxmoxClient.builder()
            .baseUrl(pve.simulator().httpUrl().toString())
            .authentication(Authentication.password("ops@pve", Secret.of("ops-password")))
            .build()) {
      assertThat(ops.node("pve1").qemu().vm(101).status().status()).isEqualTo("stopped");
      assertThatThrownBy(() -> ops.node("pve1").qemu().vm(101).snapshots().create("s1", null))
          .isInstanceOf(ProxmoxPermissionException.class)
          .hasMessageContaining("VM.Snapshot");
      client.access().updateRole("Operator", List.of("VM.Snapshot"), true);
      ops.node("pve1").qemu().vm(101).snapshots().create("s1", null).await(AWAIT);
      client.access().updateRole("Operator", List.of("VM.Console"), false);
      assertThat(client.access().rolePrivileges("Operator")).containsExactly("VM.Console");
      client.access().deleteRole("Operator");
      assertThatThrownBy(() -> ops.node("pve1").qemu().vm(101).status())
          .isInstanceOf(ProxmoxPermissionException.class);
    }
    assertThatThrownBy(() -> client.access().createRole("PVEMine", List.of("VM.Audit")))
        .isInstanceOf(ProxmoxParameterException.class)
        .hasMessageContaining("'PVE' namespace");
    assertThatThrownBy(() -> client.access().updateRole("PVEVMUser", List.of("VM.Audit"), true))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("auto-generated role 'PVEVMUser' cannot be modified");
    assertThatThrownBy(() -> client.access().deleteRole("Operator"))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("role 'Operator' does not exist");
    RawHttp http = RawHttp.to(pve.simulator()).login(pve.simulator());
    RawHttp.Response bad = http.post("/access/roles", "roleid", "Bad", "privs", "VM.Fly");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body()).contains("invalid privilege 'VM.Fly'");
  }
}
