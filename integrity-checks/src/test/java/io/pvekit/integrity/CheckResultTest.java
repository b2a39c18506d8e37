package io.pvekit.integrity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CheckResultTest {
  @Test
  void builder_buildsAValidResult() {
    CheckResult result =
        CheckResult.builder()
            .checkId("proxmox.api-reachable")
            .status(CheckStatus.PASS)
            .message("PVE 9.1.3 answered in 12 ms")
            .build();
    assertThat(result.status()).isEqualTo(CheckStatus.PASS);
    assertThat(result.remedy()).isEmpty();
  }

  @Test
  void badId_isRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                CheckResult.builder()
                    .checkId("Proxmox API")
                    .status(CheckStatus.PASS)
                    .message("x")
                    .build())
        .hasMessageStartingWith("checkId: 'Proxmox API'");
  }

  @Test
  void failWithoutRemedy_isRefused() {
    assertThatThrownBy(
            () ->
                CheckResult.builder()
                    .checkId("lxc.runtime-installed")
                    .status(CheckStatus.FAIL)
                    .message("proxmox-lxcri not found")
                    .build())
        .hasMessageContaining("must say what to do");
  }

  @Test
  void worst_picksTheWorseStatus() {
    assertThat(CheckStatus.PASS.worst(CheckStatus.WARN)).isEqualTo(CheckStatus.WARN);
    assertThat(CheckStatus.FAIL.worst(CheckStatus.WARN)).isEqualTo(CheckStatus.FAIL);
    assertThat(CheckStatus.ERROR.worst(CheckStatus.PASS)).isEqualTo(CheckStatus.ERROR);
  }
}
