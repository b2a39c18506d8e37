package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lenient reading of PVE's JSON: numbers may arrive as numeric strings (LXC {@code vmid} in 7.x,
 * {@code /cluster/nextid}), booleans as 0/1, lists as {@code ;}- or {@code ,}-separated strings.
 * Counters stay 64-bit.
 */
final class Json {
  private Json() {}

  static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return Optional.empty();
    }
    return Optional.of(value.asText());
  }

  static String requiredText(JsonNode node, String field, String what) {
    return text(node, field)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    what + ": the response lacks '" + field + "': " + node));
  }

  static Optional<Long> integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      return Optional.of(value.asLong());
    }
    if (value.isTextual()) {
      String text = value.asText().trim();
      try {
        return Optional.of(Long.parseLong(text));
      } catch (NumberFormatException e) {
        try {
          return Optional.of((long) Double.parseDouble(text));
        } catch (NumberFormatException notANumber) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  static Optional<Double> number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (value.isNumber()) {
      return Optional.of(value.asDouble());
    }
    if (value.isTextual()) {
      try {
        return Optional.of(Double.parseDouble(value.asText().trim()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  static boolean flag(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    String text = value.asText().trim();
    return text.equals("1") || text.equalsIgnoreCase("true") || text.equalsIgnoreCase("on");
  }

  static Optional<Boolean> optionalFlag(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(flag(node, field));
  }

  static Optional<VmId> vmid(JsonNode node, String field) {
    return integer(node, field)
        .filter(v -> v >= VmId.MIN && v <= VmId.MAX)
        .map(v -> VmId.of(v.intValue()));
  }

  /** A list sent as JSON array or as a string separated by {@code ;}, {@code ,} or spaces. */
  static List<String> list(JsonNode node, String field) {
    JsonNode value = node.get(field);
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> out.add(v.asText()));
      return out;
    }
    for (String part : value.asText().split("[;,\\s]+")) {
      if (!part.isEmpty()) {
        out.add(part);
      }
    }
    return out;
  }

  static List<JsonNode> items(JsonNode data) {
    List<JsonNode> out = new ArrayList<>();
    if (data != null && data.isArray()) {
      data.forEach(out::add);
    }
    return out;
  }
}
