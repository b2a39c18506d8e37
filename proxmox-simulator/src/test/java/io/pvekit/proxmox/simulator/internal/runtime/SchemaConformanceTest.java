package io.pvekit.proxmox.simulator.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.schema.Param;
import io.pvekit.proxmox.simulator.internal.schema.PropertyFormat;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every endpoint the simulator serves, and every parameter it accepts, as the official PVE 9.1
 * schema documents them: same names, type, named format or property-string format, enum,
 * optionality, bounds, length, pattern and {@code requires}; the property strings the simulator
 * parses have the schema's keys. The simulator reads its tables from the committed extract ({@code
 * SchemaParams}), so this holds that extract, a separate file, to the official schema.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class SchemaConformanceTest {
  private static SimulatorRuntime runtime;

  @BeforeAll
  static void start() {
    runtime = SimulatorRuntimes.start();
  }

  @AfterAll
  static void stop() {
    runtime.close();
  }

  @Test
  void servesAtLeastTheEndpointsTheClientNeeds() {
    List<String> served = new ArrayList<>();
    runtime.router().endpoints().forEach(e -> served.add(e.method() + " " + e.path()));
    assertThat(served)
        .contains(
            "GET /version",
            "GET /cluster/resources",
            "POST /nodes/{node}/qemu/{vmid}/clone",
            "POST /nodes/{node}/storage/{storage}/upload",
            "GET /nodes/{node}/tasks/{upid}/log",
            "POST /access/ticket",
            "GET /access/permissions")
        .hasSizeGreaterThanOrEqualTo(48);
    String readme;
    try {
      readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(readme).contains(served.size() + " of the 649 endpoints of PVE 9.1");
  }

  @Test
  void everyEndpointAndParameter_matchesTheSchema() {
    List<String> problems = new ArrayList<>();
    for (Endpoint e : runtime.router().endpoints()) {
      String where = e.method() + " " + e.path();
      JsonNode info = UpstreamSchema.method(e.method(), e.path());
      if (info == null) {
        problems.add(where + ": not in the schema");
        continue;
      }
      JsonNode props = info.path("parameters").path("properties");
      TreeSet<String> documented = new TreeSet<>();
      props.properties().forEach(f -> documented.add(f.getKey()));
      TreeSet<String> encoded = new TreeSet<>(e.params().keySet());
      if (!documented.equals(encoded)) {
        TreeSet<String> missing = new TreeSet<>(documented);
        missing.removeAll(encoded);
        TreeSet<String> extra = new TreeSet<>(encoded);
        extra.removeAll(documented);
        problems.add(where + ": parameters missing " + missing + ", not documented " + extra);
      }
      for (Param p : e.params().values()) {
        if (props.has(p.name())) {
          compare(where + " " + p.name(), p, props.get(p.name()), problems);
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void checkedPropertyStrings_haveTheSchemasKeys() {
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Endpoint e : runtime.router().endpoints()) {
      JsonNode props =
          UpstreamSchema.method(e.method(), e.path()).path("parameters").path("properties");
      for (Param p : e.params().values()) {
        PropertyFormat format = p.subFormat();
        if (format == null) {
          continue;
        }
        checked++;
        String where = e.method() + " " + e.path() + " " + p.name();
        JsonNode documented = props.get(p.name()).get("format");
        TreeSet<String> keys = new TreeSet<>();
        TreeSet<String> aliases = new TreeSet<>();
        documented
            .properties()
            .forEach(f -> (f.getValue().has("alias") ? aliases : keys).add(f.getKey()));
        if (!keys.equals(new TreeSet<>(format.keys().keySet()))) {
          problems.add(where + ": keys " + format.keys().keySet() + " vs schema " + keys);
        }
        if (!aliases.equals(new TreeSet<>(format.aliases().keySet()))) {
          problems.add(where + ": aliases " + format.aliases().keySet() + " vs schema " + aliases);
        }
        for (Map.Entry<String, PropertyFormat.Alias> a : format.aliases().entrySet()) {
          JsonNode alias = documented.get(a.getKey());
          if (alias != null
              && (!alias.get("alias").asText().equals(a.getValue().target())
                  || !Objects.equals(textOrNull(alias.get("keyAlias")), a.getValue().keyAlias()))) {
            problems.add(where + ": alias " + a.getKey() + " differs");
          }
        }
        for (Param key : format.keys().values()) {
          JsonNode schemaKey = documented.get(key.name());
          if (schemaKey != null) {
            compare(where + "." + key.name(), key, schemaKey, problems);
            if (key.defaultKey() != (schemaKey.path("default_key").asInt(0) == 1)) {
              problems.add(where + "." + key.name() + ": default_key differs");
            }
          }
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  private static void compare(String where, Param p, JsonNode s, List<String> problems) {
    String type = s.path("type").asText("string");
    if (!type.equals(p.type())) {
      problems.add(where + ": type " + p.type() + " vs schema " + type);
    }
    JsonNode format = s.get("format");
    boolean dict = format != null && format.isObject();
    if (dict != p.propertyString()) {
      problems.add(where + ": property string " + p.propertyString() + " vs schema " + dict);
    }
    String named = format != null && format.isTextual() ? format.asText() : null;
    if (!Objects.equals(named, p.format())) {
      problems.add(where + ": format " + p.format() + " vs schema " + named);
    }
    List<String> enumValues = new ArrayList<>();
    s.path("enum").forEach(v -> enumValues.add(v.asText()));
    if (!enumValues.equals(p.enumValues())) {
      problems.add(where + ": enum " + p.enumValues() + " vs schema " + enumValues);
    }
    boolean optional = s.path("optional").asInt(0) == 1;
    if (optional != p.optional()) {
      problems.add(where + ": optional " + p.optional() + " vs schema " + optional);
    }
    if (!Objects.equals(number(s.get("minimum")), p.minimum())) {
      problems.add(where + ": minimum " + p.minimum() + " vs schema " + s.get("minimum"));
    }
    if (!Objects.equals(number(s.get("maximum")), p.maximum())) {
      problems.add(where + ": maximum " + p.maximum() + " vs schema " + s.get("maximum"));
    }
    Integer maxLength = s.has("maxLength") ? s.get("maxLength").asInt() : null;
    if (!Objects.equals(maxLength, p.maxLength())) {
      problems.add(where + ": maxLength " + p.maxLength() + " vs schema " + maxLength);
    }
    if (!Objects.equals(textOrNull(s.get("pattern")), p.pattern())) {
      problems.add(where + ": pattern " + p.pattern() + " vs schema " + s.get("pattern"));
    }
    JsonNode requires = s.get("requires");
    String requiresName = requires != null && requires.isTextual() ? requires.asText() : null;
    if (!Objects.equals(requiresName, p.requires())) {
      problems.add(where + ": requires " + p.requires() + " vs schema " + requiresName);
    }
  }

  private static Double number(JsonNode node) {
    return node == null ? null : Double.valueOf(node.asText());
  }

  private static String textOrNull(JsonNode node) {
    return node == null ? null : node.asText();
  }
}
