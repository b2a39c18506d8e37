package io.pvekit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A value of every declared field for a schema: enough for each CEL rule to reach its functions at
 * run time (a rule may still evaluate to false or to an error on it).
 */
final class SchemaSamples {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 8;

  private SchemaSamples() {}

  static JsonNode sample(JsonNode schema) {
    return sample(schema, 0);
  }

  private static JsonNode sample(JsonNode schema, int depth) {
    if (schema.has("default")) {
      return schema.get("default");
    }
    if (schema.has("enum") && !schema.get("enum").isEmpty()) {
      return schema.get("enum").get(0);
    }
    if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
      return JSON.textNode("1Gi");
    }
    switch (schema.path("type").asText("")) {
      case "integer":
        return JSON.numberNode(schema.path("minimum").asLong(1));
      case "number":
        return JSON.numberNode(1.0);
      case "boolean":
        return JSON.booleanNode(true);
      case "string":
        return JSON.textNode("10.0.0.0/8");
      case "array":
        ArrayNode array = JSON.arrayNode();
        if (depth < MAX_DEPTH && schema.has("items")) {
          array.add(sample(schema.get("items"), depth + 1));
        }
        return array;
      default:
        ObjectNode object = JSON.objectNode();
        if (depth >= MAX_DEPTH) {
          return object;
        }
        for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
          object.set(p.getKey(), sample(p.getValue(), depth + 1));
        }
        if (schema.path("additionalProperties").isObject()) {
          object.set("key", sample(schema.get("additionalProperties"), depth + 1));
        }
        return object;
    }
  }
}
