package io.pvekit.testing.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Structural defaulting, which the API server applies before it validates: nulls of non-nullable
 * fields are dropped, then a missing property with a {@code default} gets it, then defaulting
 * continues inside the value (defaults of defaults), in objects, array items and
 * additionalProperties. Validation, and CEL rules in particular, see the defaulted object.
 */
final class Defaulter {
  private Defaulter() {}

  /**
   * Drops {@code null} values of fields whose schema is not nullable: the API server prunes them
   * before defaulting, so such a field counts as absent (and may then be defaulted).
   */
  private static void pruneNulls(ObjectNode object, JsonNode properties, JsonNode additional) {
    List<String> nulls = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      if (!field.getValue().isNull()) {
        continue;
      }
      JsonNode fieldSchema =
          properties.has(field.getKey())
              ? properties.get(field.getKey())
              : additional != null && additional.isObject() ? additional : null;
      if (fieldSchema != null && !fieldSchema.path("nullable").asBoolean(false)) {
        nulls.add(field.getKey());
      }
    }
    object.remove(nulls);
  }

  /** Applies the defaults of {@code schema} to {@code value} in place. */
  static void apply(JsonNode value, JsonNode schema) {
    if (value == null || schema == null || !schema.isObject()) {
      return;
    }
    if (value instanceof ObjectNode object) {
      JsonNode properties = schema.path("properties");
      JsonNode additional = schema.get("additionalProperties");
      pruneNulls(object, properties, additional);
      for (Map.Entry<String, JsonNode> property : properties.properties()) {
        JsonNode fallback = property.getValue().get("default");
        if (!object.has(property.getKey()) && fallback != null) {
          object.set(property.getKey(), fallback.deepCopy());
        }
      }
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        if (properties.has(name)) {
          apply(object.get(name), properties.get(name));
        } else if (additional != null && additional.isObject()) {
          apply(object.get(name), additional);
        }
      }
    } else if (value instanceof ArrayNode array) {
      for (JsonNode item : array) {
        apply(item, schema.get("items"));
      }
    }
  }
}
