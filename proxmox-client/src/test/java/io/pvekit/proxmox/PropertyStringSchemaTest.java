package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.PropertySpec;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key the official schema declares for a property-string format is one pvekit knows (so
 * nothing lands in {@code unknownOptions}), booleans are booleans, default keys agree, and every
 * enum value the schema allows parses.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class PropertyStringSchemaTest {
  static Stream<Arguments> formats() {
    return Stream.of(
        Arguments.of("POST", "/nodes/{node}/qemu", "net[n]", QemuNet.parse("virtio").spec()),
        Arguments.of("POST", "/nodes/{node}/lxc", "net[n]", LxcNet.parse("name=eth0").spec()),
        Arguments.of("POST", "/nodes/{node}/qemu", "scsi[n]", QemuDisk.parse("none").spec()),
        Arguments.of("POST", "/nodes/{node}/qemu", "virtio[n]", QemuDisk.parse("none").spec()),
        Arguments.of("POST", "/nodes/{node}/qemu", "sata[n]", QemuDisk.parse("none").spec()),
        Arguments.of("POST", "/nodes/{node}/qemu", "ide[n]", QemuDisk.parse("none").spec()),
        Arguments.of("POST", "/nodes/{node}/lxc", "rootfs", LxcRootFs.parse("a:1").spec()),
        Arguments.of("POST", "/nodes/{node}/lxc", "mp[n]", LxcMountPoint.parse("a:1,mp=/a").spec()),
        Arguments.of(
            "POST", "/nodes/{node}/lxc", "features", LxcFeatures.parse("nesting=1").spec()));
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("formats")
  void specCoversTheSchemaFormat(String method, String path, String param, PropertySpec spec) {
    for (String file : List.of("pve-apidata.json", "pve-apidata-8.4.json")) {
      JsonNode format = ApiSchema.load(file).format(method, path, param);
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, JsonNode> key : format.properties()) {
        String name = key.getKey();
        JsonNode schema = key.getValue();
        if (!spec.knows(name)) {
          problems.add(name + " unknown");
          continue;
        }
        if (schema.has("alias")) {
          if (!spec.canonicalName(name).equals(schema.get("alias").asText())) {
            problems.add(name + " should alias " + schema.get("alias").asText());
          }
          continue;
        }
        if (schema.path("default_key").asInt() == 1 && !name.equals(spec.defaultKey())) {
          problems.add(name + " is the default key");
        }
        String sample =
            switch (schema.path("type").asText()) {
              case "boolean" -> "yes";
              case "integer" -> schema.has("minimum") ? schema.get("minimum").asText() : "1";
              default -> null;
            };
        if (sample != null) {
          try {
            spec.check(name, sample);
          } catch (IllegalArgumentException e) {
            problems.add(name + " refuses " + sample + ": " + e.getMessage());
          }
        }
        for (JsonNode allowed : schema.path("enum")) {
          try {
            spec.check(name, allowed.asText());
          } catch (IllegalArgumentException e) {
            problems.add(name + " refuses enum value " + allowed.asText());
          }
        }
        if (schema.path("type").asText().equals("boolean")) {
          try {
            spec.check(name, "2");
            problems.add(name + " accepts '2' as a boolean");
          } catch (IllegalArgumentException expected) {
            // booleans must be checked
          }
        }
      }
      assertThat(problems).as(file + " " + method + " " + path + " " + param).isEmpty();
    }
  }
}
