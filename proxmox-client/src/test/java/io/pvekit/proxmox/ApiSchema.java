package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.testing.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The official PVE API schema from {@code shared/upstream/pve-api}, indexed by method and path. */
final class ApiSchema {
  private static final Map<String, ApiSchema> CACHE = new HashMap<>();
  private final Map<String, JsonNode> endpoints = new HashMap<>();

  private ApiSchema(JsonNode root) {
    root.forEach(this::index);
  }

  static synchronized ApiSchema load(String file) {
    return CACHE.computeIfAbsent(
        file,
        f -> {
          try {
            return new ApiSchema(
                new ObjectMapper().readTree(SharedData.upstream("pve-api/" + f).toFile()));
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  static ApiSchema current() {
    return load("pve-apidata.json");
  }

  private void index(JsonNode node) {
    JsonNode info = node.path("info");
    info.fieldNames()
        .forEachRemaining(m -> endpoints.put(m + " " + node.path("path").asText(), info.get(m)));
    node.path("children").forEach(this::index);
  }

  Optional<JsonNode> endpoint(String method, String pathTemplate) {
    return Optional.ofNullable(endpoints.get(method + " " + pathTemplate));
  }

  /** The schema of a parameter; {@code net0} is looked up as {@code net[n]}. */
  Optional<JsonNode> parameter(String method, String pathTemplate, String name) {
    JsonNode props =
        endpoint(method, pathTemplate).orElseThrow().path("parameters").path("properties");
    if (props.has(name)) {
      return Optional.of(props.get(name));
    }
    String indexed = name.replaceFirst("\\d+$", "[n]");
    return Optional.ofNullable(props.get(indexed));
  }

  /** The object-valued {@code format} of a property-string parameter. */
  JsonNode format(String method, String pathTemplate, String name) {
    JsonNode format = parameter(method, pathTemplate, name).orElseThrow().path("format");
    if (!format.isObject()) {
      throw new IllegalStateException(name + " has no object format in the schema");
    }
    return format;
  }
}
