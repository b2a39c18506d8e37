package io.pvekit.testing.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * {@code x-kubernetes-embedded-resource}: a nested object with apiVersion, kind and metadata, which
 * the API server checks as it checks a top-level object (except that the name is optional).
 */
final class EmbeddedResource {
  private EmbeddedResource() {}

  static void check(JsonNode value, String path, List<String> errors) {
    String prefix = path.isEmpty() ? "" : path + ".";
    for (String field : List.of("apiVersion", "kind")) {
      JsonNode v = value.get(field);
      if (v == null || v.isNull() || v.asText().isEmpty()) {
        errors.add(prefix + field + ": Required value: must not be empty");
      } else if (!v.isTextual()) {
        errors.add(prefix + field + ": must be of type string");
      }
    }
    ObjectMetaValidator.validate(value.get("metadata"), prefix + "metadata", false, errors);
  }
}
