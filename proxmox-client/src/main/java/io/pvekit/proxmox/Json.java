package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ResponseShapeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Lenient reading of PVE's JSON: numbers may arrive as numeric strings (LXC {@code vmid} in 7.x,
 * {@code /cluster/nextid}), booleans as 0/1, lists as {@code ;}- or {@code ,}-separated strings.
 * Counters stay 64-bit. The tree decoders ({@link Decode}) and the streaming ones ({@link
 * JsonTokens}) share the value-level rules here, so both read a body the same way.
 */
final class Json {
  private static final Pattern LIST_SEPARATOR = Pattern.compile("[;,\\s]+");

  private Json() {}

  static Optional<String> text(JsonNode node, String field) {
    return Optional.ofNullable(text(node.get(field)));
  }

  /** A scalar's text, or null for a missing, null or container value. */
  static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    return value.asText();
  }

  static String requiredText(JsonNode node, String field, String what) {
    String text = text(node.get(field));
    if (text == null) {
      throw lacks(what, field, node);
    }
    return text;
  }

  static IllegalArgumentException lacks(String what, String field, JsonNode node) {
    return ResponseShapeException.field(
        field,
        what + ": the response lacks '" + field + "': " + ResponseShapeException.excerpt(node),
        null);
  }

  /**
   * A required text field turned into a value by {@code parse}; a value it refuses is reported at
   * the field's JSON path.
   */
  static <T> T required(
      JsonNode node, String field, String what, java.util.function.Function<String, T> parse) {
    String text = requiredText(node, field, what);
    try {
      return parse.apply(text);
    } catch (IllegalArgumentException e) {
      throw ResponseShapeException.field(field, what + ": " + e.getMessage(), e);
    }
  }

  static Optional<Long> integer(JsonNode node, String field) {
    return Optional.ofNullable(integer(node.get(field)));
  }

  /** A number, or a numeric string (a fraction is cut off); null for anything else. */
  static Long integer(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.asLong();
    }
    return value.isTextual() ? integer(value.asText()) : null;
  }

  static Long integer(String text) {
    String trimmed = text.trim();
    try {
      return Long.parseLong(trimmed);
    } catch (NumberFormatException e) {
      try {
        return (long) Double.parseDouble(trimmed);
      } catch (NumberFormatException notANumber) {
        return null;
      }
    }
  }

  static Optional<Double> number(JsonNode node, String field) {
    return Optional.ofNullable(number(node.get(field)));
  }

  static Double number(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    return value.isTextual() ? number(value.asText()) : null;
  }

  static Double number(String text) {
    try {
      return Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  static boolean flag(JsonNode node, String field) {
    return flag(node.get(field));
  }

  static boolean flag(JsonNode value) {
    if (value == null || value.isNull()) {
      return false;
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    return flag(value.asText());
  }

  static boolean flag(String text) {
    String trimmed = text.trim();
    return trimmed.equals("1")
        || trimmed.equalsIgnoreCase("true")
        || trimmed.equalsIgnoreCase("on");
  }

  static Optional<Boolean> optionalFlag(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(flag(value));
  }

  static Optional<VmId> vmid(JsonNode node, String field) {
    return Optional.ofNullable(vmid(integer(node.get(field))));
  }

  /** The id when it is in PVE's range, else null (a stray value is not an error here). */
  static VmId vmid(Long value) {
    return value == null ? null : vmid(value.longValue());
  }

  static VmId vmid(long value) {
    return value >= VmId.MIN && value <= VmId.MAX ? VmId.of((int) value) : null;
  }

  /** A list sent as JSON array or as a string separated by {@code ;}, {@code ,} or spaces. */
  static List<String> list(JsonNode node, String field) {
    return list(node.get(field));
  }

  static List<String> list(JsonNode value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isNull()) {
      return out;
    }
    if (value.isArray()) {
      value.forEach(v -> out.add(v.asText()));
      return out;
    }
    return list(value.asText());
  }

  static List<String> list(String text) {
    List<String> out = new ArrayList<>();
    for (String part : LIST_SEPARATOR.split(text)) {
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
