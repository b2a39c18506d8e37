package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
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
      return List.of();
    }
    List<ClusterResource> actual = stream(data);
    assertThat(actual).as(data).isEqualTo(expected);
    for (int i = 0; i < actual.size(); i++) {
      assertThat(actual.get(i).toString()).as(data).isEqualTo(expected.get(i).toString());
      assertThat(actual.get(i).raw()).as(data).isEqualTo(expected.get(i).raw());
    }
    return actual;
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
