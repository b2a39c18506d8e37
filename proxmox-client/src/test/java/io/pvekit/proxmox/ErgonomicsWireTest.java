package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.pvekit.proxmox.WireMockSupport.API;
import static io.pvekit.proxmox.WireMockSupport.data;
import static io.pvekit.proxmox.WireMockSupport.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pins the wire form, answers and error handling of the hand-written provisioning calls. */
class ErgonomicsWireTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String AGENT = API + "/nodes/pve1/qemu/100/agent";
  private static final String NOT_RUNNING =
      "{\"data\":null,\"message\":\"QEMU guest agent is not running\\n\"}";

  private ProxmoxClient client;
  private QemuVm vm;

  @BeforeEach
  void stubs() {
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(data("\"" + TypedCalls.UPID + "\"")));
    client = WireMockSupport.tokenClient(server);
    vm = client.node("pve1").qemu().vm(100);
  }

  @Test
  void sshKeysOnUpdate_areUriEncodedLikeCreate() {
    ErgonomicCalls.all().get("qemu update sshkeys").accept(client);
    server.verify(
        putRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/config"))
            .withRequestBody(
                equalTo(
                    "sshkeys=ssh-ed25519%2520AAAA%2520me%2540host%250Assh-rsa%2520BBBB%2520you%2540host"
                        + "&ciuser=debian")));
    String raw = "ssh-ed25519 AAAA me@host\nssh-rsa BBBB you@host";
    String encoded = "ssh-ed25519%20AAAA%20me%40host%0Assh-rsa%20BBBB%20you%40host";
    assertThat(ConfigUpdate.builder().set("sshkeys", raw).build().values())
        .containsEntry("sshkeys", encoded);
    assertThat(ConfigUpdate.builder().set("sshkeys", encoded).build().values())
        .as("already encoded: unchanged")
        .containsEntry("sshkeys", encoded);
    assertThatThrownBy(() -> ConfigUpdate.builder().sshKeys(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("delete(\"sshkeys\")");
  }

  @Test
  void waitForAgent_retriesOnlyNotRunning_untilItAnswers() {
    server.stubFor(
        post(urlEqualTo(AGENT + "/ping"))
            .inScenario("boot")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(500, "QEMU guest agent is not running", NOT_RUNNING))
            .willSetStateTo("booting"));
    server.stubFor(
        post(urlEqualTo(AGENT + "/ping"))
            .inScenario("boot")
            .whenScenarioStateIs("booting")
            .willReturn(error(500, "QEMU guest agent is not running", NOT_RUNNING))
            .willSetStateTo("up"));
    server.stubFor(
        post(urlEqualTo(AGENT + "/ping"))
            .inScenario("boot")
            .whenScenarioStateIs("up")
            .willReturn(data("{\"result\":{}}")));
    vm.agent().waitForAgent(Duration.ofSeconds(30));
    server.verify(3, postRequestedFor(urlEqualTo(AGENT + "/ping")));
  }

  @Test
  void waitForAgent_doesNotRetryOtherErrors_andTimesOutWithAHint() {
    server.stubFor(
        post(urlEqualTo(API + "/nodes/pve1/qemu/101/agent/ping"))
            .willReturn(
                error(
                    500,
                    "No QEMU guest agent configured",
                    "{\"data\":null,\"message\":\"No QEMU guest agent configured\\n\"}")));
    assertThatThrownBy(
            () -> client.node("pve1").qemu().vm(101).agent().waitForAgent(Duration.ofSeconds(30)))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("No QEMU guest agent configured");
    server.verify(1, postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/101/agent/ping")));

    server.stubFor(
        post(urlEqualTo(AGENT + "/ping"))
            .willReturn(error(500, "QEMU guest agent is not running", NOT_RUNNING)));
    assertThatThrownBy(() -> vm.agent().waitForAgent(Duration.ofMillis(300)))
        .isInstanceOf(GuestAgentTimeoutException.class)
        .hasMessageContaining("VM 100 on pve1 still not running after PT0.3S")
        .hasMessageContaining("agent: 1")
        .hasCauseInstanceOf(ProxmoxApiException.class);
  }

  @Test
  void exec_sendsTheCommandAsRepeatedParameters_andAwaitPollsUntilExited() {
    server.stubFor(post(urlEqualTo(AGENT + "/exec")).willReturn(data("{\"pid\":4242}")));
    server.stubFor(
        get(urlEqualTo(AGENT + "/exec-status?pid=4242"))
            .inScenario("exec")
            .whenScenarioStateIs(STARTED)
            .willReturn(data("{\"exited\":0}"))
            .willSetStateTo("done"));
    server.stubFor(
        get(urlEqualTo(AGENT + "/exec-status?pid=4242"))
            .inScenario("exec")
            .whenScenarioStateIs("done")
            .willReturn(
                data(
                    "{\"exited\":1,\"exitcode\":3,\"out-data\":\"pve1\\n\",\"err-data\":\"warn\"}")));
    AgentProcess process = vm.agent().exec("cat", "/etc/hostname");
    assertThat(process.pid()).isEqualTo(4242);
    AgentExecStatus done = process.await(Duration.ofSeconds(30));
    assertThat(done.exited()).isTrue();
    assertThat(done.exitCode()).contains(3L);
    assertThat(done.succeeded()).isFalse();
    assertThat(done.outData()).contains("pve1\n");
    assertThat(done.errData()).contains("warn");
    server.verify(
        postRequestedFor(urlEqualTo(AGENT + "/exec"))
            .withRequestBody(equalTo("command=cat&command=%2Fetc%2Fhostname")));
    server.verify(2, getRequestedFor(urlEqualTo(AGENT + "/exec-status?pid=4242")));
  }

  @Test
  void osInfo_isTyped() {
    server.stubFor(
        get(urlEqualTo(AGENT + "/get-osinfo"))
            .willReturn(
                data(
                    "{\"result\":{\"id\":\"debian\",\"name\":\"Debian GNU/Linux\","
                        + "\"pretty-name\":\"Debian GNU/Linux 12 (bookworm)\",\"version-id\":\"12\","
                        + "\"kernel-release\":\"6.1.0-18-amd64\",\"machine\":\"x86_64\"}}")));
    GuestOsInfo os = vm.agent().osInfo();
    assertThat(os.id()).contains("debian");
    assertThat(os.prettyName()).contains("Debian GNU/Linux 12 (bookworm)");
    assertThat(os.versionId()).contains("12");
    assertThat(os.kernelRelease()).contains("6.1.0-18-amd64");
  }

  @Test
  void isVmIdFree_is200ForFree_and400ForTaken() {
    server.stubFor(get(urlEqualTo(API + "/cluster/nextid?vmid=150")).willReturn(data("150")));
    server.stubFor(
        get(urlEqualTo(API + "/cluster/nextid?vmid=100"))
            .willReturn(
                error(
                    400,
                    "Parameter verification failed.",
                    "{\"data\":null,\"errors\":{\"vmid\":\"VM 100 already exists\"}}")));
    server.stubFor(
        get(urlEqualTo(API + "/cluster/nextid?vmid=101"))
            .willReturn(error(403, "Permission check failed", "{\"data\":null}")));
    assertThat(client.cluster().isVmIdFree(VmId.of(150))).isTrue();
    assertThat(client.cluster().isVmIdFree(VmId.of(100))).isFalse();
    assertThatThrownBy(() -> client.cluster().isVmIdFree(VmId.of(101)))
        .isInstanceOf(ProxmoxPermissionException.class);
  }

  @Test
  void ociCreate_sendsEntrypointAndNulSeparatedEnv() {
    ErgonomicCalls.all().get("lxc create oci").accept(client);
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/lxc"))
            .withRequestBody(
                equalTo(
                    "vmid=140&ostemplate=local%3Avztmpl%2Fnginx_latest.tar&hostname=web"
                        + "&entrypoint=%2Fdocker-entrypoint.sh+nginx+-g+%27daemon+off%3B%27"
                        + "&env=NGINX_PORT%3D8080%00TZ%3DUTC")));
    assertThatThrownBy(
            () ->
                LxcCreateRequest.builder()
                    .vmid(VmId.of(140))
                    .osTemplate("local:vztmpl/x.tar")
                    .putEnv("BAD-NAME", "x")
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("env: name 'BAD-NAME'");
  }

  @Test
  void poolMembership_aclAndLxcClone_wireForms() {
    ErgonomicCalls.all().get("pool add members").accept(client);
    ErgonomicCalls.all().get("pool remove members").accept(client);
    ErgonomicCalls.all().get("acl grant").accept(client);
    ErgonomicCalls.all().get("lxc clone").accept(client);
    server.verify(
        putRequestedFor(urlEqualTo(API + "/pools"))
            .withRequestBody(
                equalTo("poolid=tenants&vms=100%2C101&storage=local-lvm&allow-move=1")));
    server.verify(
        putRequestedFor(urlEqualTo(API + "/pools"))
            .withRequestBody(equalTo("poolid=tenants&vms=100&delete=1")));
    server.verify(
        putRequestedFor(urlEqualTo(API + "/access/acl"))
            .withRequestBody(
                equalTo(
                    "path=%2Fpool%2Ftenants&roles=PVEVMAdmin&users=ci%40pve"
                        + "&tokens=ci%40pve%21deploy&propagate=1")));
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/lxc/130/clone"))
            .withRequestBody(
                equalTo(
                    "newid=131&hostname=cache-2&full=1&target=pve2&storage=local-lvm&pool=tenants")));
  }

  @Test
  void tokenCreate_returnsTheSecretOnce_neverInToString() {
    String secret = "9f1c2d3e-aaaa-bbbb-cccc-0123456789ab";
    server.stubFor(
        post(urlEqualTo(API + "/access/users/ci@pve/token/deploy"))
            .willReturn(
                data(
                    "{\"full-tokenid\":\"ci@pve!deploy\",\"info\":{\"privsep\":1},\"value\":\""
                        + secret
                        + "\"}")));
    ApiToken token = client.access().createToken("ci@pve", "deploy", true, null);
    assertThat(token.fullTokenId()).isEqualTo("ci@pve!deploy");
    assertThat(token.secret().reveal()).isEqualTo(secret);
    assertThat(token.privilegeSeparated()).isTrue();
    assertThat(token.toString()).doesNotContain(secret).contains("ci@pve!deploy");
    assertThatThrownBy(() -> client.access().createToken("ci@pve", "d", true, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("tokenId: 'd'");
  }

  @Test
  void removeCloudInitDrive_deletesTheDiskWhoseVolumeIsCloudinit() {
    server.stubFor(
        get(urlEqualTo(API + "/nodes/pve1/qemu/100/config"))
            .willReturn(
                data(
                    "{\"scsi0\":\"local-lvm:vm-100-disk-0,size=4G\","
                        + "\"ide2\":\"local-lvm:vm-100-cloudinit,media=cdrom\",\"digest\":\"d\"}")));
    assertThat(vm.cloudInit().removeDrive()).contains("ide2");
    server.verify(
        putRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/config"))
            .withRequestBody(equalTo("delete=ide2")));
  }

  @Test
  void volumeDelete_andSnapshotNames() {
    assertThat(client.node("pve1").storage("local-lvm").volume("local-lvm:vm-100-disk-1").delete())
        .isPresent();
    server.verify(
        deleteRequestedFor(
            urlPathEqualTo(API + "/nodes/pve1/storage/local-lvm/content/local-lvm:vm-100-disk-1")));
    assertThatThrownBy(() -> vm.snapshots().create("1bad", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("snapshot name: '1bad'");
    assertThatThrownBy(
            () ->
                client.node("pve1").lxc().container(130).snapshots().createWithVmState("a1", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("containers have no RAM snapshots");
  }

  @Test
  void backupAndFirewall_wireForms() {
    ErgonomicCalls.all().get("vzdump").accept(client);
    ErgonomicCalls.all().get("qemu firewall add").accept(client);
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/vzdump"))
            .withRequestBody(
                equalTo(
                    "vmid=101%2C102&storage=local&mode=snapshot&compress=zstd"
                        + "&notes-template=%7B%7Bguestname%7D%7D&protected=1")));
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/firewall/rules"))
            .withRequestBody(
                equalTo(
                    "type=in&action=ACCEPT&proto=tcp&source=10.0.0.0%2F8&dport=22&comment=ssh"
                        + "&enable=1")));
  }

  @Test
  void consoleTicket_isASecret_andRrdSamplesAreTyped() {
    String ticket = "PVEVNC:6560F00D::c2VjcmV0dGlja2V0";
    server.stubFor(
        post(urlEqualTo(API + "/nodes/pve1/qemu/100/vncproxy"))
            .willReturn(
                data(
                    "{\"port\":\"5900\",\"ticket\":\""
                        + ticket
                        + "\",\"user\":\"root@pam\",\"cert\":\"-----BEGIN\",\"upid\":\""
                        + TypedCalls.UPID
                        + "\"}")));
    ConsoleTicket console = vm.vncProxy();
    assertThat(console.port()).isEqualTo(5900);
    assertThat(console.ticket().reveal()).isEqualTo(ticket);
    assertThat(console.toString()).doesNotContain(ticket);
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/vncproxy"))
            .withRequestBody(equalTo("websocket=1")));

    server.stubFor(
        get(urlEqualTo(API + "/nodes/pve1/rrddata?timeframe=hour&cf=AVERAGE"))
            .willReturn(
                data(
                    "[{\"time\":1700000000,\"cpu\":0.25,\"memused\":1024},{\"time\":1700000060}]")));
    List<RrdPoint> points =
        client.node("pve1").rrdData(RrdPoint.Timeframe.HOUR, RrdPoint.Consolidation.AVERAGE);
    assertThat(points).hasSize(2);
    assertThat(points.get(0).values()).containsEntry("cpu", 0.25).containsEntry("memused", 1024.0);
    assertThat(points.get(1).values()).isEmpty();
    assertThatThrownBy(() -> vm.rrdData(RrdPoint.Timeframe.DECADE, RrdPoint.Consolidation.MAX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("DECADE is for nodes only");
  }

  @Test
  void backupJobsRestoreConfigAndRoles_wireFormsAndTypedAnswers() {
    server.stubFor(
        get(urlEqualTo(API + "/cluster/backup"))
            .willReturn(
                data(
                    "[{\"id\":\"nightly\",\"type\":\"vzdump\",\"schedule\":\"21:00\","
                        + "\"vmid\":\"101,102\",\"storage\":\"local\",\"enabled\":1,"
                        + "\"mode\":\"snapshot\",\"next-run\":1765134000},"
                        + "{\"id\":\"all\",\"all\":1,\"exclude\":\"9000\",\"enabled\":0}]")));
    List<BackupJob> jobs = client.cluster().backupJobs();
    assertThat(jobs.get(0).vmIds()).containsExactly(VmId.of(101), VmId.of(102));
    assertThat(jobs.get(0).storage()).contains(StorageId.of("local"));
    assertThat(jobs.get(0).enabled()).isTrue();
    assertThat(jobs.get(0).nextRun()).contains(java.time.Instant.ofEpochSecond(1765134000));
    assertThat(jobs.get(1).all()).isTrue();
    assertThat(jobs.get(1).excluded()).containsExactly(VmId.of(9000));
    assertThat(jobs.get(1).enabled()).isFalse();

    ErgonomicCalls.all().get("backup job update").accept(client);
    ErgonomicCalls.all().get("backup job disable").accept(client);
    ErgonomicCalls.all().get("qemu restore unique").accept(client);
    server.verify(
        putRequestedFor(urlEqualTo(API + "/cluster/backup/nightly"))
            .withRequestBody(
                equalTo(
                    "schedule=sat+02%3A00&vmid=101%2C102&storage=local&mode=snapshot"
                        + "&compress=zstd&notes-template=%7B%7Bguestname%7D%7D&protected=1")));
    server.verify(
        putRequestedFor(urlEqualTo(API + "/cluster/backup/nightly"))
            .withRequestBody(equalTo("enabled=0")));
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu"))
            .withRequestBody(
                equalTo(
                    "vmid=103&archive=local%3Abackup%2Fvzdump-qemu-101-2026_12_07-10_00_00.vma.zst"
                        + "&force=0&unique=1")));
    assertThatThrownBy(() -> client.cluster().backupJob("two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'two words' is not a backup job id");

    server.stubFor(
        get(urlPathEqualTo(API + "/nodes/pve1/vzdump/extractconfig"))
            .willReturn(
                data(
                    "\"#qmdump#map:scsi0:drive-scsi0:local-lvm:raw:\\ncores: 2\\nname: web-1\\n\"")));
    assertThat(client.node("pve1").backupConfig(ErgonomicCalls.BACKUP))
        .containsExactly(java.util.Map.entry("cores", "2"), java.util.Map.entry("name", "web-1"));

    server.stubFor(
        get(urlEqualTo(API + "/access/roles/PVEVMUser"))
            .willReturn(data("{\"VM.Audit\":1,\"VM.PowerMgmt\":1,\"VM.Console\":0}")));
    assertThat(client.access().rolePrivileges("PVEVMUser"))
        .containsExactly("VM.Audit", "VM.PowerMgmt");
    ErgonomicCalls.all().get("role create").accept(client);
    ErgonomicCalls.all().get("role update").accept(client);
    server.verify(
        postRequestedFor(urlEqualTo(API + "/access/roles"))
            .withRequestBody(equalTo("roleid=Operator&privs=VM.Audit%2CVM.PowerMgmt")));
    server.verify(
        putRequestedFor(urlEqualTo(API + "/access/roles/Operator"))
            .withRequestBody(equalTo("privs=VM.Console&append=1")));
    assertThatThrownBy(() -> client.access().createRole("Operator", List.of("vm.audit")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'vm.audit' is not a privilege name");

    server.stubFor(
        get(urlEqualTo(API + "/cluster/log?max=2"))
            .willReturn(
                data(
                    "[{\"uid\":7,\"time\":1765130000,\"pri\":6,\"tag\":\"pvedaemon\",\"pid\":4242,"
                        + "\"node\":\"pve1\",\"user\":\"root@pam\",\"msg\":\"starting task x\"}]")));
    ClusterLogEntry line = client.cluster().log(2).get(0);
    assertThat(line.uid()).contains(7L);
    assertThat(line.pid()).contains(4242L);
    assertThat(line.message()).isEqualTo("starting task x");

    server.stubFor(
        get(urlEqualTo(API + "/nodes/pve1/storage/local/content?content=backup"))
            .willReturn(
                data(
                    "[{\"volid\":\""
                        + ErgonomicCalls.BACKUP
                        + "\",\"content\":\"backup\","
                        + "\"format\":\"vma.zst\",\"size\":1024,\"vmid\":101,"
                        + "\"subtype\":\"qemu\",\"notes\":\"web-1\",\"protected\":1}]")));
    StorageContent backup = client.node("pve1").storage("local").content("backup").get(0);
    assertThat(backup.subtype()).contains("qemu");
    assertThat(backup.notes()).contains("web-1");
    assertThat(backup.isProtected()).isTrue();
  }
}
