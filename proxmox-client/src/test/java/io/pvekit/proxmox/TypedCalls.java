package io.pvekit.proxmox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Every typed operation of the client, with realistic arguments, for wire and schema tests. */
final class TypedCalls {
  static final Upid UPID = Upid.parse("UPID:pve1:0000A1B2:0012D687:6560F00D:qmstart:100:root@pam:");

  private TypedCalls() {}

  static QemuCreateRequest qemuCreate() {
    return QemuCreateRequest.builder()
        .vmid(VmId.of(120))
        .name("db-1")
        .memoryMib(4096L)
        .cores(2)
        .scsiHardware("virtio-scsi-single")
        .putDisks("scsi0", QemuDisk.newVolume(StorageId.of("local-lvm"), 32).iothread(true).build())
        .putNetworks(0, QemuNet.builder().model("virtio").bridge("vmbr0").build())
        .putIpConfigs(0, IpConfig.dhcp())
        .addSshPublicKeys("ssh-ed25519 AAAA me@host")
        .agent(true)
        .start(false)
        .addTags("db", "prod")
        .build();
  }

  static LxcCreateRequest lxcCreate() {
    return LxcCreateRequest.builder()
        .vmid(VmId.of(130))
        .osTemplate("local:vztmpl/debian-12-standard_12.7-1_amd64.tar.zst")
        .hostname("cache-1")
        .rootFs(LxcRootFs.newVolume(StorageId.of("local-lvm"), 8).build())
        .putMountPoints(
            0, LxcMountPoint.newVolume(StorageId.of("local-lvm"), 16, "/data").backup(true).build())
        .putNetworks(0, LxcNet.builder().name("eth0").bridge("vmbr0").ip("dhcp").build())
        .features(LxcFeatures.builder().nesting(true).keyctl(true).build())
        .unprivileged(true)
        .cores(2)
        .memoryMib(1024L)
        .swapMib(512L)
        .addTags("cache")
        .addSshPublicKeys("ssh-ed25519 AAAA me@host")
        .password(Secret.of("ct-root-pw"))
        .start(true)
        .build();
  }

  static CloneRequest cloneRequest() {
    return CloneRequest.builder()
        .newId(VmId.of(201))
        .name("web-1")
        .full(true)
        .targetNode(NodeName.of("pve2"))
        .targetStorage(StorageId.of("local-lvm"))
        .pool("tenants")
        .build();
  }

  static ConfigUpdate update() {
    return ConfigUpdate.builder()
        .set("cores", 4)
        .set("onboot", true)
        .delete("ide2")
        .digest("abc123")
        .build();
  }

