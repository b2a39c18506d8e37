package io.pvekit.lxc.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.lxc.CgroupLayout;
import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.ResourceLimits;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RuntimeValuesTest {
  @Test
  void signals_byNameNumberAndRealtime() {
    assertThat(Signals.parse("TERM")).isEqualTo(15);
    assertThat(Signals.parse("SIGKILL")).isEqualTo(9);
    assertThat(Signals.parse("sighup")).isEqualTo(1);
    assertThat(Signals.parse("10")).isEqualTo(10);
    assertThat(Signals.parse("RTMIN+2")).isEqualTo(36);
    assertThat(Signals.parse("SIGRTMAX")).isEqualTo(64);
    assertThatThrownBy(() -> Signals.parse("SIGFOO")).hasMessage("unknown signal \"SIGFOO\"");
    assertThatThrownBy(() -> Signals.parse("99")).hasMessage("unknown signal \"99\"");
  }

  @Test
  void containerIds_followRuncsRule() {
    ContainerId.of("abc-1.2_3+4");
    assertThatThrownBy(() -> ContainerId.of("a/b")).hasMessageContaining("invalid");
    assertThatThrownBy(() -> ContainerId.of("..")).hasMessageContaining("invalid");
    assertThatThrownBy(() -> ContainerId.of("")).hasMessageContaining("invalid");
  }

  @Test
  void stateJson_asRuncPrintsIt() {
    ContainerState state =
        ContainerState.builder()
            .id("c\"1")
            .status(ContainerStatus.RUNNING)
            .pid(42)
            .bundle(Path.of("/b"))
            .created(Instant.parse("2026-01-02T03:04:05Z"))
            .annotations(Map.of("k", "v"))
            .build();
    assertThat(StateJson.render(state))
        .isEqualTo(
            "{\"ociVersion\":\"1.0.2\",\"id\":\"c\\\"1\",\"pid\":42,\"status\":\"running\","
                + "\"bundle\":\"/b\",\"rootfs\":\"/b/rootfs\",\"created\":\"2026-01-02T03:04:05Z\","
                + "\"owner\":\"\",\"annotations\":{\"k\":\"v\"}}");
  }

  @Test
  void record_roundTripsThroughTheStateFile(@TempDir Path dir) throws Exception {
    ContainerRecord record = new ContainerRecord();
    record.id = "c1";
    record.bundle = Path.of("/bundle");
    record.status = ContainerStatus.CREATED;
    record.created = Instant.parse("2026-01-02T03:04:05Z");
    record.initPid = 10;
    record.initStart = 11;
    record.supervisorPid = 12;
    record.cgroups.put("memory", Path.of("/sys/fs/cgroup/memory/x"));
    record.annotations.put("a.b", "c=d");
    record.hooks.put(
        "poststop", List.of(new HookCommand("/bin/h", List.of("h", "x y"), List.of("A=1"), 5)));
    record.save(dir);
    ContainerRecord loaded = ContainerRecord.load(dir);
    assertThat(loaded.id).isEqualTo("c1");
    assertThat(loaded.status).isEqualTo(ContainerStatus.CREATED);
    assertThat(loaded.created).isEqualTo(record.created);
    assertThat(loaded.initStart).isEqualTo(11);
    assertThat(loaded.cgroups).isEqualTo(record.cgroups);
    assertThat(loaded.annotations).containsEntry("a.b", "c=d");
    assertThat(loaded.hooks("poststop")).isEqualTo(record.hooks("poststop"));
  }

  @Test
  void cgroupSettings_v1AndV2() {
    ResourceLimits limits =
        ResourceLimits.builder()
            .memoryLimit(1024L)
            .memorySwap(2048L)
            .cpuShares(1024L)
            .cpuQuota(50000L)
            .pidsLimit(0L)
            .build();
    assertThat(CgroupSettings.of(limits, CgroupLayout.HYBRID))
        .containsExactly(
            Map.entry("memory.limit_in_bytes", "1024"),
            Map.entry("memory.memsw.limit_in_bytes", "2048"),
            Map.entry("cpu.shares", "1024"),
            Map.entry("cpu.cfs_quota_us", "50000"),
            Map.entry("pids.max", "max"));
    assertThat(CgroupSettings.of(limits, CgroupLayout.UNIFIED))
        .containsEntry("memory.max", "1024")
        .containsEntry("memory.swap.max", "1024")
        .containsEntry("cpu.weight", "39")
        .containsEntry("cpu.max", "50000 100000")
        .containsEntry("pids.max", "max");
  }

  @Test
  void propertiesText_isWhatPropertiesLoadReads() throws Exception {
    Map<String, String> entries = new java.util.TreeMap<>();
    entries.put("plain", "value");
    entries.put("key with spaces=and:colons", " leading blank, #hash !bang\\back");
    entries.put("multi", "line one\nline two\ttab");
    entries.put("unicode", "caf\u00e9 \u2603");
    java.util.Properties loaded = new java.util.Properties();
    loaded.load(new java.io.StringReader(PropertiesText.write(entries)));
    assertThat(loaded).hasSize(entries.size());
    entries.forEach((k, v) -> assertThat(loaded.getProperty(k)).as(k).isEqualTo(v));
  }

  @Test
  void rfc3339_parsesBackToTheSameInstant() {
    for (String text :
        List.of(
            "2026-01-02T03:04:05Z",
            "2026-11-24T15:30:31.052957623Z",
            "1999-12-31T23:59:59.100Z",
            "2030-06-07T08:09:00.000001Z")) {
      Instant instant = Instant.parse(text);
      String formatted = Rfc3339.format(instant);
      assertThat(Instant.parse(formatted)).isEqualTo(instant);
      assertThat(formatted).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{9})?Z");
    }
  }
}
