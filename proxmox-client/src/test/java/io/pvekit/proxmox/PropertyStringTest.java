package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PropertyStringTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "virtio=BC:24:11:30:AD:93,bridge=vmbr0,firewall=1",
        "local-lvm:vm-100-disk-0,size=32G",
        "zzz=1,aaa=2,mmm=3",
        "a=b=c",
      })
  void parse_thenFormat_returnsTheInputExactly(String text) {
    assertThat(PropertyString.parse("test", text, "file").format()).isEqualTo(text);
  }

  @Test
  void bareValue_isStoredUnderTheDefaultKey() {
    PropertyString parsed =
        PropertyString.parse("QEMU disk", "local:iso/x.iso,media=cdrom", "file");
    assertThat(parsed.get("file")).contains("local:iso/x.iso");
    assertThat(parsed.entries().get(0).bare()).isTrue();
  }

  @Test
  void with_keepsPositionsAndBareness_andAppendsNewKeys() {
    PropertyString parsed = PropertyString.parse("QEMU disk", "local:vm-1-disk-0,size=4G", "file");
    assertThat(
            parsed.with("file", "other:vm-1-disk-0").with("size", "8G").with("ssd", "1").format())
        .isEqualTo("other:vm-1-disk-0,size=8G,ssd=1");
    assertThat(parsed.without("size").format()).isEqualTo("local:vm-1-disk-0");
    assertThat(parsed.format()).isEqualTo("local:vm-1-disk-0,size=4G");
  }

  @Test
  void duplicateKey_isRefusedLikePve() {
    assertThatThrownBy(() -> PropertyString.parse("LXC netN", "name=eth0,name=eth1"))
        .isInstanceOf(PropertyStringException.class)
        .hasMessageContaining("LXC netN")
        .hasMessageContaining("'name' twice")
        .hasMessageContaining("name=eth0,name=eth1");
  }

  @Test
  void bareValueWithoutDefaultKey_emptyElementsAndEmptyValues_areRefused() {
    assertThatThrownBy(() -> PropertyString.parse("LXC features", "nesting"))
        .hasMessageContaining("'nesting' without a key");
    assertThatThrownBy(() -> PropertyString.parse("LXC features", "nesting=1,,fuse=1"))
        .hasMessageContaining("empty element");
    assertThatThrownBy(() -> PropertyString.parse("LXC features", "nesting="))
        .hasMessageContaining("empty key or value");
    assertThatThrownBy(() -> PropertyString.parse("LXC features", ""))
        .hasMessageContaining("is empty");
  }

  @Test
  void with_refusesValuesThatWouldBreakTheString() {
    PropertyString empty = PropertyString.empty("LXC features");
    assertThatThrownBy(() -> empty.with("mount", "nfs,cifs"))
        .isInstanceOf(PropertyStringException.class)
        .hasMessageContaining("mount=")
        .hasMessageContaining("'nfs,cifs'");
  }

  @Test
  void equality_isByEntriesInOrder() {
    assertThat(PropertyString.parse("x", "a=1,b=2"))
        .isEqualTo(PropertyString.parse("y", "a=1,b=2"));
    assertThat(PropertyString.parse("x", "a=1,b=2"))
        .isNotEqualTo(PropertyString.parse("x", "b=2,a=1"));
  }
}
