package io.pvekit.lxcri.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.lxc.ExecSpec;
import io.pvekit.lxc.ResourceLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamingJsonTest {
  private static ByteArrayInputStream json(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** What containerd's shim writes for `ctr task exec` (fields it sets, plus extras). */
  @Test
  void execProcess_fromTheShimsProcessJson() throws IOException {
    String process =
        "{\"terminal\":false,\"consoleSize\":{\"height\":0,\"width\":0},"
            + "\"user\":{\"uid\":1000,\"gid\":100,\"additionalGids\":[10,20],\"umask\":18},"
            + "\"args\":[\"/bin/sh\",\"-c\",\"echo hi\"],\"env\":[\"PATH=/bin\",\"A=b c\"],"
            + "\"cwd\":\"/work\",\"capabilities\":{\"bounding\":[\"CAP_KILL\"]},"
            + "\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"hard\":1024,\"soft\":1024}],"
            + "\"noNewPrivileges\":true,\"apparmorProfile\":\"cri-default\",\"oomScoreAdj\":5}";
    StreamingJson.ExecProcessJson parsed = StreamingJson.process(json(process));
    ExecSpec spec = parsed.spec();
    assertThat(parsed.terminal()).isFalse();
    assertThat(spec.args()).containsExactly("/bin/sh", "-c", "echo hi");
    assertThat(spec.env()).containsExactly("PATH=/bin", "A=b c");
    assertThat(spec.cwd()).contains("/work");
    assertThat(spec.uid()).contains(1000);
    assertThat(spec.gid()).contains(100);
    assertThat(spec.additionalGids()).containsExactly(10, 20);
    assertThat(spec.noNewPrivileges()).isTrue();
    assertThat(spec.apparmorProfile()).contains("cri-default");
  }

  @Test
  void execProcess_withoutArgs_isRefused() {
    assertThatThrownBy(() -> StreamingJson.process(json("{\"env\":[]}")))
        .hasMessageContaining("args must not be empty");
    assertThatThrownBy(() -> StreamingJson.process(json("[1]"))).isInstanceOf(IOException.class);
  }

  @Test
  void resources_fromUpdateJson() throws IOException {
    ResourceLimits limits =
        StreamingJson.resources(
            json(
                "{\"memory\":{\"limit\":1048576,\"reservation\":null,\"swap\":2097152},"
                    + "\"cpu\":{\"shares\":512,\"quota\":50000,\"period\":100000,"
                    + "\"cpus\":\"0-1\",\"mems\":\"0\"},\"pids\":{\"limit\":99},"
                    + "\"blockIO\":{\"weight\":300},\"hugepageLimits\":[]}"));
    assertThat(limits.memoryLimit()).contains(1048576L);
    assertThat(limits.memoryReservation()).isEmpty();
    assertThat(limits.memorySwap()).contains(2097152L);
    assertThat(limits.cpuShares()).contains(512L);
    assertThat(limits.cpuQuota()).contains(50000L);
    assertThat(limits.cpuPeriod()).contains(100000L);
    assertThat(limits.cpusetCpus()).contains("0-1");
    assertThat(limits.cpusetMems()).contains("0");
    assertThat(limits.pidsLimit()).contains(99L);
    assertThat(limits.blkioWeight()).contains(300);
  }

  @Test
  void sizes_likeRunc() {
    assertThat(LiveCommands.bytes("64m")).isEqualTo(64L << 20);
    assertThat(LiveCommands.bytes("1G")).isEqualTo(1L << 30);
    assertThat(LiveCommands.bytes("512kb")).isEqualTo(512L << 10);
    assertThat(LiveCommands.bytes("-1")).isEqualTo(-1);
    assertThatThrownBy(() -> LiveCommands.bytes("lots")).hasMessageContaining("invalid size");
  }
}
