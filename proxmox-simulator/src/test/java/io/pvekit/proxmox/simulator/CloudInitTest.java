package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ConfigUpdate;
import io.pvekit.proxmox.PendingChange;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.QemuCloudInit;
import io.pvekit.proxmox.QemuVm;
import io.pvekit.proxmox.StorageContent;
import io.pvekit.proxmox.VmId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Cloud-init as qemu-server 9.1 keeps it: a drive volume, values changed after a clone pending
 * until the drive is regenerated, and the generated files.
 */
class CloudInitTest {
  private static final Duration AWAIT = Duration.ofSeconds(30);
  private static final String KEY_1 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOk1 ops@example.com";
  private static final String KEY_2 = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQAB+x/y= deploy@ci";

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder().taskDuration(Duration.ofMillis(10)));

  private ProxmoxClient client;
  private QemuVm template;
  private QemuVm vm;

  @BeforeEach
  void cloneACloudInitTemplate() {
    client = pve.simulator().newClient();
    template = client.node("pve1").qemu().vm(9000);
    template.updateConfig(ConfigUpdate.builder().set("ide2", "local-lvm:cloudinit").build());
    template
        .clone(CloneRequest.builder().newId(VmId.of(101)).name("web-1").full(true).build())
        .await(AWAIT);
    vm = client.node("pve1").qemu().vm(101);
  }

  @AfterEach
  void close() {
    client.close();
  }

  private List<String> volumes() {
    return client.node("pve1").storage("local-lvm").content().stream()
        .map(StorageContent::volid)
        .toList();
  }

  private static Map<String, PendingChange> byKey(List<PendingChange> changes) {
    return changes.stream().collect(Collectors.toMap(PendingChange::key, Function.identity()));
  }

  @Test
  void addingTheDrive_createsItsVolume_asACdrom_andAClone_getsItsOwn() {
    assertThat(template.config().values().get("ide2"))
        .isEqualTo("local-lvm:vm-9000-cloudinit,media=cdrom");
    assertThat(vm.config().values().get("ide2"))
        .isEqualTo("local-lvm:vm-101-cloudinit,media=cdrom");
    assertThat(volumes()).contains("local-lvm:vm-9000-cloudinit", "local-lvm:vm-101-cloudinit");
  }

  @Test
  void changesAfterTheClone_arePending_untilRegenerated() {
    assertThat(vm.cloudInit().get()).noneMatch(PendingChange::isPending);

    vm.updateConfig(
        ConfigUpdate.builder()
            .set("ciuser", "ops")
            .set("ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1")
            .sshKeys(List.of(KEY_1, KEY_2))
            .build());

    Map<String, PendingChange> pending = byKey(vm.cloudInit().get());
    assertThat(pending.get("ciuser").value()).isEmpty();
    assertThat(pending.get("ciuser").pending()).contains("ops");
    assertThat(pending.get("ipconfig0").value()).contains("ip=dhcp");
    assertThat(pending.get("ipconfig0").pending()).contains("ip=10.0.0.5/24,gw=10.0.0.1");
    assertThat(pending.get("sshkeys").isPending()).isTrue();
    assertThat(pending.get("name").isPending()).isFalse();
    assertThat(pending.get("name").value()).contains("web-1");

    vm.cloudInit().regenerate();

    Map<String, PendingChange> after = byKey(vm.cloudInit().get());
    assertThat(after.values()).noneMatch(PendingChange::isPending);
    assertThat(after.get("ciuser").value()).contains("ops");
  }

  @Test
  void removingAValue_isAPendingDelete() {
    vm.updateConfig(ConfigUpdate.builder().delete("ipconfig0").build());

    PendingChange ipconfig = byKey(vm.cloudInit().get()).get("ipconfig0");
    assertThat(ipconfig.deletePending()).isTrue();
    assertThat(ipconfig.isPending()).isTrue();
  }

  @Test
  void sshKeys_areStoredUrlEncoded_andTheUserDataHasThemDecoded() {
    vm.updateConfig(
        ConfigUpdate.builder()
            .set("ciuser", "ops")
            .set("cipassword", "s3cret!")
            .set("searchdomain", "example.com")
            .sshKeys(List.of(KEY_1, KEY_2))
            .build());

    String stored = vm.config().values().get("sshkeys");
    assertThat(stored).doesNotContain(" ").contains("%20").contains("%0A").contains("%2B");
    assertThat(vm.config().values().get("cipassword")).isEqualTo("**********");

    String user = vm.cloudInit().dump(QemuCloudInit.DumpType.USER);
    assertThat(user)
        .startsWith("#cloud-config\n")
        .contains("hostname: web-1\n")
        .contains("fqdn: web-1.example.com\n")
        .contains("user: ops\n")
        .contains("ssh_authorized_keys:\n  - " + KEY_1 + "\n  - " + KEY_2 + "\n")
        .contains("package_upgrade: true\n")
        .doesNotContain("s3cret!");
    assertThat(user).containsPattern("password: \\$5\\$[./0-9A-Za-z]{16}\\$[./0-9A-Za-z]{43}\n");
  }

  @Test
  void networkConfig_isVersion1_withTheNicsMacAndTheStaticAddress() {
    vm.updateConfig(
        ConfigUpdate.builder()
            .set("ipconfig0", "ip=10.0.0.5/24,gw=10.0.0.1")
            .set("nameserver", "10.0.0.53 1.1.1.1")
            .build());
    String mac =
        vm.config().values().get("net0").replaceAll("^virtio=([0-9A-F:]+),.*$", "$1").toLowerCase();

    String network = vm.cloudInit().dump(QemuCloudInit.DumpType.NETWORK);

    assertThat(network)
        .isEqualTo(
            "version: 1\n"
                + "config:\n"
                + "    - type: physical\n"
                + "      name: eth0\n"
                + "      mac_address: '"
                + mac
                + "'\n"
                + "      subnets:\n"
                + "      - type: static\n"
                + "        address: '10.0.0.5'\n"
                + "        netmask: '255.255.255.0'\n"
                + "        gateway: '10.0.0.1'\n"
                + "    - type: nameserver\n"
                + "      address:\n"
                + "      - '10.0.0.53'\n"
                + "      - '1.1.1.1'\n");
    assertThat(vm.cloudInit().dump(QemuCloudInit.DumpType.META))
        .matches("instance-id: [0-9a-f]{40}\n");
  }

  @Test
  void removingTheDrive_freesItsVolume() {
    assertThat(vm.cloudInit().removeDrive()).contains("ide2");

    assertThat(vm.config().values()).doesNotContainKey("ide2");
    assertThat(vm.config().values().keySet()).noneMatch(k -> k.startsWith("unused"));
    assertThat(volumes()).doesNotContain("local-lvm:vm-101-cloudinit");
    assertThat(vm.cloudInit().removeDrive()).isEqualTo(Optional.empty());
  }

  @Test
  void regenerating_withoutADrive_changesNothing() {
    vm.cloudInit().removeDrive();
    vm.updateConfig(ConfigUpdate.builder().set("ciuser", "ops").build());

    vm.cloudInit().regenerate();

    assertThat(byKey(vm.cloudInit().get()).get("ciuser").isPending()).isTrue();
  }

  @Test
  void destroyingTheVm_freesTheDrive() {
    vm.delete(false, false).await(AWAIT);

    assertThat(volumes()).doesNotContain("local-lvm:vm-101-cloudinit");
  }
}
