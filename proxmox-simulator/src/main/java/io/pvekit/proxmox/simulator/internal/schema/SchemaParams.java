package io.pvekit.proxmox.simulator.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The documented parameters of every PVE 9.1 endpoint, read from the schema extract the client is
 * generated from ({@code proxmox-client/src/main/pve-schema/pve-9.1.json}, packaged as a resource)
 * so the simulator validates calls against the same source of truth instead of a hand copy. The
 * only hand-written part is which property strings the simulator parses key by key (their keys and
 * aliases live in {@link QemuSchema} and {@link LxcSchema}, because the extract has no key
 * aliases).
 */
public final class SchemaParams {
  /** Where the extract is on the class path. */
  public static final String RESOURCE = "/io/pvekit/proxmox/simulator/schema/pve-9.1.json";

  private static final Map<String, Map<String, PropertyFormat>> SUB_FORMATS =
      Map.of(
          "POST /nodes/{node}/qemu", QemuSchema.CONFIG_FORMATS,
          "PUT /nodes/{node}/qemu/{vmid}/config", QemuSchema.CONFIG_FORMATS,
          "POST /nodes/{node}/qemu/{vmid}/config", QemuSchema.CONFIG_FORMATS,
          "POST /nodes/{node}/lxc", LxcSchema.CONFIG_FORMATS,
          "PUT /nodes/{node}/lxc/{vmid}/config", LxcSchema.CONFIG_FORMATS);

  private static final Map<String, Map<String, Param>> TABLES = new ConcurrentHashMap<>();

  private SchemaParams() {}

  /**
   * The parameters of one endpoint, path parameters included.
   *
   * @throws IllegalStateException when the schema has no such endpoint: a handler registered for a
   *     path PVE 9.1 does not serve
   */
  public static Map<String, Param> params(String method, String path) {
    String key = method + " " + path;
    return TABLES.computeIfAbsent(
        key,
        k -> {
          JsonNode properties = Extract.ENDPOINTS.get(k);
          if (properties == null) {
            throw new IllegalStateException(
                "endpoint "
                    + k
                    + " is not in the PVE 9.1 schema extract "
                    + RESOURCE
                    + ": fix the method or path of the handler");
          }
          return table(properties, SUB_FORMATS.getOrDefault(k, Map.of()));
        });
  }

  private static Map<String, Param> table(
      JsonNode properties, Map<String, PropertyFormat> subFormats) {
    Map<String, Param> params = new LinkedHashMap<>();
    properties
        .properties()
        .forEach(f -> params.put(f.getKey(), param(f.getKey(), f.getValue(), subFormats)));
    return Collections.unmodifiableMap(params);
  }

  private static Param param(String name, JsonNode s, Map<String, PropertyFormat> subFormats) {
    JsonNode format = s.get("format");
    boolean propertyString = format != null && format.isObject();
    List<String> enumValues = new ArrayList<>();
    s.path("enum").forEach(v -> enumValues.add(v.asText()));
    JsonNode requires = s.get("requires");
    return new Param(
        name,
        s.path("type").asText("string"),
        s.path("optional").asInt(0) == 1,
        s.path("default_key").asInt(0) == 1,
        format != null && format.isTextual() ? format.asText() : null,
        propertyString,
        propertyString ? subFormats.get(name) : null,
        List.copyOf(enumValues),
        number(s.get("minimum")),
        number(s.get("maximum")),
        s.has("maxLength") ? s.get("maxLength").asInt() : null,
        requires != null && requires.isTextual() ? requires.asText() : null,
        s.has("pattern") ? s.get("pattern").asText() : null);
  }

  private static Double number(JsonNode node) {
    return node == null ? null : Double.valueOf(node.asText());
  }

  /** The extract, read once per class loader: {@code "METHOD path"} to its parameter properties. */
  private static final class Extract {
    static final Map<String, JsonNode> ENDPOINTS = load();

    private static Map<String, JsonNode> load() {
      try (InputStream in = SchemaParams.class.getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(
              "the PVE schema extract " + RESOURCE + " is missing from the class path");
        }
        Map<String, JsonNode> endpoints = new HashMap<>();
        for (JsonNode e : new ObjectMapper().readTree(in).path("endpoints")) {
          endpoints.put(
              e.get("method").asText() + " " + e.get("path").asText(),
              e.path("parameters").path("properties"));
        }
        return endpoints;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the PVE schema extract " + RESOURCE, e);
      }
    }
  }
}
