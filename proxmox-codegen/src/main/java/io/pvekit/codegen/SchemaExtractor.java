package io.pvekit.codegen;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reduces the official PVE API schema ({@code apidata.js} as JSON, from pve-docs' API viewer) to
 * the facts a client needs: for each path and method the parameters with their type, enum, format
 * (property-string formats with their sub-keys), range, length, pattern, default and optional flag,
 * and the shape of what it returns. Proxmox's description text is left out: the project keeps the
 * facts, not the documentation.
 *
 * <p>Output: {@code {"pveVersion": ..., "endpoints": [{"method", "path", "parameters", "returns"},
 * ...]}}, endpoints sorted by path then method, object keys sorted, two-space indentation, so that
 * re-extracting gives byte-identical files and a new schema gives a readable diff.
 *
 * <p>Usage: {@code SchemaExtractor PVE_VERSION APIDATA_JSON OUTPUT_JSON}.
 */
public final class SchemaExtractor {
  /**
   * Keys of a JSON-schema node that are facts; everything else (description, typetext, ...) goes.
   */
  private static final Set<String> FACTS =
      Set.of(
          "type",
          "optional",
          "enum",
          "format",
          "minimum",
          "maximum",
          "pattern",
          "maxLength",
          "minLength",
          "default",
          "default_key",
          "alias",
          "requires",
          "items",
          "properties",
          "additionalProperties",
          "oneOf",
          "type-property",
          "instance-types");

  private static final List<String> METHOD_ORDER = List.of("GET", "POST", "PUT", "DELETE");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  private SchemaExtractor() {}

  /**
   * Extracts one schema file.
   *
   * @param args PVE version (e.g. {@code 9.1}), the schema file, the output file
   * @throws IOException when a file cannot be read or written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: SchemaExtractor PVE_VERSION APIDATA_JSON OUTPUT");
    }
    String text = extract(args[0], Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
    Files.writeString(Path.of(args[2]), text, StandardCharsets.UTF_8);
  }

  /**
   * The facts of a schema, as the text written to the extract file.
   *
   * @param pveVersion the PVE release the schema describes, e.g. {@code 8.4}
   * @param apidataJson the schema: the JSON array of pve-docs' {@code apidata.js}
   * @return the extract, ending with a newline
   * @throws IOException when the schema is not JSON
   */
  public static String extract(String pveVersion, String apidataJson) throws IOException {
    JsonNode root = JSON.readTree(apidataJson);
    if (!root.isArray()) {
      throw new IllegalArgumentException("the schema must be the JSON array of apidata.js");
    }
    List<ObjectNode> endpoints = new ArrayList<>();
    root.forEach(node -> collect(node, endpoints));
    endpoints.sort(
        Comparator.comparing((ObjectNode e) -> e.get("path").asText())
            .thenComparing(e -> METHOD_ORDER.indexOf(e.get("method").asText())));
    ObjectNode out = NODES.objectNode();
    out.put("pveVersion", pveVersion);
    ArrayNode list = out.putArray("endpoints");
    endpoints.forEach(list::add);
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    return JSON.writer(printer).writeValueAsString(out) + "\n";
  }

  private static void collect(JsonNode node, List<ObjectNode> endpoints) {
    String path = node.path("path").asText();
    node.path("info")
        .properties()
        .forEach(
            method -> {
              ObjectNode endpoint = NODES.objectNode();
              endpoint.put("method", method.getKey());
              endpoint.put("path", path);
              JsonNode info = method.getValue();
              endpoint.set("parameters", facts(info.path("parameters")));
              endpoint.set("returns", facts(info.path("returns")));
              endpoints.add(endpoint);
            });
    node.path("children").forEach(child -> collect(child, endpoints));
  }

  /** The fact keys of one schema node, recursively, keys sorted. */
  private static JsonNode facts(JsonNode schema) {
    ObjectNode out = NODES.objectNode();
    if (!schema.isObject()) {
      return out;
    }
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    schema.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.forEach(
        (key, value) -> {
          if (!FACTS.contains(key)) {
            return;
          }
          switch (key) {
            case "properties" -> out.set(key, factsByName(value));
            case "format" -> out.set(key, value.isObject() ? factsByName(value) : value);
            case "items", "additionalProperties" ->
                out.set(key, value.isObject() ? facts(value) : value);
            case "oneOf" -> {
              ArrayNode variants = out.putArray(key);
              value.forEach(v -> variants.add(facts(v)));
            }
            default -> out.set(key, value);
          }
        });
    return out;
  }

  /** A map from names (parameters, properties, property-string keys) to their facts. */
  private static ObjectNode factsByName(JsonNode byName) {
    ObjectNode out = NODES.objectNode();
    TreeMap<String, JsonNode> sorted = new TreeMap<>();
    byName.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
    sorted.forEach((name, schema) -> out.set(name, facts(schema)));
    return out;
  }
}
