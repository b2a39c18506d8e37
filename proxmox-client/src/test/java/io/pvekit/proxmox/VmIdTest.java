package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VmIdTest {
  @Test
  void parse_acceptsTheDocumentedRangeAndFormatsBack() {
    assertThat(VmId.parse("100").value()).isEqualTo(100);
    assertThat(VmId.parse(" 9000 ")).isEqualTo(VmId.of(9000));
    assertThat(VmId.of(999_999_999).toString()).isEqualTo("999999999");
  }

  @Test
  void outOfRange_namesFieldAndValue() {
    assertThatThrownBy(() -> VmId.of(99))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("vmid")
        .hasMessageContaining("99");
    assertThatThrownBy(() -> VmId.parse("abc")).hasMessageContaining("'abc'");
  }

  @Test
  void ordersNumerically() {
    assertThat(VmId.of(200)).isGreaterThan(VmId.of(101));
  }
}
