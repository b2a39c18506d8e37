package io.pvekit.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class OciSpecTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  public static String resource(String name) throws Exception {
    try (InputStream in = OciSpecTest.class.getResourceAsStream("/oci/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  public static OciSpec full() throws Exception {
    return OciSpec.parse(resource("full-config.json"));
  }

  @Test
  void fullDocument_readsEveryField() throws Exception {
    OciSpec spec = full();
    OciProcess process = spec.process().orElseThrow();
    assertThat(process.user().additionalGids()).containsExactly(5L, 6L);
    assertThat(process.user().umask()).hasValue(18);
    assertThat(process.rlimits().get(1).hard()).isEqualTo(new BigInteger("18446744073709551615"));
    assertThat(process.ioPriority().orElseThrow().ioClass()).isEqualTo("IOPRIO_CLASS_BE");
    assertThat(process.execCpuAffinity().orElseThrow().finalCpus()).hasValue("0-3");
    assertThat(spec.root().orElseThrow().readonly()).isTrue();
    assertThat(spec.mounts().get(2).uidMappings().get(0).hostId()).isEqualTo(100000);
    assertThat(spec.hooks().orElseThrow().createRuntime().get(0).timeout()).hasValue(5);
    OciLinux linux = spec.linux().orElseThrow();
    assertThat(linux.namespaces()).hasSize(8);
    assertThat(linux.timeOffsets().get("monotonic").secs()).hasValue(-10);
    OciResources resources = linux.resources().orElseThrow();
    assertThat(resources.blockIo().orElseThrow().throttleWriteIopsDevice().get(0).rate())
        .isEqualTo(500);
    assertThat(resources.rdma().get("mlx5_1").hcaObjects()).hasValue(10000);
    assertThat(resources.unified()).containsEntry("memory.high", "400000000");
    assertThat(linux.seccomp().orElseThrow().syscalls().get(2).args().get(0).valueTwo())
        .hasValue(BigInteger.ZERO);
    assertThat(linux.intelRdt().orElseThrow().closId()).hasValue("guaranteed_group");
    assertThat(spec.ignoredFields()).isEmpty();
  }

  @Test
  void roundTrip_writesWhatItRead() throws Exception {
    String original = resource("full-config.json");
    OciSpec spec = OciSpec.parse(original);
    String written = spec.toJson();
    assertThat(OciSpec.parse(written)).isEqualTo(spec);
    assertThat(normalize(JSON.readTree(written))).isEqualTo(normalize(JSON.readTree(original)));
  }

  @Test
  void writeAndRead_file(@TempDir Path dir) throws Exception {
    OciSpec spec = full();
    Path file = dir.resolve("config.json");
    spec.write(file);
    assertThat(OciSpec.read(file)).isEqualTo(spec);
    try (InputStream in = Files.newInputStream(file)) {
      assertThat(OciSpec.parse(in)).isEqualTo(spec);
    }
    assertThat(dir.toFile().list()).containsExactly("config.json");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"ociVersion\":\"1.0.0\",\"process\":{\"user\":{\"uid\":\"0\",\"gid\":0},\"cwd\":\"/\"}}"
            + "|$.process.user.uid: expected an integer, got a string",
        "{\"ociVersion\":\"1.0.0\",\"process\":{\"user\":{\"gid\":0},\"cwd\":\"/\"}}"
            + "|$.process.user: required field missing: uid",
        "{\"ociVersion\":\"1.0.0\",\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\","
            + "\"args\":\"sh\"}}|$.process.args: expected an array, got a string",
        "{\"ociVersion\":\"1.0.0\",\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\","
            + "\"args\":[\"sh\",null]}}|$.process.args[1]: null is not allowed here",
        "{\"ociVersion\":\"1.0.0\",\"linux\":{\"namespaces\":[{\"type\":\"pid\"},{\"path\":\"/x\"}]}}"
            + "|$.linux.namespaces[1]: required field missing: type",
        "{\"ociVersion\":\"1.0.0\",\"root\":{\"path\":\"r\",\"readonly\":\"yes\"}}"
            + "|$.root.readonly: expected true or false, got a string",
        "{\"ociVersion\":\"1.0.0\",\"linux\":{\"resources\":{\"memory\":{\"limit\":1.5}}}}"
            + "|$.linux.resources.memory.limit: expected an integer, got a decimal number",
        "{\"ociVersion\":\"1.0.0\",\"linux\":{\"sysctl\":{\"a\":1}}}"
            + "|$.linux.sysctl.a: expected a string, got an integer",
        "{\"ociVersion\":\"1.0.0\",\"annotations\":[]}|$.annotations: expected an object",
        "{\"ociVersion\":\"1.0.0\",\"mounts\":[{\"destination\":\"/a\"},{\"type\":\"bind\"}]}"
            + "|$.mounts[1]: required field missing: destination",
        "{\"ociVersion\":\"2.0.0\"}|$.ociVersion: unsupported version \"2.0.0\"",
        "{\"ociVersion\":\"one\"}|$.ociVersion: \"one\" is not a version",
        "{}|$: required field missing: ociVersion",
        "{\"ociVersion\":\"1.0.0\",\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/\"}"
            + "|$.process: not valid JSON: Unexpected end-of-input: expected close marker for Object at line 1",
        "{\"ociVersion\":\"1.0.0\",\"linux\":{\"resources\":{\"pids\":{\"limit\":"
            + "99999999999999999999}}}}|$.linux.resources.pids.limit: Numeric value (99999999999999999999) out of range of long",
      })
  void invalidDocument_errorNamesThePath(String json, String expected) {
    assertThatThrownBy(() -> OciSpec.parse(json))
        .isInstanceOf(OciSpecException.class)
        .hasMessageStartingWith(expected);
  }

  @Test
  void exception_carriesPathAndProblemSeparately() {
    assertThatThrownBy(
            () ->
                OciSpec.parse(
                    "{\"ociVersion\":\"1.1.0\",\"process\":{\"user\":{\"uid\":true,\"gid\":0},"
                        + "\"cwd\":\"/\"}}"))
        .isInstanceOfSatisfying(
            OciSpecException.class,
            e -> {
              assertThat(e.jsonPath()).isEqualTo("$.process.user.uid");
              assertThat(e.problem()).startsWith("expected an integer");
            });
  }

  @Test
  void unknownProperties_areIgnoredButRecorded() {
    OciSpec spec =
        OciSpec.parse(
            "{\"ociVersion\":\"1.3.0\",\"vm\":{\"hypervisor\":{}},"
                + "\"linux\":{\"netDevices\":{\"eth1\":{}},\"namespaces\":[{\"type\":\"pid\","
                + "\"extra\":1}]}}");
    assertThat(spec.ignoredFields())
        .containsExactly("$.vm", "$.linux.netDevices", "$.linux.namespaces[0].extra");
    assertThat(spec.linux().orElseThrow().namespaces()).hasSize(1);
    assertThat(spec.toJson()).doesNotContain("ignoredFields");
  }

  @Test
  void preReleaseVersions_ofMajorOne_areAccepted() {
    assertThat(OciSpec.parse("{\"ociVersion\":\"1.0.2-dev\"}").ociVersion()).isEqualTo("1.0.2-dev");
    assertThat(OciSpec.parse("{\"ociVersion\":\"1.0.0-rc5\"}").process()).isEmpty();
  }

  @Test
  void nullValues_areTreatedAsAbsent() {
    OciSpec spec =
        OciSpec.parse("{\"ociVersion\":\"1.0.0\",\"hostname\":null,\"mounts\":null,\"root\":null}");
    assertThat(spec.hostname()).isEmpty();
    assertThat(spec.mounts()).isEmpty();
  }

  @Test
  void builder_makesSpecsInCode() {
    OciSpec spec =
        OciSpec.builder()
            .ociVersion("1.2.0")
            .root(OciRoot.builder().path("rootfs").build())
            .process(
                OciProcess.builder()
                    .user(OciUser.builder().uid(0).gid(0).build())
                    .cwd("/")
                    .addArgs("/bin/true")
                    .build())
            .build();
    assertThat(OciSpec.parse(spec.toJson())).isEqualTo(spec);
    assertThat(spec.toJson()).contains("\"readonly\" : false").doesNotContain("mounts");
  }

  /** Drops empty arrays/objects so "absent" and "empty" compare equal, as they mean the same. */
  static JsonNode normalize(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JSON.createObjectNode();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        JsonNode value = normalize(field.getValue());
        if (!(value.isContainerNode() && value.isEmpty()) && !value.isNull()) {
          copy.set(field.getKey(), value);
        }
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JSON.createArrayNode();
      node.forEach(element -> copy.add(normalize(element)));
      return copy;
    }
    return node;
  }
}
