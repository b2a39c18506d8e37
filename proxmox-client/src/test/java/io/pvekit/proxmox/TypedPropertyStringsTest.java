package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TypedPropertyStringsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "virtio=BC:24:11:30:AD:93,bridge=vmbr0,firewall=1",
        "virtio=00:00:00:00:00:15,bridge=vmbr15",
        "e1000=BC:24:11:30:AD:93,bridge=vmbr0,tag=20,trunks=10;20-30,queues=4,rate=12.5,link_down=0",
        "virtio,bridge=vmbr0",
        "model=virtio,macaddr=BC:24:11:30:AD:93",
        "bridge=vmbr0,virtio=BC:24:11:30:AD:93,firewall=on",
        "virtio=BC:24:11:30:AD:93,bridge=vmbr0,future-key=x;y,mtu=1",
      })
  void qemuNet_roundTripsExactly(String text) {
    assertThat(QemuNet.parse(text).format()).isEqualTo(text);
  }

  @Test
  void qemuNet_readsTheModelMacShortForm() {
    QemuNet net = QemuNet.parse("virtio=BC:24:11:30:AD:93,bridge=vmbr0,firewall=1,tag=20");
    assertThat(net.model()).contains("virtio");
    assertThat(net.macAddress()).contains("BC:24:11:30:AD:93");
    assertThat(net.bridge()).contains("vmbr0");
    assertThat(net.firewall()).contains(true);
    assertThat(net.tag()).contains(20);
    assertThat(QemuNet.parse("virtio,bridge=vmbr0").macAddress()).isEmpty();
    assertThat(QemuNet.parse("virtio,bridge=vmbr0").model()).contains("virtio");
    assertThat(QemuNet.parse("bridge=vmbr0,firewall=on").firewall()).contains(true);
  }

  @Test
  void qemuNet_builderWritesPveOrder_andKeepsModelMacTogether() {
    assertThat(QemuNet.builder().tag(20).bridge("vmbr0").model("virtio").firewall(true).build())
        .hasToString("virtio,bridge=vmbr0,firewall=1,tag=20");
    assertThat(
            QemuNet.builder()
                .bridge("vmbr0")
                .macAddress("BC:24:11:30:AD:93")
                .model("virtio")
                .build()
                .format())
        .isEqualTo("virtio=BC:24:11:30:AD:93,bridge=vmbr0");
    QemuNet changed =
        QemuNet.parse("virtio=BC:24:11:30:AD:93,zz=1,bridge=vmbr0").toBuilder()
            .model("e1000")
            .tag(5)
            .build();
    assertThat(changed.format()).isEqualTo("e1000=BC:24:11:30:AD:93,zz=1,bridge=vmbr0,tag=5");
  }

  @Test
  void qemuNet_keepsUnknownKeysInOrder() {
    QemuNet net = QemuNet.parse("virtio=BC:24:11:30:AD:93,zeta=9,bridge=vmbr0,alpha=1");
    assertThat(net.unknownOptions())
        .containsExactly(Map.entry("zeta", "9"), Map.entry("alpha", "1"));
    assertThat(net.toBuilder().bridge("vmbr1").build().format())
        .isEqualTo("virtio=BC:24:11:30:AD:93,zeta=9,bridge=vmbr1,alpha=1");
  }

  @Test
  void qemuNet_errorsNameTheKeyAndValue() {
    assertThatThrownBy(() -> QemuNet.parse("virtio,bridge=vmbr0,tag=5000"))
        .isInstanceOf(PropertyStringException.class)
        .hasMessageContaining("QEMU netN")
        .hasMessageContaining("tag='5000'")
        .hasMessageContaining("1..4094");
    assertThatThrownBy(() -> QemuNet.parse("virtio=nope")).hasMessageContaining("macaddr='nope'");
    assertThatThrownBy(() -> QemuNet.parse("fancy,bridge=vmbr0"))
        .hasMessageContaining("model='fancy'");
    assertThatThrownBy(() -> QemuNet.parse("virtio=BC:24:11:30:AD:93,model=e1000"))
        .hasMessageContaining("names the model twice");
    assertThatThrownBy(() -> QemuNet.builder().firewall(true).option("firewall", "maybe"))
        .hasMessageContaining("firewall='maybe'")
        .hasMessageContaining("not a boolean");
    PropertyStringException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            PropertyStringException.class, () -> QemuNet.builder().tag(0));
    assertThat(e.key()).contains("tag");
    assertThat(e.value()).contains("0");
    assertThat(e.kind()).isEqualTo("QEMU netN");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "name=eth0,bridge=vmbr0,firewall=1,hwaddr=BC:24:11:2E:C5:7E,ip=dhcp,type=veth",
        "name=eth0,bridge=vmbr0",
        "name=eth1,bridge=vmbr0,ip=10.0.0.5/24,gw=10.0.0.1,ip6=fd00::5/64,gw6=fd00::1,tag=10",
        "bridge=vmbr0,name=eth0,ip6=auto,host-managed=1,mtu=1500,trunks=10;20",
        "name=eth0,ip=manual,new-in-pve10=yes",
      })
  void lxcNet_roundTripsExactly(String text) {
    assertThat(LxcNet.parse(text).format()).isEqualTo(text);
  }

  @Test
  void lxcNet_readsAndBuilds() {
    LxcNet net = LxcNet.parse("name=eth0,bridge=vmbr0,ip=10.0.0.5/24,gw=10.0.0.1,ip6=dhcp");
    assertThat(net.name()).isEqualTo("eth0");
    assertThat(net.ip()).contains("10.0.0.5/24");
    assertThat(net.gateway()).contains("10.0.0.1");
    assertThat(net.ip6()).contains("dhcp");
    assertThat(
            LxcNet.builder()
                .ip("dhcp")
                .bridge("vmbr0")
                .name("eth0")
                .firewall(true)
                .type("veth")
                .build()
                .format())
        .isEqualTo("name=eth0,bridge=vmbr0,firewall=1,ip=dhcp,type=veth");
  }

  @Test
  void lxcNet_requiresNameAndValidIps() {
    assertThatThrownBy(() -> LxcNet.parse("bridge=vmbr0,ip=dhcp"))
        .hasMessageContaining("LXC netN")
        .hasMessageContaining("required key 'name'");
    assertThatThrownBy(() -> LxcNet.builder().bridge("vmbr0").build())
        .hasMessageContaining("required key 'name'");
    assertThatThrownBy(() -> LxcNet.parse("name=eth0,ip=10.0.0.300/24"))
        .hasMessageContaining("ip='10.0.0.300/24'")
        .hasMessageContaining("IPv4/CIDR");
    assertThatThrownBy(() -> LxcNet.builder().name("eth0").ip("10.0.0.5"))
        .hasMessageContaining("ip='10.0.0.5'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "local-lvm:vm-100-disk-0,iothread=1,size=32G",
        "local-lvm:base-102-disk-0,iothread=1,size=32G",
        "local:iso/debian-12.iso,media=cdrom",
        "none,media=cdrom",
        "local:100/vm-101-disk-0.qcow2",
        "esxi:ha-datacenter/MyVM/MyVM.vmdk",
        "local-lvm:32",
        "local-lvm:0,import-from=local:import/noble.qcow2",
        "file=local-lvm:vm-100-disk-0,size=32G",
        "volume=local-lvm:vm-100-disk-0,cache=writeback,discard=on,ssd=1,bps_rd_length=5",
        "local-lvm:vm-100-disk-0,size=32G,brand-new-option=3",
      })
  void qemuDisk_roundTripsExactly(String text) {
    assertThat(QemuDisk.parse(text).format()).isEqualTo(text);
  }

  @Test
  void qemuDisk_readsVolumeStorageSizeAndTheAllocationForm() {
    QemuDisk disk = QemuDisk.parse("local-lvm:vm-100-disk-0,iothread=1,size=32G");
    assertThat(disk.volume()).isEqualTo("local-lvm:vm-100-disk-0");
    assertThat(disk.storage()).contains(StorageId.of("local-lvm"));
    assertThat(disk.size()).contains(DiskSize.ofGibibytes(32));
    assertThat(disk.iothread()).contains(true);
    assertThat(disk.isNewVolume()).isFalse();
    assertThat(QemuDisk.parse("volume=local-lvm:vm-1-disk-0").volume())
        .isEqualTo("local-lvm:vm-1-disk-0");
    assertThat(QemuDisk.parse("local-lvm:32").isNewVolume()).isTrue();
    assertThat(QemuDisk.parse("none,media=cdrom").storage()).isEmpty();
    assertThat(QemuDisk.newVolume(StorageId.of("local-lvm"), 32).iothread(true).build())
        .hasToString("local-lvm:32,iothread=1");
    assertThat(QemuDisk.newVolume(StorageId.of("local-lvm"), 0.5).build())
        .hasToString("local-lvm:0.5");
    assertThat(QemuDisk.importFrom(StorageId.of("local-lvm"), "local:import/noble.qcow2").build())
        .hasToString("local-lvm:0,import-from=local:import/noble.qcow2");
    assertThat(
            QemuDisk.parse("volume=local-lvm:vm-1-disk-0,size=4G").toBuilder()
                .size(DiskSize.ofGibibytes(8))
                .build()
                .format())
        .isEqualTo("volume=local-lvm:vm-1-disk-0,size=8G");
  }

  @Test
  void qemuDisk_refusesBadValuesAndAliasCollisions() {
    assertThatThrownBy(() -> QemuDisk.parse("local-lvm:vm-1-disk-0,cache=fast"))
        .hasMessageContaining("QEMU disk")
        .hasMessageContaining("cache='fast'");
    assertThatThrownBy(() -> QemuDisk.parse("local-lvm:vm-1-disk-0,size=32GB"))
        .hasMessageContaining("size='32GB'");
    assertThatThrownBy(() -> QemuDisk.parse("file=a:b,volume=a:c"))
        .hasMessageContaining("sets 'file' twice");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "local-lvm:vm-101-disk-0,size=8G",
        "vmstore:subvol-101-disk-0,size=30G",
        "local-lvm:8",
        "local-lvm:vm-101-disk-0,mountoptions=noatime;nodev,size=8G,acl=1",
      })
  void lxcRootFs_roundTripsExactly(String text) {
    assertThat(LxcRootFs.parse(text).format()).isEqualTo(text);
  }

  @Test
  void lxcRootFs_readsAndBuilds() {
    LxcRootFs rootfs =
        LxcRootFs.parse("local-lvm:vm-101-disk-0,mountoptions=noatime;nodev,size=8G");
    assertThat(rootfs.volume()).isEqualTo("local-lvm:vm-101-disk-0");
    assertThat(rootfs.size()).contains(DiskSize.parse("8G"));
    assertThat(rootfs.mountOptions()).containsExactly("noatime", "nodev");
    assertThat(LxcRootFs.newVolume(StorageId.of("local-lvm"), 8).build())
        .hasToString("local-lvm:8");
    assertThatThrownBy(() -> LxcRootFs.parse("local-lvm:8,mountoptions=sync"))
        .hasMessageContaining("mountoptions='sync'");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/srv/data,mp=/data",
        "/mnt/foo/bar,mp=/storage",
        "local-lvm:16,mp=/data,backup=1",
        "local-lvm:vm-101-disk-1,mp=/var/lib/postgresql,size=16G,ro=1",
        "mp=/data,volume=local-lvm:vm-101-disk-1",
      })
  void lxcMountPoint_roundTripsExactly(String text) {
    assertThat(LxcMountPoint.parse(text).format()).isEqualTo(text);
  }

  @Test
  void lxcMountPoint_readsAndBuilds() {
    LxcMountPoint mp = LxcMountPoint.parse("/srv/data,mp=/data");
    assertThat(mp.isBindMount()).isTrue();
    assertThat(mp.path()).isEqualTo("/data");
    assertThat(mp.storage()).isEmpty();
    assertThat(LxcMountPoint.newVolume(StorageId.of("local-lvm"), 16, "/data").backup(true).build())
        .hasToString("local-lvm:16,mp=/data,backup=1");
    assertThat(LxcMountPoint.parse("local-lvm:16,mp=/data").isNewVolume()).isTrue();
    assertThatThrownBy(() -> LxcMountPoint.parse("local-lvm:16"))
        .hasMessageContaining("LXC mpN")
        .hasMessageContaining("required key 'mp'");
    assertThatThrownBy(() -> LxcMountPoint.builder("local-lvm:16", "data"))
        .hasMessageContaining("mp='data'")
        .hasMessageContaining("absolute path");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ip=10.0.0.20/24,gw=10.0.0.1",
        "ip=dhcp",
        "ip6=auto",
        "gw=192.168.1.1,ip=192.168.1.10/24,ip6=2001:db8::10/64,gw6=2001:db8::1",
      })
  void ipConfig_roundTripsExactly(String text) {
    assertThat(IpConfig.parse(text).format()).isEqualTo(text);
  }

  @Test
  void ipConfig_readsAndBuilds() {
    IpConfig config = IpConfig.parse("ip=10.0.0.20/24,gw=10.0.0.1");
    assertThat(config.ip()).contains("10.0.0.20/24");
    assertThat(config.gateway()).contains("10.0.0.1");
    assertThat(IpConfig.builder().ip("10.0.0.5/24").gateway("10.0.0.1").build())
        .hasToString("gw=10.0.0.1,ip=10.0.0.5/24");
    assertThat(IpConfig.dhcp()).hasToString("ip=dhcp");
    assertThatThrownBy(() -> IpConfig.parse("ip=10.0.0.5")).hasMessageContaining("ip='10.0.0.5'");
    assertThatThrownBy(() -> IpConfig.builder().build()).hasMessageContaining("at least one");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fuse=1,mknod=1,nesting=1",
        "nesting=1",
        "keyctl=on,nesting=yes",
        "mount=nfs;cifs"
      })
  void lxcFeatures_roundTripsExactly(String text) {
    assertThat(LxcFeatures.parse(text).format()).isEqualTo(text);
  }

  @Test
  void lxcFeatures_readsAndBuilds() {
    LxcFeatures features = LxcFeatures.parse("fuse=1,mknod=1,nesting=1,mount=nfs;cifs");
    assertThat(features.fuse()).isTrue();
    assertThat(features.mknod()).isTrue();
    assertThat(features.nesting()).isTrue();
    assertThat(features.keyctl()).isFalse();
    assertThat(features.mount()).isEqualTo(List.of("nfs", "cifs"));
    assertThat(LxcFeatures.builder().nesting(true).keyctl(true).build())
        .hasToString("keyctl=1,nesting=1");
    assertThat(LxcFeatures.parse("nesting=1").toBuilder().fuse(true).nesting(false).build())
        .hasToString("nesting=0,fuse=1");
    assertThatThrownBy(() -> LxcFeatures.parse("nesting=2"))
        .hasMessageContaining("LXC features")
        .hasMessageContaining("nesting='2'");
  }

  @Test
  void valuesAreEqualByWireForm_andKindsDoNotMix() {
    assertThat(LxcFeatures.parse("nesting=1")).isEqualTo(LxcFeatures.parse("nesting=1"));
    assertThat(LxcFeatures.parse("nesting=1")).isNotEqualTo(LxcFeatures.parse("nesting=on"));
    assertThat(LxcRootFs.parse("local-lvm:8")).isNotEqualTo(QemuDisk.parse("local-lvm:8"));
    assertThat(LxcRootFs.parse("local-lvm:8").hashCode())
        .isEqualTo(LxcRootFs.parse("local-lvm:8").hashCode());
  }
}
