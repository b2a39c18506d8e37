package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.proxmox.internal.DataReader;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The streaming decoder of {@code /cluster/resources} reads every body exactly as the tree decoder
 * {@link Decode#resource} does: same values, same {@code raw()}, same failures.
 */
class StreamingDecodeTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Field values in every JSON shape, including the ones PVE versions and mocks have sent. */
  private static final List<String> VALUES =
      List.of(
          "\"x\"",
          "\"\"",
          "\" 12 \"",
          "\"12.7\"",
          "\"abc\"",
          "\"100\"",
          "\"99\"",
          "\"1000000000\"",
          "\"pve1\"",
          "\"bad_node\"",
          "\"-pve\"",
          "\"a;b, c\"",
          "\"on\"",
          "\"TRUE\"",
          "\"1\"",
          "\"0\"",
          "\"\\u00e9t\\u00e9\"",
          "12",
          "-3",
          "0",
          "1",
          "2",
          "100",
          "2147483648",
          "12345678901234567890",
          "-12345678901234567890",
          "1.0",
          "1.5",
          "0.0123",
          "1e3",
          "-2.5E-3",
          "1e400",
          "true",
          "false",
          "null",
          "{}",
          "{\"a\":[1,{\"b\":null}]}",
          "[]",
          "[\"a\",\"b\"]",
          "[1,{\"x\":2},null,true]");

  private static final List<String> FIELDS =
      List.of(
          "id",
          "type",
          "node",
          "vmid",
          "name",
          "status",
          "storage",
          "pool",
          "template",
          "cpu",
          "maxcpu",
          "mem",
          "maxmem",
          "disk",
          "maxdisk",
          "uptime",
          "tags",
          "unknown");

  /** A body as PVE 8/9 sends it: every entry type, plain values only. */
  static final String PVE_BODY =
      "{\"data\":[{\"id\":\"qemu/100\",\"type\":\"qemu\",\"vmid\":100,\"name\":\"web-1\","
          + "\"node\":\"pve1\",\"status\":\"running\",\"template\":0,\"maxcpu\":2,"
          + "\"cpu\":0.0249060195469461,\"maxmem\":2147483648,\"mem\":751619276,"
          + "\"maxdisk\":34359738368,\"disk\":0,\"uptime\":874350,\"netin\":2456116121,"
          + "\"netout\":545248946,\"diskread\":4510777856,\"diskwrite\":6059209728,"
          + "\"tags\":\"web;prod\",\"hastate\":\"started\",\"pool\":\"ci\"},\n"
          + " {\"id\":\"lxc/200\",\"type\":\"lxc\",\"vmid\":\"200\",\"name\":\"ct\",\"node\":\"pve2\","
          + "\"status\":\"stopped\",\"template\":1,\"maxcpu\":1,\"cpu\":0,\"maxmem\":536870912,"
          + "\"mem\":0,\"maxdisk\":8589934592,\"disk\":0,\"uptime\":0,\"lock\":null},"
          + "{\"id\":\"node/pve1\",\"type\":\"node\",\"node\":\"pve1\",\"status\":\"online\","
          + "\"cpu\":1.5e-2,\"maxcpu\":16,\"mem\":12345678,\"maxmem\":67108864000,"
          + "\"uptime\":99,\"level\":\"\",\"cgroup-mode\":2},"
          + "{ \"id\" : \"storage/pve1/local\" , \"type\" : \"storage\" , \"storage\" : \"local\" ,"
          + " \"node\" : \"pve1\", \"status\" : \"available\", \"shared\":0,"
          + " \"content\":\"iso,vztmpl\", \"plugintype\":\"dir\", \"disk\":-1, \"maxdisk\":2e3},"
          + "{\"id\":\"sdn/pve1/localnetwork\",\"type\":\"sdn\",\"sdn\":\"localnetwork\","
          + "\"node\":\"pve1\",\"status\":\"ok\"},"
          + "{\"id\":\"pool/ci\",\"type\":\"pool\",\"pool\":\"ci\"}]}\n";

  @Test
  void thePlainPath_takesTheBodiesPveSends_andGivesWhatJacksonGives() {
    byte[] body = PVE_BODY.getBytes(StandardCharsets.UTF_8);
    List<ClusterResource> plain = ResourceReader.list().readPlain(body);
    assertThat(plain).hasSize(6);
    assertSame(PVE_BODY, plain, readData(body));
    assertThat(plain.get(0).tags()).containsExactly("web", "prod");
    assertThat(plain.get(1).vmid()).contains(VmId.of(200));
    assertThat(plain.get(1).template()).isTrue();
    assertThat(plain.get(3).maxDisk()).contains(2000L);
    assertThat(plain.get(3).raw().path("content").asText()).isEqualTo("iso,vztmpl");
  }

  @Test
  void mutatedBodies_thePlainPathDeclinesOrAgreesWithTheTreeReader() {
    java.util.Random random = new java.util.Random(20261124);
    byte[] original = PVE_BODY.getBytes(StandardCharsets.UTF_8);
    String alphabet = "{}[]\",:0123456789.-+eEtfnul \\\u00e9x";
    int agreed = 0;
    int declined = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder body = new StringBuilder(PVE_BODY);
      for (int m = 1 + random.nextInt(3); m > 0; m--) {
        int at = random.nextInt(body.length());
        switch (random.nextInt(3)) {
          case 0 -> body.deleteCharAt(at);
          case 1 -> body.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
          default -> body.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
        }
      }
      byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
      List<ClusterResource> plain = ResourceReader.list().readPlain(bytes);
      List<ClusterResource> tree = treeOrNull(bytes);
      if (plain == null) {
        declined++;
      } else {
        assertThat(tree).as(body.toString()).isNotNull();
        assertSame(body.toString(), plain, tree);
        agreed++;
      }
    }
    assertThat(original).isNotEmpty();
    // both outcomes happen often, so both are exercised
    assertThat(agreed).isGreaterThan(2_000);
    assertThat(declined).isGreaterThan(2_000);
  }

  @Test
  void decimals_readByThePlainPath_areTheDoublesParseDoubleGives() {
    java.util.Random random = new java.util.Random(17);
    for (int n = 0; n < 50_000; n++) {
      StringBuilder number = new StringBuilder(random.nextInt(4) == 0 ? "-" : "");
      int integerDigits = random.nextInt(7);
      number.append(integerDigits == 0 ? "0" : String.valueOf(1 + random.nextInt(9)));
      for (int d = 1; d < integerDigits; d++) {
        number.append(random.nextInt(10));
      }
      number.append('.');
      for (int d = 1 + random.nextInt(22); d > 0; d--) {
        number.append(random.nextInt(3) == 0 ? 0 : random.nextInt(10));
      }
      if (random.nextInt(8) == 0) {
        number.append(random.nextBoolean() ? "e" : "E-").append(random.nextInt(330));
      }
      String body = "{\"data\":[{\"id\":\"qemu/1\",\"type\":\"qemu\",\"cpu\":" + number + "}]}";
      List<ClusterResource> plain =
          ResourceReader.list().readPlain(body.getBytes(StandardCharsets.UTF_8));
      assertThat(plain).as(body).isNotNull();
      assertThat(plain.get(0).cpu()).as(body).contains(Double.parseDouble(number.toString()));
    }
  }

  /** What a tree reader makes of a whole body; null when it (or the decoder) rejects it. */
  private static List<ClusterResource> treeOrNull(byte[] body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root == null || !root.isObject() || !root.has("data")) {
        return null;
      }
      return Decode.list(root.get("data"), Decode::resource);
    } catch (IOException | RuntimeException rejected) {
      return null;
    }
  }

  @Test
  void everyFieldInEveryShape_decodesAsTheTreeDecoderDoes() {
    int compared = 0;
    for (String field : FIELDS) {
      for (String value : VALUES) {
        String entry =
            switch (field) {
              case "id" -> "{\"id\":" + value + ",\"type\":\"qemu\"}";
              case "type" -> "{\"type\":" + value + ",\"id\":\"qemu/100\"}";
              default -> "{\"id\":\"qemu/100\",\"" + field + "\":" + value + ",\"type\":\"qemu\"}";
            };
        assertSameAsTree("[" + entry + "]");
        compared++;
      }
    }
    assertThat(compared).isEqualTo(FIELDS.size() * VALUES.size());
  }

  @Test
  void lastDuplicateWins_missingRequiredFieldsFailInOrder_nonObjectsAndNonArrays() {
    assertSameAsTree("[{\"id\":\"a\",\"type\":\"qemu\",\"vmid\":100,\"vmid\":\"x\"}]");
    assertSameAsTree("[{\"id\":\"a\",\"type\":\"qemu\",\"tags\":\"a;b\",\"tags\":null}]");
    assertSameAsTree("[{\"id\":\"a\",\"type\":\"qemu\",\"node\":\"bad_\",\"node\":\"pve2\"}]");
    assertSameAsTree("[{\"type\":\"qemu\",\"node\":\"bad_\"}]");
    assertSameAsTree("[{\"id\":\"a\",\"node\":\"bad_\"}]");
    assertSameAsTree("[{\"id\":\"a\",\"type\":\"qemu\",\"node\":\"bad_\"}]");
    assertSameAsTree("[{}]");
    assertSameAsTree("[{\"id\":\"a\",\"type\":\"qemu\"}, 5]");
    assertSameAsTree("[null]");
    assertSameAsTree("[[{\"id\":\"a\",\"type\":\"qemu\"}]]");
    assertSameAsTree("[]");
    assertSameAsTree("null");
    assertSameAsTree("{\"id\":\"a\",\"type\":\"qemu\"}");
    assertSameAsTree("\"[]\"");
    assertSameAsTree(
        "[{\"id\":\"node/pve1\",\"type\":\"node\",\"node\":\"pve1\"},"
            + "{\"id\":\"qemu/100\",\"type\":\"qemu\",\"node\":\"pve1\",\"vmid\":100},"
            + "{\"id\":\"qemu/101\",\"type\":\"qemu\",\"node\":\"pve2\",\"vmid\":101}]");
  }

  @Test
  void raw_isTheEntryAsReceived_readOnce_andNotPartOfEquality() {
    List<ClusterResource> resources =
        stream(
            "[{\"id\":\"qemu/100\",\"type\":\"qemu\",\"x\":{\"y\":[1,2]},\"maxmem\":\"2048\"},"
                + " {\"id\":\"qemu/100\",\"type\":\"qemu\",\"maxmem\":2048}]");
    ClusterResource first = resources.get(0);
    assertThat(first.raw().path("x").path("y").get(1).asInt()).isEqualTo(2);
    assertThat(first.raw()).isSameAs(first.raw());
    assertThat(first.raw().toString())
        .isEqualTo(
            "{\"id\":\"qemu/100\",\"type\":\"qemu\",\"x\":{\"y\":[1,2]},\"maxmem\":\"2048\"}");
    assertThat(first).isEqualTo(resources.get(1)).hasSameHashCodeAs(resources.get(1));
    assertThat(first.toString()).doesNotContain("received").contains("maxMem=2048");
  }

  @Test
  @Requires(Prerequisite.SHARED_UPSTREAM)
  void recordedAndMockBodies_decodeAsTheTreeDecoderDoes() {
    List<String> bodies = new ArrayList<>();
    for (UpstreamSamples.Sample sample : UpstreamSamples.all()) {
      String request = sample.method() + " " + sample.path().replace("\\", "");
      if (sample.status() == 200
          && sample.isJson()
          && request.matches("GET /cluster/resources.*")
          && sample.json().has("data")) {
        bodies.add(sample.json().path("data").toString());
      }
    }
    assertThat(bodies).hasSizeGreaterThanOrEqualTo(3);
    for (String data : bodies) {
      assertThat(assertSameAsTree(data)).isNotEmpty();
    }
  }

  /** Decodes {@code data} both ways; returns the list, or fails when they differ. */
  private static List<ClusterResource> assertSameAsTree(String data) {
    List<ClusterResource> expected;
    try {
      expected = Decode.list(JSON.readTree(data), Decode::resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException treeFailure) {
      assertThatThrownBy(() -> stream(data))
          .as(data)
          .isExactlyInstanceOf(treeFailure.getClass())
          .hasMessage(treeFailure.getMessage());
      assertThat(plain(data)).as("plain path on " + data).isNull();
      return List.of();
    }
    List<ClusterResource> actual = stream(data);
    assertSame(data, actual, expected);
    List<ClusterResource> plain = plain(data);
    if (plain != null) {
      assertSame(data, plain, expected);
    }
    return actual;
  }

  private static void assertSame(
      String data, List<ClusterResource> actual, List<ClusterResource> expected) {
    assertThat(actual).as(data).isEqualTo(expected);
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i).toString()).as(data).isEqualTo(expected.get(i).toString());
      assertThat(actual.get(i).raw()).as(data).isEqualTo(expected.get(i).raw());
    }
  }

  /** The bytes-only fast path; null when it leaves the body to Jackson. */
  private static List<ClusterResource> plain(String data) {
    return ResourceReader.list()
        .readPlain(("{\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8));
  }

  private static List<ClusterResource> stream(String data) {
    return readData(("{\"data\":" + data + "}").getBytes(StandardCharsets.UTF_8));
  }

  private static List<ClusterResource> readData(byte[] body) {
    DataReader<List<ClusterResource>> reader = ResourceReader.list();
    try (JsonParser parser = JSON.createParser(body)) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      assertThat(parser.nextFieldName()).isEqualTo("data");
      parser.nextToken();
      List<ClusterResource> resources = reader.read(parser, body);
      assertThat(parser.nextToken()).isEqualTo(JsonToken.END_OBJECT);
      return resources;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
