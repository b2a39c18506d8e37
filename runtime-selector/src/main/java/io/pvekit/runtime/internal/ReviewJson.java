package io.pvekit.runtime.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict JSON for admission reviews: duplicate keys refused (the API server and this webhook must
 * not read different values), trailing tokens refused, nesting and string sizes bounded.
 */
public final class ReviewJson {
  private static final JsonMapper STRICT =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(100)
                          .maxStringLength(4 << 20)
                          .maxNumberLength(100)
                          .maxNameLength(1024)
                          .build())
                  .build())
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private ReviewJson() {}

  /** Parses, throwing Jackson's unchecked exception for anything that is not one JSON value. */
  public static JsonNode parse(byte[] body) {
    return STRICT.readTree(body);
  }

  /** A string field, or null when absent or not a string. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isString() ? v.stringValue() : null;
  }

  /** The response review: uid echoed, allowed or denied, an optional JSON patch. */
  public static byte[] response(
      String uid, boolean allowed, String message, ArrayNode patch, List<String> warnings) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode review = f.objectNode();
    review.put("apiVersion", "admission.k8s.io/v1");
    review.put("kind", "AdmissionReview");
    ObjectNode response = review.putObject("response");
    response.put("uid", uid);
    response.put("allowed", allowed);
    if (!allowed) {
      ObjectNode status = response.putObject("status");
      status.put("code", 403);
      status.put("reason", "Forbidden");
      status.put("message", message);
    }
    if (allowed && patch != null && !patch.isEmpty()) {
      response.put("patchType", "JSONPatch");
      response.put("patch", Base64.getEncoder().encodeToString(STRICT.writeValueAsBytes(patch)));
    }
    if (warnings != null && !warnings.isEmpty()) {
      ArrayNode w = response.putArray("warnings");
      warnings.forEach(w::add);
    }
    return STRICT.writeValueAsBytes(review);
  }

  /** JSON pointer escaping of one path segment (RFC 6901). */
  public static String pointer(String segment) {
    return segment.replace("~", "~0").replace("/", "~1");
  }

  /** Decodes a response's base64 patch (tests, tools). */
  public static JsonNode decodePatch(String base64) {
    return STRICT.readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
  }

  /** The strict mapper, to convert trees into objects. */
  public static JsonMapper mapper() {
    return STRICT;
  }
}
