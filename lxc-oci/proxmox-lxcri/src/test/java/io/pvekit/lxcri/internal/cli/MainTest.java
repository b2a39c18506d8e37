package io.pvekit.lxcri.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.oci.OciSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commands that need no container (and no root). */
class MainTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of());
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void version() {
    assertThat(run("--version")).isZero();
    assertThat(out()).startsWith("proxmox-lxcri version ").contains("spec: 1.0.2");
  }

  @Test
  void spec_writesAConfigJsonTheRuntimeReads() throws Exception {
    assertThat(run("spec", "--bundle", dir.toString())).isZero();
    OciSpec spec = OciSpec.read(dir.resolve("config.json"));
    assertThat(spec.process().get().args()).containsExactly("sh");
    assertThat(spec.root().get().path()).isEqualTo("rootfs");
    assertThat(run("spec", "--bundle", dir.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("exists. Remove it first");
  }

  @Test
  void features_isJsonListingHooksAndNamespaces() throws Exception {
    assertThat(run("features")).isZero();
    JsonNode features = new ObjectMapper().readTree(out());
    assertThat(features.get("hooks")).hasSize(6);
    assertThat(features.at("/linux/namespaces").toString()).contains("network", "pid");
    assertThat(features.at("/linux/cgroup/systemd").asBoolean()).isFalse();
    assertThat(features.at("/linux/apparmor/enabled").asBoolean())
        .isEqualTo(Files.exists(Path.of("/sys/module/apparmor/parameters/enabled")));
    // this test runs without PROXMOX_LXCRI_INIT, so terminals are not on offer
    assertThat(features.at("/annotations/io.pvekit.lxc.terminal").asText())
        .isEqualTo("needs proxmox-lxcri-init");
  }

  @Test
  void list_ofAnEmptyRoot() {
    assertThat(run("--root", dir.resolve("none").toString(), "list", "--format", "json")).isZero();
    assertThat(out().trim()).isEqualTo("[]");
  }

  @Test
  void errors_goToTheJsonLog() throws Exception {
    Path log = dir.resolve("log");
    assertThat(run("--log", log.toString(), "--log-format", "json", "frobnicate")).isEqualTo(1);
    assertThat(run("--log", log.toString(), "--log-format", "json", "kill")).isEqualTo(1);
    assertThat(run("--log", log.toString(), "--log-format", "json", "state", "bad/id"))
        .isEqualTo(1);
    List<String> lines = Files.readAllLines(log);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0)).startsWith("{\"level\":\"error\",\"msg\":\"No help topic for");
    assertThat(lines.get(1)).contains("\\\"kill\\\" requires a container id");
    assertThat(lines.get(2)).contains("invalid container id");
    for (String line : lines) {
      assertThat(new ObjectMapper().readTree(line).get("time").asText()).endsWith("Z");
    }
  }

  @Test
  void textLog_likeLogrus() throws Exception {
    Path log = dir.resolve("log");
    assertThat(run("--log", log.toString(), "start")).isEqualTo(1);
    assertThat(Files.readString(log)).matches("time=\"[^\"]+\" level=error msg=\".*\"\\n");
  }

  @Test
  void explain_listsEachField() throws Exception {
    Files.writeString(
        dir.resolve("config.json"),
        "{\"ociVersion\":\"1.0.2\",\"process\":{\"args\":[\"sh\"],\"cwd\":\"/\","
            + "\"user\":{\"uid\":0,\"gid\":0}},\"root\":{\"path\":\"rootfs\"},"
            + "\"linux\":{\"intelRdt\":{\"closID\":\"x\"}}}");
    Files.createDirectories(dir.resolve("rootfs"));
    assertThat(run("--root", dir.resolve("r").toString(), "explain", dir.toString())).isZero();
    assertThat(out()).contains("$.process.args").contains("intelRdt");
  }
}
