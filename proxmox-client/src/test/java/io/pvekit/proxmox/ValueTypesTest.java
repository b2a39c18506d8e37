package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ValueTypesTest {
  @Test
  void diskSize_parsesBinaryUnits_andKeepsItsText() {
    assertThat(DiskSize.parse("32G").bytes()).isEqualTo(32L << 30);
    assertThat(DiskSize.parse("512M").bytes()).isEqualTo(512L << 20);
    assertThat(DiskSize.parse("1.5T").bytes()).isEqualTo(3L << 39);
    assertThat(DiskSize.parse("4096").bytes()).isEqualTo(4096L);
    assertThat(DiskSize.parse("1024M")).isEqualTo(DiskSize.parse("1G")).hasToString("1024M");
    assertThat(DiskSize.ofGibibytes(8)).hasToString("8G");
    assertThat(DiskSize.ofMebibytes(8)).isLessThan(DiskSize.ofGibibytes(1));
    assertThatThrownBy(() -> DiskSize.parse("32GB")).hasMessageContaining("size: '32GB'");
    assertThatThrownBy(() -> DiskSize.ofGibibytes(0)).hasMessageContaining("size: 0");
  }

  @Test
  void nodeAndStorage_checkTheirFormat() {
    assertThat(NodeName.of("pve-1")).hasToString("pve-1");
    assertThatThrownBy(() -> NodeName.of("pve_1")).hasMessageContaining("node: 'pve_1'");
    assertThatThrownBy(() -> NodeName.of("-pve")).hasMessageContaining("node: '-pve'");
    assertThat(StorageId.of("local-lvm")).hasToString("local-lvm");
    assertThatThrownBy(() -> StorageId.of("1local")).hasMessageContaining("storage: '1local'");
    assertThatThrownBy(() -> StorageId.of("local:")).hasMessageContaining("storage: 'local:'");
  }

  @Test
  void secret_isMaskedEverywhereButReveal() {
    Secret secret = Secret.of("s3cr3t-value");
    assertThat(secret.toString()).doesNotContain("s3cr3t").isEqualTo("****");
    assertThat(String.valueOf(java.util.List.of(secret))).doesNotContain("s3cr3t");
    assertThat(secret.reveal()).isEqualTo("s3cr3t-value");
    assertThat(secret).isEqualTo(Secret.of("s3cr3t-value")).isNotEqualTo(Secret.of("other"));
    assertThatThrownBy(() -> Secret.of("")).hasMessageContaining("secret");
  }
}
