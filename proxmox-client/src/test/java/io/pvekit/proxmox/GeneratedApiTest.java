package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.API;
import static io.pvekit.proxmox.WireMockSupport.data;
import static io.pvekit.proxmox.WireMockSupport.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The generated layer against WireMock: the wire form of its calls, typed answers, tasks that
 * {@code await}, the client-side checks, errors and the version gate.
 */
class GeneratedApiTest {
  private static final Upid UPID =
      Upid.parse("UPID:pve1:0000A1B2:0012D687:6560F00D:qmsnapshot:100:ci@pve:");
  private static final String VM = API + "/nodes/pve1/qemu/100";

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @Test
  void snapshot_isSentAsTheSchemaSays_andItsTaskAwaits() {
    server.stubFor(post(urlEqualTo(VM + "/snapshot")).willReturn(data("\"" + UPID + "\"")));
    server.stubFor(
        get(urlEqualTo(API + "/nodes/pve1/tasks/" + UPID + "/status"))
            .willReturn(
                data(
                    "{\"upid\":\""
                        + UPID
                        + "\",\"node\":\"pve1\",\"status\":\"stopped\","
                        + "\"exitstatus\":\"OK\",\"type\":\"qmsnapshot\"}")));
    server.stubFor(
        get(urlEqualTo(VM + "/snapshot"))
            .willReturn(
                data(
                    "[{\"name\":\"pre-upgrade\",\"snaptime\":\"1765100000\",\"vmstate\":1,"
                        + "\"description\":\"\",\"parent\":\"base\"},"
                        + "{\"name\":\"current\",\"description\":\"You are here!\"}]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      // README: generated-layer example
      PveApi api = client.api(PveApiVersion.PVE_9_1);
      PveNodesNodeQemuVmid vm = api.nodes().node("pve1").qemu().vmid(100);
      Task task = vm.snapshot().create(s -> s.snapname("pre-upgrade").vmstate(true));
      task.await(Duration.ofMinutes(1));
      for (PveNodesNodeQemuVmidSnapshot.GetEntry snapshot : vm.snapshot().get()) {
        System.out.println(snapshot.name() + " " + snapshot.snaptime());
      }
      // README: end
      assertThat(task.upid()).isEqualTo(UPID);
      List<PveNodesNodeQemuVmidSnapshot.GetEntry> snapshots = vm.snapshot().get();
      assertThat(snapshots).hasSize(2);
      assertThat(snapshots.get(0).name()).isEqualTo("pre-upgrade");
      assertThat(snapshots.get(0).snaptime()).isEqualTo(1_765_100_000L);
      assertThat(snapshots.get(0).vmstate()).isTrue();
      assertThat(snapshots.get(1).snaptime()).isNull();
      assertThat(snapshots.get(1).raw().get("description").asText()).isEqualTo("You are here!");
    }
    server.verify(
        postRequestedFor(urlEqualTo(VM + "/snapshot"))
            .withHeader("Authorization", equalTo(WireMockSupport.tokenHeader()))
            .withRequestBody(equalTo("snapname=pre-upgrade&vmstate=1")));
  }

  @Test
  void propertyStringsAndEnums_areSentInTheirWireForm() {
    server.stubFor(post(urlEqualTo(VM + "/config")).willReturn(data("\"" + UPID + "\"")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      client
          .api(PveApiVersion.PVE_9_1)
          .nodes()
          .node("pve1")
          .qemu()
          .vmid(VmId.of(100))
          .config()
          .create(
              c ->
                  c.net(0, QemuNet.parse("virtio=BC:24:11:30:AD:93,bridge=vmbr0"))
                      .agent(a -> a.enabled(true))
                      .ostype(PveNodesNodeQemuVmidConfig.CreateRequest.Ostype.L26)
                      .cores(2));
    }
    server.verify(
        postRequestedFor(urlEqualTo(VM + "/config"))
            .withRequestBody(
                equalTo(
                    "net0=virtio%3DBC%3A24%3A11%3A30%3AAD%3A93%2Cbridge%3Dvmbr0"
                        + "&agent=enabled%3D1&ostype=l26&cores=2")));
  }

  @Test
  void typedAnswer_readsLeniently_andKeepsTheRawObject() {
    server.stubFor(
        get(urlEqualTo(VM + "/status/current"))
            .willReturn(
                data(
                    "{\"status\":\"running\",\"vmid\":\"100\",\"cpu\":0.25,\"mem\":\"1024\","
                        + "\"agent\":1,\"running-qemu\":\"9.2.0\",\"new-field\":true}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      PveNodesNodeQemuVmidStatusCurrent.GetResponse status =
          client
              .api(PveApiVersion.PVE_9_1)
              .nodes()
              .node("pve1")
              .qemu()
              .vmid(100)
              .status()
              .current()
              .get();
      assertThat(status.status()).isEqualTo("running");
      assertThat(status.vmid()).isEqualTo(100L);
      assertThat(status.mem()).isEqualTo(1024L);
      assertThat(status.cpu()).isEqualTo(0.25);
      assertThat(status.agent()).isTrue();
      assertThat(status.runningQemu()).isEqualTo("9.2.0");
      assertThat(status.uptime()).isNull();
      assertThat(status.raw().get("new-field").asBoolean()).isTrue();
    }
  }

  @Test
  void wrongShape_isAMalformedResponse_withTheJsonPath() {
    server.stubFor(get(urlEqualTo(VM + "/snapshot")).willReturn(data("[{\"name\":\"a\"}, 5]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      PveNodesNodeQemuVmidSnapshot snapshots =
          client.api(PveApiVersion.PVE_9_1).nodes().node("pve1").qemu().vmid(100).snapshot();
      assertThatThrownBy(snapshots::get)
          .isInstanceOf(ProxmoxMalformedResponseException.class)
          .hasMessageContaining("$.data[1]");
    }
  }

  @Test
  void serverErrors_areTheClientsTypedExceptions() {
    server.stubFor(
        post(urlEqualTo(VM + "/snapshot"))
            .willReturn(
                error(
                    400,
                    "Parameter verification failed.",
                    "{\"data\":null,\"errors\":{\"snapname\":\"snapshot name 'x' already used\"}}")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      PveNodesNodeQemuVmidSnapshot snapshots =
          client.api(PveApiVersion.PVE_9_1).nodes().node("pve1").qemu().vmid(100).snapshot();
      assertThatThrownBy(() -> snapshots.create(s -> s.snapname("x")))
          .isInstanceOfSatisfying(
              ProxmoxParameterException.class, e -> assertThat(e.errors()).containsKey("snapname"));
    }
  }

  @Test
  void clientSideChecks_nameTheParameterAndValue_andSendNothing() {
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      PveNodesNodeQemuVmid vm =
          client.api(PveApiVersion.PVE_9_1).nodes().node("pve1").qemu().vmid(100);
      assertThatThrownBy(() -> vm.snapshot().create(s -> s.snapname("x".repeat(41))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("POST /nodes/{node}/qemu/{vmid}/snapshot: snapname='xxx")
          .hasMessageContaining("longer than 40");
      assertThatThrownBy(() -> vm.snapshot().create(s -> s.vmstate(true)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("required parameter 'snapname'");
      assertThatThrownBy(() -> vm.config().create(c -> c.cores(0)))
          .hasMessageContaining("cores='0' is out of range 1..");
      assertThatThrownBy(() -> vm.config().create(c -> c.agent(Map.of("enabled", "maybe"))))
          .hasMessageContaining("agent: enabled='maybe' is not a boolean");
      assertThatThrownBy(() -> vm.config().create(c -> c.agent(Map.of("colour", "blue"))))
          .hasMessageContaining("unknown key 'colour'");
      assertThatThrownBy(() -> client.api().nodes().node("pve1").qemu().vmid(99))
          .hasMessageContaining("vmid='99' is out of range 100..999999999");
    }
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void endpointMissingInTheChosenVersion_isRefusedBeforeSending() {
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      PveApi api = client.api(PveApiVersion.PVE_8_4);
      assertThatThrownBy(() -> api.cluster().ha().rules().get())
          .isInstanceOfSatisfying(
              ProxmoxUnsupportedVersionException.class,
              e -> {
                assertThat(e.version()).isEqualTo(PveApiVersion.PVE_8_4);
                assertThat(e.method()).isEqualTo("GET");
                assertThat(e.path()).isEqualTo("/cluster/ha/rules");
              })
          .hasMessage(
              "GET /cluster/ha/rules is not in the PVE 8.4 API (set with"
                  + " ProxmoxClient.api(PVE_8_4)); it exists in PVE 9.1. Not sent.");
      assertThatThrownBy(
              () ->
                  api.nodes()
                      .node("pve1")
                      .lxc()
                      .create(
                          c ->
                              c.vmid(200)
                                  .ostemplate("local:vztmpl/alpine.tar.zst")
                                  .entrypoint("/bin/sh")))
          .isInstanceOf(ProxmoxUnsupportedVersionException.class)
          .hasMessageStartingWith(
              "parameter 'entrypoint' of POST /nodes/{node}/lxc is not in the PVE 8.4 API");
      // and a parameter PVE 9.1 removed
      assertThatThrownBy(
              () ->
                  client
                      .api(PveApiVersion.PVE_9_1)
                      .storage()
                      .storage("backup")
                      .set(s -> s.maxfiles(3)))
          .isInstanceOf(ProxmoxUnsupportedVersionException.class)
          .hasMessageContaining("'maxfiles'")
          .hasMessageContaining("it exists in PVE 8.4");
    }
    server.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void enumValueMissingInTheChosenVersion_isRefused_otherValuesAreSent() {
    server.stubFor(get(urlPathEqualTo(API + "/nodes/pve1/rrddata")).willReturn(data("[]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      PveNodesNodeRrddata rrd = client.api(PveApiVersion.PVE_8_4).nodes().node("pve1").rrddata();
      assertThatThrownBy(
              () -> rrd.get(r -> r.timeframe(PveNodesNodeRrddata.GetRequest.Timeframe.DECADE)))
          .isInstanceOf(ProxmoxUnsupportedVersionException.class)
          .hasMessageStartingWith(
              "value 'decade' of parameter 'timeframe' of GET /nodes/{node}/rrddata is not in the"
                  + " PVE 8.4 API");
      server.verify(0, anyRequestedFor(anyUrl()));
      assertThat(rrd.get(r -> r.timeframe(PveNodesNodeRrddata.GetRequest.Timeframe.HOUR)))
          .isEmpty();
    }
    server.verify(getRequestedFor(urlEqualTo(API + "/nodes/pve1/rrddata?timeframe=hour")));
  }

  @Test
  void serverVersion_comesFromGetVersion_onceAndOnlyWhenACallDependsOnIt() {
    server.stubFor(
        get(urlEqualTo(API + "/version"))
            .willReturn(data("{\"version\":\"8.4.1\",\"release\":\"8.4\",\"repoid\":\"abc\"}")));
    server.stubFor(get(urlPathEqualTo(VM + "/snapshot")).willReturn(data("[]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      PveApi api = client.api();
      assertThat(api.nodes().node("pve1").qemu().vmid(100).snapshot().get()).isEmpty();
      server.verify(0, getRequestedFor(urlEqualTo(API + "/version")));
      assertThatThrownBy(() -> api.cluster().ha().rules().get())
          .hasMessageContaining("not in the PVE 8.4 API (the server's version, from GET /version)");
      assertThatThrownBy(() -> client.api().cluster().ha().rules().rule("r1").get())
          .isInstanceOf(ProxmoxUnsupportedVersionException.class);
    }
    server.verify(1, getRequestedFor(urlEqualTo(API + "/version")));
    server.verify(0, getRequestedFor(urlPathEqualTo(API + "/cluster/ha/rules")));
  }

  @Test
  void newerServer_getsTheNewCalls() {
    server.stubFor(get(urlEqualTo(API + "/version")).willReturn(data("{\"version\":\"9.1.2\"}")));
    server.stubFor(get(urlEqualTo(API + "/cluster/ha/rules")).willReturn(data("[]")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      assertThat(client.api().cluster().ha().rules().get()).isEmpty();
    }
    server.verify(getRequestedFor(urlEqualTo(API + "/cluster/ha/rules")));
  }

  @Test
  void versionsOfServers_mapToTheSchemas() {
    assertThat(PveApiVersion.forServer("9.1.2")).isEqualTo(PveApiVersion.PVE_9_1);
    assertThat(PveApiVersion.forServer("10.0")).isEqualTo(PveApiVersion.PVE_9_1);
    assertThat(PveApiVersion.forServer("8.4.1")).isEqualTo(PveApiVersion.PVE_8_4);
    assertThat(PveApiVersion.forServer("7.4-3")).isEqualTo(PveApiVersion.PVE_8_4);
    assertThatThrownBy(() -> PveApiVersion.forServer("pve"))
        .hasMessageContaining("serverVersion: 'pve'");
  }
}
