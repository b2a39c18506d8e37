package io.pvekit.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import io.pvekit.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The committed extracts in {@code proxmox-client/src/main/pve-schema} are exactly what the
 * extractor makes of the official schemas in {@code ../shared/upstream/pve-api}, and carry no
 * description text.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class SchemaExtractorTest {
  static final Path EXTRACTS = Path.of("../proxmox-client/src/main/pve-schema");

  @ParameterizedTest
  @CsvSource({"9.1, pve-apidata.json, 649", "8.4, pve-apidata-8.4.json, 605"})
  void reExtracting_givesTheCommittedFile(String version, String upstream, int endpoints)
      throws IOException {
    String schema =
        Files.readString(SharedData.upstream("pve-api/" + upstream), StandardCharsets.UTF_8);
    String extracted = SchemaExtractor.extract(version, schema);
    Path committed = EXTRACTS.resolve("pve-" + version + ".json");

    assertThat(extracted)
        .as(
            "re-run: SchemaExtractor %s ../shared/upstream/pve-api/%s %s",
            version, upstream, committed)
        .isEqualTo(Files.readString(committed, StandardCharsets.UTF_8));
    assertThat(new ObjectMapper().readTree(extracted).get("endpoints")).hasSize(endpoints);
  }

  @ParameterizedTest
  @CsvSource({"9.1", "8.4"})
  void extract_keepsFactsButNoDescriptions(String version) throws IOException {
    JsonNode root =
        new ObjectMapper().readTree(EXTRACTS.resolve("pve-" + version + ".json").toFile());
    List<String> prose = new ArrayList<>();
    root.get("endpoints").forEach(e -> findProse(e, e.get("path").asText(), prose));
    assertThat(prose).isEmpty();

    JsonNode snapshot = endpoint(root, "POST", "/nodes/{node}/qemu/{vmid}/snapshot");
    JsonNode vmid = snapshot.at("/parameters/properties/vmid");
    assertThat(vmid.get("type").asText()).isEqualTo("integer");
    assertThat(vmid.get("minimum").asLong()).isEqualTo(100);
    assertThat(snapshot.at("/parameters/properties/snapname/maxLength").asInt()).isEqualTo(40);
    JsonNode net = endpoint(root, "POST", "/nodes/{node}/qemu").at("/parameters/properties/net[n]");
    assertThat(net.at("/format/model/default_key").asInt()).isEqualTo(1);
    assertThat(net.at("/format/tag/maximum").asInt()).isEqualTo(4094);
  }

  private static JsonNode endpoint(JsonNode root, String method, String path) {
    for (JsonNode e : root.get("endpoints")) {
      if (e.get("method").asText().equals(method) && e.get("path").asText().equals(path)) {
        return e;
      }
    }
    throw new AssertionError(method + " " + path + " not in the extract");
  }

  /** Description-like keys of a schema node, wherever they sit (not in name maps). */
  private static void findProse(JsonNode node, String where, List<String> found) {
    if (!node.isObject()) {
      return;
    }
    node.properties()
        .forEach(
            e -> {
              String key = e.getKey();
              if (key.equals("properties") || key.equals("format") && e.getValue().isObject()) {
                e.getValue().properties().forEach(p -> findProse(p.getValue(), where, found));
              } else if (List.of(
                      "description",
                      "verbose_description",
                      "typetext",
                      "format_description",
                      "title")
                  .contains(key)) {
                found.add(where + ": " + key);
              } else {
                findProse(e.getValue(), where, found);
              }
            });
  }
}
