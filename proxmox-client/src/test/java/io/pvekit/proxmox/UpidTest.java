package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UpidTest {
  @Test
  void parse_readsEveryField() {
    Upid upid = Upid.parse("UPID:node1:000FF1FD:10F9374C:630D702C:vzdump:110:root@pam:");
    assertThat(upid.node()).isEqualTo(NodeName.of("node1"));
    assertThat(upid.pid()).isEqualTo(1044989L);
    assertThat(upid.pstart()).isEqualTo(284768076L);
    assertThat(upid.startTime()).isEqualTo(Instant.ofEpochSecond(1661825068L));
    assertThat(upid.type()).isEqualTo("vzdump");
    assertThat(upid.id()).isEqualTo("110");
    assertThat(upid.user()).isEqualTo("root@pam");
    assertThat(upid.tokenId()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPID:pve1:0000A1B2:1234ABCDE:6560F00D:imgcopy::root@pam:",
        "UPID:pve-2:0000a1b2:0012d687:6560f00d:qmclone:9000:ci@pve!deploy:",
        "UPID:node1:00000001:00000001:00000001:test:running:root@pam:",
      })
  void parse_thenFormat_isExact(String text) {
    assertThat(Upid.parse(text).format()).isEqualTo(text);
    assertThat(Upid.parse(text)).hasToString(text);
  }

  @Test
  void tokenAndEmptyIdAndNineDigitPstart() {
    Upid upload = Upid.parse("UPID:pve1:0000A1B2:1234ABCDE:6560F00D:imgcopy::root@pam:");
    assertThat(upload.id()).isEmpty();
    assertThat(upload.pstart()).isEqualTo(0x1234ABCDEL);
    Upid token = Upid.parse("UPID:pve1:0000A1B2:0012D687:6560F00D:qmstart:100:ci@pve!deploy:");
    assertThat(token.user()).isEqualTo("ci@pve!deploy");
    assertThat(token.tokenId()).contains("deploy");
  }

  @Test
  void of_writesLikePve_andParsesBack() {
    Upid upid =
        Upid.of(
            NodeName.of("pve1"),
            0xA1B2,
            0x12D687,
            Instant.ofEpochSecond(0x6560F00DL),
            "qmstart",
            "100",
            "root@pam");
    assertThat(upid.format())
        .isEqualTo("UPID:pve1:0000A1B2:0012D687:6560F00D:qmstart:100:root@pam:");
    assertThat(Upid.parse(upid.format())).isEqualTo(upid);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "UPID:pve1:0000A1B2:0012D687:6560F00D:qmstart:100:root@pam",
        "UPID:pve1:A1B2:0012D687:6560F00D:qmstart:100:root@pam:",
        "UPID:pve1:0000A1B2:0012D687:6560F00D::100:root@pam:",
        "UPID:-pve:0000A1B2:0012D687:6560F00D:qmstart:100:root@pam:",
        "upid:pve1:0000A1B2:0012D687:6560F00D:qmstart:100:root@pam:",
        "",
      })
  void malformed_isRefusedNamingTheValue(String text) {
    assertThatThrownBy(() -> Upid.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("upid")
        .hasMessageContaining("'" + text + "'");
  }

  @Test
  @Requires(Prerequisite.SHARED_UPSTREAM)
  void recordedUpids_parse_andTheTruncatedOneIsRefused() {
    for (String file :
        new String[] {"qemu-create.upid.json", "qemu-start.upid.json", "lxc-create.upid.json"}) {
      String text = UpstreamSamples.file(file).json().path("data").asText();
      assertThat(Upid.parse(text).format()).isEqualTo(text);
    }
    String truncated =
        UpstreamSamples.file("lxc-start.upid-truncated.json").json().path("data").asText();
    assertThatThrownBy(() -> Upid.parse(truncated)).hasMessageContaining("not a task id");
  }
}
