package io.pvekit.testing.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@code x-kubernetes-list-type: map}: no two items share the values of the list-map keys. */
final class ListMapKeys {
  private ListMapKeys() {}

  static void check(JsonNode list, JsonNode schema, String path, List<String> errors) {
    List<String> keys = new ArrayList<>();
    schema.path("x-kubernetes-list-map-keys").forEach(k -> keys.add(k.asText()));
    List<ObjectNode> seen = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode item = list.get(i);
      if (!item.isObject()) {
        continue;
      }
      ObjectNode key = JsonNodeFactory.instance.objectNode();
      for (String k : keys) {
        key.set(k, item.path(k).isMissingNode() ? null : item.get(k));
      }
      boolean duplicate = false;
      for (ObjectNode other : seen) {
        duplicate |= Json.sameValue(other, key);
      }
      if (duplicate) {
        errors.add(path + "[" + i + "]: Duplicate value: " + key);
      } else {
        seen.add(key);
      }
    }
  }
}