  /** Name to operation. */
  static Map<String, Consumer<ProxmoxClient>> all() {
    Path upload;
    try {
      upload = Files.createTempFile("pvekit-upload", ".tar.zst");
      Files.writeString(upload, "template bytes");
      upload.toFile().deleteOnExit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Consumer<ProxmoxClient>> ops = new LinkedHashMap<>();
    ops.put("version", c -> c.version());
    ops.put("cluster status", c -> c.cluster().status());
    ops.put("cluster resources", c -> c.cluster().resources());
    ops.put("cluster resources vm", c -> c.cluster().resources(ClusterResource.Kind.VM));
    ops.put("nextid", c -> c.cluster().nextId());
    ops.put("cluster tasks", c -> c.cluster().tasks());
    ops.put("nodes", c -> c.nodes());
    ops.put("node status", c -> c.node("pve1").status());
    ops.put("network", c -> c.node("pve1").network());
    ops.put("bridges", c -> c.node("pve1").bridges());
    ops.put("storages", c -> c.node("pve1").storages());
    ops.put("content", c -> c.node("pve1").storage("local").content());
    ops.put("content vztmpl", c -> c.node("pve1").storage("local").content("vztmpl"));
    ops.put(
        "upload", c -> c.node("pve1").storage("local").upload("vztmpl", upload, "debian.tar.zst"));
    ops.put(
        "download-url",
        c ->
            c.node("pve1")
                .storage("local")
                .downloadUrl(
                    DownloadUrlRequest.builder()
                        .url("https://example.org/noble.img")
                        .content("import")
                        .filename("noble.qcow2")
                        .checksum("ab12")
                        .checksumAlgorithm("sha256")
                        .verifyCertificates(true)
                        .build()));
    ops.put("qemu list", c -> c.node("pve1").qemu().list());
    ops.put("qemu create", c -> c.node("pve1").qemu().create(qemuCreate()));
    ops.put("qemu config", c -> c.node("pve1").qemu().vm(100).config());
    ops.put("qemu update sync", c -> c.node("pve1").qemu().vm(100).updateConfig(update()));
    ops.put("qemu update async", c -> c.node("pve1").qemu().vm(100).updateConfigAsync(update()));
    ops.put("qemu status", c -> c.node("pve1").qemu().vm(100).status());
    ops.put("qemu start", c -> c.node("pve1").qemu().vm(100).start());
    ops.put("qemu stop", c -> c.node("pve1").qemu().vm(100).stop());
    ops.put("qemu shutdown", c -> c.node("pve1").qemu().vm(100).shutdown());
    ops.put(
        "qemu shutdown timeout",
        c -> c.node("pve1").qemu().vm(100).shutdown(Duration.ofSeconds(60), true));
    ops.put("qemu reboot", c -> c.node("pve1").qemu().vm(100).reboot());
    ops.put("qemu clone", c -> c.node("pve1").qemu().vm(9000).clone(cloneRequest()));
    ops.put("qemu resize", c -> c.node("pve1").qemu().vm(100).resizeDisk("scsi0", "+10G"));
    ops.put("qemu template", c -> c.node("pve1").qemu().vm(100).convertToTemplate());
    ops.put("qemu delete", c -> c.node("pve1").qemu().vm(100).delete(true, true));
    ops.put("qemu agent interfaces", c -> c.node("pve1").qemu().vm(100).agentNetworkInterfaces());
    ops.put("lxc list", c -> c.node("pve1").lxc().list());
    ops.put("lxc create", c -> c.node("pve1").lxc().create(lxcCreate()));
    ops.put("lxc config", c -> c.node("pve1").lxc().container(130).config());
    ops.put(
        "lxc update",
        c ->
            c.node("pve1")
                .lxc()
                .container(130)
                .updateConfig(ConfigUpdate.builder().set("memory", 2048).delete("mp1").build()));
    ops.put("lxc status", c -> c.node("pve1").lxc().container(130).status());
    ops.put("lxc start", c -> c.node("pve1").lxc().container(130).start());
    ops.put("lxc stop", c -> c.node("pve1").lxc().container(130).stop());
    ops.put("lxc shutdown", c -> c.node("pve1").lxc().container(130).shutdown());
    ops.put(
        "lxc shutdown timeout",
        c -> c.node("pve1").lxc().container(130).shutdown(Duration.ofSeconds(30), true));
    ops.put("lxc delete", c -> c.node("pve1").lxc().container(130).delete(true, true, false));
    ops.put("lxc interfaces", c -> c.node("pve1").lxc().container(130).interfaces());
    ops.put("tasks", c -> c.node("pve1").tasks().list());
    ops.put("tasks of vm", c -> c.node("pve1").tasks().list(VmId.of(100), 10));
    ops.put("task status", c -> c.task(UPID).status());
    ops.put("task log", c -> c.task(UPID).log(0, 50));
    ops.put("task stop", c -> c.task(UPID).stop());
    ops.put("pools", c -> c.pools().list());
    ops.put("pool get", c -> c.pools().get("tenants"));
    ops.put("pool create", c -> c.pools().create("tenants", "tenant VMs"));
    ops.put("pool delete", c -> c.pools().delete("tenants"));
    ops.put("permissions", c -> c.access().permissions());
    ops.put("permissions of path", c -> c.access().permissions("/vms/100", "ci@pve"));
    ops.putAll(ErgonomicCalls.all());
    return ops;
  }

  static List<String> names() {
    return List.copyOf(all().keySet());
  }
}
