package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.VmId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GuestsAndStorageTest {
  private static final String TEMPLATE = "local:vztmpl/debian-12-standard_12.12-1_amd64.tar.zst";

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder()
              .taskDuration(Duration.ofMillis(10))
              .addUser("bob@pve", "bobpw")
              .acl("/", "bob@pve", "PVEAdmin"));

  private RawHttp http;

  @BeforeEach
  void login() {
    http = RawHttp.to(pve.simulator()).login(pve.simulator());
  }

  @Test
  void lxc_createStartInterfacesStopDelete() {
    RawHttp.Response create =
        http.post(
            "/nodes/pve1/lxc",
            "vmid",
            "200",
            "ostemplate",
            TEMPLATE,
            "hostname",
            "db1",
            "rootfs",
            "local-lvm:8",
            "net0",
            "name=eth0,bridge=vmbr0,ip=10.0.0.5/24,gw=10.0.0.1",
            "unprivileged",
            "1",
            "features",
            "nesting=1",
            "memory",
            "1024",
            "password",
            "s3cret");
    assertThat(Tasks.run(http, create)).isEqualTo("OK");
    JsonNode config = http.get("/nodes/pve1/lxc/200/config").data();
    assertThat(config.get("hostname").asText()).isEqualTo("db1");
    assertThat(config.get("memory").asInt()).isEqualTo(1024);
    assertThat(config.get("rootfs").asText()).isEqualTo("local-lvm:vm-200-disk-0,size=8G");
    assertThat(config.get("net0").asText()).contains("hwaddr=BC:24:11:").contains("type=veth");
    assertThat(config.get("ostype").asText()).isEqualTo("debian");
    assertThat(config.has("password")).isFalse();

    assertThat(Tasks.run(http, http.post("/nodes/pve1/lxc/200/status/start"))).isEqualTo("OK");
    JsonNode interfaces = http.get("/nodes/pve1/lxc/200/interfaces").data();
    assertThat(interfaces.findValuesAsText("name")).containsExactly("lo", "eth0");
    assertThat(interfaces.get(1).get("inet").asText()).isEqualTo("10.0.0.5/24");
    RawHttp.Response destroyRunning = http.delete("/nodes/pve1/lxc/200");
    assertThat(destroyRunning.reason())
        .isEqualTo("unable to destroy CT 200 - container is running");
    assertThat(Tasks.run(http, http.post("/nodes/pve1/lxc/200/status/shutdown"))).isEqualTo("OK");
    assertThat(Tasks.run(http, http.delete("/nodes/pve1/lxc/200"))).isEqualTo("OK");
    assertThat(pve.simulator().vmIds()).containsExactly(VmId.of(9000));
  }

  @Test
  void lxc_withUnknownTemplate_orKeyctlAsNonRoot_isRefused() {
    RawHttp.Response missing =
        http.post("/nodes/pve1/lxc", "vmid", "201", "ostemplate", "local:vztmpl/nope.tar.zst");
    assertThat(missing.status()).isEqualTo(500);
    assertThat(missing.reason()).isEqualTo("volume 'local:vztmpl/nope.tar.zst' does not exist");
    RawHttp bob = RawHttp.to(pve.simulator()).login("bob@pve", "bobpw");
    RawHttp.Response keyctl =
        bob.post(
            "/nodes/pve1/lxc",
            "vmid",
            "202",
            "ostemplate",
            TEMPLATE,
            "rootfs",
            "local-lvm:4",
            "unprivileged",
            "1",
            "features",
            "keyctl=1");
    assertThat(keyctl.status()).isEqualTo(403);
    assertThat(keyctl.reason())
        .isEqualTo(
            "Permission check failed (changing feature flags (except nesting) is only allowed for root@pam)");
    assertThat(pve.simulator().vmIds()).containsExactly(VmId.of(9000));
  }

  @Test
  void storage_listsCapacityAndContent() {
    JsonNode storages = http.get("/nodes/pve1/storage").data();
    assertThat(storages.findValuesAsText("storage")).containsExactly("local", "local-lvm");
    JsonNode lvm = storages.get(1);
    assertThat(lvm.get("total").asLong()).isEqualTo(500L << 30);
    assertThat(lvm.get("used").asLong()).isEqualTo(4L << 30);
    assertThat(lvm.get("avail").asLong()).isEqualTo(496L << 30);
    assertThat(
            http.get("/nodes/pve1/storage", "content", "images").data().findValuesAsText("storage"))
        .containsExactly("local-lvm");
    assertThat(
            http.get("/nodes/pve1/storage/local/content", "content", "iso")
                .data()
                .findValuesAsText("volid"))
        .containsExactly("local:iso/debian-12.12.0-amd64-netinst.iso");
  }

  @Test
  void storage_fullDisk_failsTheCloneAndFreesEverything() {
    try (ProxmoxSimulator small =
        ProxmoxSimulator.builder()
            .emptyInventory()
            .node("pve1", 4, 8L << 30)
            .storage("local-lvm", "lvmthin", 10L << 30, "images", "rootdir")
            .qemuTemplate(9000, "tpl", 512, 4)
            .taskDuration(Duration.ofMillis(5))
            .start()) {
      RawHttp h = RawHttp.to(small).login(small);
      assertThat(Tasks.run(h, h.post("/nodes/pve1/qemu/9000/clone", "newid", "100", "full", "1")))
          .isEqualTo("OK");
      String failed =
          Tasks.run(h, h.post("/nodes/pve1/qemu/9000/clone", "newid", "101", "full", "1"));
      assertThat(failed).startsWith("clone failed: storage 'local-lvm' has not enough free space");
      assertThat(small.vmIds()).containsExactly(VmId.of(100), VmId.of(9000));
      assertThat(Tasks.run(h, h.post("/nodes/pve1/qemu/9000/clone", "newid", "102", "full", "0")))
          .isEqualTo("OK");
    }
  }

  @Test
  void upload_multipartTemplate_withChecksum() throws Exception {
    byte[] file = "not really a tarball".getBytes(StandardCharsets.UTF_8);
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
    RawHttp.Response ok = upload("alpine.tar.xz", file, sha);
    assertThat(Tasks.run(http, ok)).isEqualTo("OK");
    assertThat(ok.data().asText())
        .matches("UPID:pve1:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:imgcopy::root@pam:");
    JsonNode content = http.get("/nodes/pve1/storage/local/content", "content", "vztmpl").data();
    assertThat(content.findValuesAsText("volid")).contains("local:vztmpl/alpine.tar.xz");
    RawHttp.Response again = upload("alpine.tar.xz", file, sha);
    assertThat(again.reason()).isEqualTo("refusing to override existing file 'alpine.tar.xz'");
    RawHttp.Response bad = upload("other.tar.xz", file, "00");
    assertThat(bad.reason()).startsWith("checksum mismatch");
  }

  private RawHttp.Response upload(String name, byte[] file, String sha) {
    String boundary = "----pvekit" + name.hashCode();
    StringBuilder head = new StringBuilder();
    for (String[] field :
        new String[][] {
          {"content", "vztmpl"}, {"checksum", sha}, {"checksum-algorithm", "sha256"}
        }) {
      head.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"")
          .append(field[0])
          .append("\"\r\n\r\n")
          .append(field[1])
          .append("\r\n");
    }
    head.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"filename\"; filename=\"")
        .append(name)
        .append("\"\r\n")
        .append("Content-Type: application/octet-stream\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[start.length + file.length + end.length];
    System.arraycopy(start, 0, body, 0, start.length);
    System.arraycopy(file, 0, body, start.length, file.length);
    System.arraycopy(end, 0, body, start.length + file.length, end.length);
    // the upload endpoint is the one write that needs no CSRF token
    return http.raw(
        "POST",
        "/api2/json/nodes/pve1/storage/local/upload",
        Map.of(
            "Cookie",
                "PVEAuthCookie="
                    + java.net.URLEncoder.encode(http.ticket(), StandardCharsets.UTF_8),
            "Content-Type", "multipart/form-data; boundary=" + boundary),
        body);
  }

  @Test
  void downloadUrl_createsTheFileInATask() {
    RawHttp.Response r =
        http.post(
            "/nodes/pve1/storage/local/download-url",
            "content",
            "iso",
            "filename",
            "ubuntu.iso",
            "url",
            "https://example.invalid/ubuntu.iso");
    assertThat(Tasks.run(http, r)).isEqualTo("OK");
    assertThat(http.get("/nodes/pve1/storage/local/content").data().findValuesAsText("volid"))
        .contains("local:iso/ubuntu.iso");
    RawHttp.Response wrongType =
        http.post(
            "/nodes/pve1/storage/local-lvm/download-url",
            "content",
            "iso",
            "filename",
            "a.iso",
            "url",
            "https://example.invalid/a.iso");
    assertThat(wrongType.reason())
        .isEqualTo("storage 'local-lvm' does not support content-type 'iso'");
  }

  @Test
  void tasks_statusLogListAndStop() {
    pve.simulator().pauseTasks();
    String upid = http.post("/nodes/pve1/qemu/9000/clone", "newid", "150").data().asText();
    JsonNode running = http.get("/nodes/pve1/tasks/" + upid + "/status").data();
    assertThat(running.get("status").asText()).isEqualTo("running");
    assertThat(running.has("exitstatus")).isFalse();
    assertThat(running.get("type").asText()).isEqualTo("qmclone");
    assertThat(running.get("id").asText()).isEqualTo("9000");
    assertThat(http.get("/nodes/pve1/tasks", "source", "active").data().findValuesAsText("upid"))
        .containsExactly(upid);
    assertThat(http.delete("/nodes/pve1/tasks/" + upid).status()).isEqualTo(200);
    pve.simulator().resumeTasks();
    JsonNode stopped = Tasks.await(http, upid);
    assertThat(stopped.get("exitstatus").asText()).isEqualTo("interrupted by signal");
    assertThat(pve.simulator().vmIds()).containsExactly(VmId.of(9000));
    JsonNode log = http.get("/nodes/pve1/tasks/" + upid + "/log").data();
    assertThat(log.get(0).get("n").asInt()).isEqualTo(1);
    assertThat(log.findValuesAsText("t")).last().isEqualTo("TASK ERROR: interrupted by signal");
    assertThat(http.get("/nodes/pve1/tasks", "errors", "1").data().findValuesAsText("upid"))
        .contains(upid);
    assertThat(http.get("/nodes/pve1/tasks/UPID:bogus/status").status()).isEqualTo(400);
  }

  @Test
  void pools_createAssignListDelete() {
    assertThat(http.post("/pools", "poolid", "dev", "comment", "team").status()).isEqualTo(200);
    assertThat(
            Tasks.run(
                http, http.post("/nodes/pve1/qemu/9000/clone", "newid", "160", "pool", "dev")))
        .isEqualTo("OK");
    JsonNode pool = http.get("/pools/dev").data();
    assertThat(pool.get("comment").asText()).isEqualTo("team");
    assertThat(pool.get("members").findValuesAsText("id")).containsExactly("qemu/160");
    assertThat(http.delete("/pools/dev").reason()).isEqualTo("pool 'dev' is not empty");
    assertThat(http.put("/pools/dev", "vms", "160", "delete", "1").status()).isEqualTo(200);
    assertThat(http.delete("/pools/dev").status()).isEqualTo(200);
    assertThat(http.get("/pools").data()).isEmpty();
  }
}
