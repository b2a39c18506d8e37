package io.pvekit.testing.internal.cel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.cel.common.values.NullValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a JSON value into the CEL value the API server binds to {@code self}: the schema's type
 * decides (an {@code integer} is an int, a {@code number} a double even when written {@code 3}),
 * objects become maps, and declared property names are escaped as Kubernetes escapes them ({@code
 * x-y} is {@code x__dash__y}).
 */
public final class CelValues {
  private static final Set<String> RESERVED =
      Set.of(
          "true",
          "false",
          "null",
          "in",
          "as",
          "break",
          "const",
          "continue",
          "else",
          "for",
          "function",
          "if",
          "import",
          "let",
          "loop",
          "package",
          "namespace",
          "return",
          "var",
          "void",
          "while");

  private CelValues() {}

  /** A value that has no CEL form, as a date-time string that does not parse. */
  public static final class InvalidValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidValueException(String message) {
      super(message);
    }
  }

  /**
   * The CEL value of {@code value} under {@code schema} (a missing schema means untyped JSON).
   *
   * @throws InvalidValueException when a formatted string inside does not parse
   */
  public static Object of(JsonNode value, JsonNode schema) {
    return of(value, schema, true);
  }

  /**
   * @param strict whether a formatted string that does not parse throws; nested ones stay strings,
   *     so that only a rule on the field itself fails (the API server converts lazily)
   */
  private static Object of(JsonNode value, JsonNode schema, boolean strict) {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return NullValue.NULL_VALUE;
    }
    JsonNode s = schema == null ? MissingNode.getInstance() : schema;
    if (value.isObject()) {
      return object(value, s);
    }
    if (value.isArray()) {
      List<Object> list = new ArrayList<>();
      for (JsonNode item : value) {
        list.add(of(item, s.get("items"), false));
      }
      return list;
    }
    if (value.isBoolean()) {
      return value.booleanValue();
    }
    if (value.isNumber()) {
      String type = s.path("type").asText();
      if ("integer".equals(type) && value.canConvertToExactIntegral()) {
        return value.longValue();
      }
      if ("number".equals(type) || !value.isIntegralNumber()) {
        return value.doubleValue();
      }
      return value.longValue();
    }
    if (s.has("format")) {
      try {
        return FormattedStrings.of(value.asText(), s.get("format").asText());
      } catch (InvalidValueException e) {
        if (strict) {
          throw e;
        }
      }
    }
    return value.asText();
  }

  private static Map<String, Object> object(JsonNode value, JsonNode schema) {
    JsonNode properties = schema.get("properties");
    JsonNode additional = schema.get("additionalProperties");
    Map<String, Object> map = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      if (properties != null && properties.has(name)) {
        map.put(escape(name), of(field.getValue(), properties.get(name), false));
      } else if (additional != null && additional.isObject()) {
        map.put(name, of(field.getValue(), additional, false));
      } else if (properties != null) {
        map.put(escape(name), of(field.getValue(), null, false));
      } else {
        map.put(name, of(field.getValue(), null, false));
      }
    }
    return map;
  }

  /** The name a rule uses for a declared property. */
  public static String escape(String name) {
    if (RESERVED.contains(name)) {
      return "__" + name + "__";
    }
    return name.replace("__", "__underscores__")
        .replace(".", "__dot__")
        .replace("-", "__dash__")
        .replace("/", "__slash__");
  }
}
