package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.API;
import static io.pvekit.proxmox.WireMockSupport.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Pins the exact request of the typed calls whose encoding matters most. */
class TypedApiWireTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProxmoxClient client;

  @BeforeEach
  void stubs() {
    server.stubFor(any(anyUrl()).atPriority(10).willReturn(data("\"" + TypedCalls.UPID + "\"")));
    client = WireMockSupport.tokenClient(server);
  }

  @Test
  void qemuCreate_formBody_withOneZeroBooleans_propertyStrings_andUrlEncodedSshKeys() {
    Task task = client.node("pve1").qemu().create(TypedCalls.qemuCreate());
    assertThat(task.upid()).isEqualTo(TypedCalls.UPID);
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu"))
            .withHeader("Authorization", equalTo(WireMockSupport.tokenHeader()))
            .withRequestBody(
                equalTo(
                    "vmid=120&name=db-1&memory=4096&cores=2&scsihw=virtio-scsi-single"
                        + "&scsi0=local-lvm%3A32%2Ciothread%3D1&net0=virtio%2Cbridge%3Dvmbr0"
                        + "&ipconfig0=ip%3Ddhcp&sshkeys=ssh-ed25519%2520AAAA%2520me%2540host"
                        + "&agent=1&start=0&tags=db%3Bprod")));
  }

  @Test
  void lxcCreate_formBody() {
    client.node("pve1").lxc().create(TypedCalls.lxcCreate());
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/lxc"))
            .withRequestBody(
                equalTo(
                    "vmid=130&ostemplate=local%3Avztmpl%2Fdebian-12-standard_12.7-1_amd64.tar.zst"
                        + "&hostname=cache-1&rootfs=local-lvm%3A8"
                        + "&mp0=local-lvm%3A16%2Cmp%3D%2Fdata%2Cbackup%3D1"
                        + "&net0=name%3Deth0%2Cbridge%3Dvmbr0%2Cip%3Ddhcp"
                        + "&features=keyctl%3D1%2Cnesting%3D1&unprivileged=1&cores=2&memory=1024"
                        + "&swap=512&tags=cache&ssh-public-keys=ssh-ed25519+AAAA+me%40host"
                        + "&password=ct-root-pw&start=1")));
  }

  @Test
  void clone_sendsNewIdTargetStorageAndPool() {
    client.node("pve1").qemu().vm(9000).clone(TypedCalls.cloneRequest());
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/9000/clone"))
            .withRequestBody(
                equalTo("newid=201&name=web-1&full=1&target=pve2&storage=local-lvm&pool=tenants")));
  }

  @Test
  void configUpdate_syncIsPut_asyncIsPost_sameBody() {
    client.node("pve1").qemu().vm(100).updateConfig(TypedCalls.update());
    Task task = client.node("pve1").qemu().vm(100).updateConfigAsync(TypedCalls.update());
    assertThat(task.upid().node()).isEqualTo(NodeName.of("pve1"));
    String body = "cores=4&onboot=1&delete=ide2&digest=abc123";
    server.verify(
        putRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/config"))
            .withRequestBody(equalTo(body)));
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/config"))
            .withRequestBody(equalTo(body)));
  }

  @Test
  void delete_sendsFlagsInTheQueryString() {
    client.node("pve1").qemu().vm(100).delete(true, false);
    client.node("pve1").lxc().container(130).delete(false, true, true);
    server.verify(
        deleteRequestedFor(
            urlEqualTo(API + "/nodes/pve1/qemu/100?purge=1&destroy-unreferenced-disks=0")));
    server.verify(
        deleteRequestedFor(
            urlEqualTo(API + "/nodes/pve1/lxc/130?purge=0&destroy-unreferenced-disks=1&force=1")));
  }

  @Test
  void powerActions_andResize() {
    client.node("pve1").qemu().vm(100).shutdown(java.time.Duration.ofSeconds(60), true);
    assertThat(client.node("pve1").qemu().vm(100).resizeDisk("scsi0", "+10G")).isPresent();
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/status/shutdown"))
            .withRequestBody(equalTo("timeout=60&forceStop=1")));
    server.verify(
        putRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/resize"))
            .withRequestBody(equalTo("disk=scsi0&size=%2B10G")));
  }

  @Test
  void upload_isMultipart_withContentFieldThenTheFile() {
    TypedCalls.all().get("upload").accept(client);
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/storage/local/upload"))
            .withHeader("Content-Type", containing("multipart/form-data"))
            .withRequestBody(containing("name=\"content\""))
            .withRequestBody(containing("vztmpl"))
            .withRequestBody(containing("name=\"filename\"; filename=\"debian.tar.zst\""))
            .withRequestBody(containing("template bytes")));
  }

  @Test
  void nextId_readsTheStringPveSends_andResourcesFilterByType() {
    server.stubFor(get(urlEqualTo(API + "/cluster/nextid")).willReturn(data("\"104\"")));
    server.stubFor(
        get(urlPathEqualTo(API + "/cluster/resources"))
            .willReturn(
                data(
                    "[{\"id\":\"qemu/100\",\"type\":\"qemu\",\"vmid\":\"100\",\"node\":\"pve1\"}]")));
    assertThat(client.cluster().nextId()).isEqualTo(VmId.of(104));
    assertThat(client.cluster().resources(ClusterResource.Kind.VM))
        .singleElement()
        .satisfies(r -> assertThat(r.vmid()).contains(VmId.of(100)));
    server.verify(getRequestedFor(urlEqualTo(API + "/cluster/resources?type=vm")));
  }

  @Test
  void taskPaths_encodeTheUpidAsOneSegment_onItsOwnNode() {
    client.task(TypedCalls.UPID).stop();
    server.verify(
        deleteRequestedFor(
            urlEqualTo(
                API
                    + "/nodes/pve1/tasks/UPID:pve1:0000A1B2:0012D687:6560F00D:qmstart:100:root@pam:")));
  }
}
