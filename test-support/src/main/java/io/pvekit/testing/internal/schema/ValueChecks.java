package io.pvekit.testing.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The scalar value validations of one schema node: enum, string length, pattern and format, numeric
 * bounds. Messages follow the API server's wording ({@code Unsupported value}, {@code Too
 * long}...).
 */
final class ValueChecks {
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private ValueChecks() {}

  static void check(JsonNode value, JsonNode schema, String at, List<String> errors) {
    JsonNode enumValues = schema.get("enum");
    if (enumValues != null && enumValues.isArray()) {
      boolean found = false;
      for (JsonNode allowed : enumValues) {
        found |= Json.sameValue(allowed, value);
      }
      if (!found) {
        errors.add(at + ": Unsupported value: " + value + ": supported values: " + enumValues);
      }
    }
    if (value.isTextual()) {
      checkString(value.asText(), schema, at, errors);
    } else if (value.isNumber()) {
      checkNumber(value, schema, at, errors);
    }
  }

  private static void checkString(String text, JsonNode schema, String at, List<String> errors) {
    int length = text.codePointCount(0, text.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asLong()) {
      errors.add(
          at
              + ": Too long: may not be more than "
              + schema.get("maxLength").asLong()
              + " characters, got "
              + length);
    }
    if (schema.has("minLength") && length < schema.get("minLength").asLong()) {
      errors.add(
          at
              + ": Invalid value: \""
              + text
              + "\": should be at least "
              + schema.get("minLength").asLong()
              + " chars long");
    }
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asText();
      Pattern pattern = compile(regex);
      if (pattern == null) {
        errors.add(at + ": pattern not supported by java.util.regex: " + regex);
      } else if (!pattern.matcher(text).find()) {
        errors.add(at + ": Invalid value: \"" + text + "\": should match '" + regex + "'");
      }
    }
    if (schema.has("format")) {
      String problem = Formats.checkString(schema.get("format").asText(), text);
      if (problem != null) {
        errors.add(at + ": Invalid value: \"" + text + "\": " + problem);
      }
    }
  }

  private static void checkNumber(JsonNode value, JsonNode schema, String at, List<String> errors) {
    BigDecimal number = value.decimalValue();
    if (schema.has("minimum")) {
      BigDecimal min = schema.get("minimum").decimalValue();
      boolean exclusive = schema.path("exclusiveMinimum").asBoolean(false);
      int c = number.compareTo(min);
      if (c < 0 || (exclusive && c == 0)) {
        errors.add(
            at
                + ": Invalid value: "
                + value
                + ": should be greater than "
                + (exclusive ? "" : "or equal to ")
                + schema.get("minimum"));
      }
    }
    if (schema.has("maximum")) {
      BigDecimal max = schema.get("maximum").decimalValue();
      boolean exclusive = schema.path("exclusiveMaximum").asBoolean(false);
      int c = number.compareTo(max);
      if (c > 0 || (exclusive && c == 0)) {
        errors.add(
            at
                + ": Invalid value: "
                + value
                + ": should be less than "
                + (exclusive ? "" : "or equal to ")
                + schema.get("maximum"));
      }
    }
    if (schema.has("multipleOf")) {
      BigDecimal factor = schema.get("multipleOf").decimalValue();
      if (factor.signum() != 0 && number.remainder(factor).signum() != 0) {
        errors.add(at + ": Invalid value: " + value + ": should be a multiple of " + factor);
      }
    }
    if ("integer".equals(schema.path("type").asText()) && !value.canConvertToLong()) {
      errors.add(at + ": Invalid value: " + value + ": must fit a 64-bit integer");
    } else if (value.canConvertToLong() && schema.has("format")) {
      String problem = Formats.checkInteger(schema.get("format").asText(), value.longValue());
      if (problem != null) {
        errors.add(at + ": Invalid value: " + value + ": " + problem);
      }
    }
  }

  /**
   * The pattern as java.util.regex reads it. OpenAPI patterns are ECMA-262; the constructs the
   * upstream CRDs use read the same in Java. Unanchored, as {@code find()} is used.
   */
  private static Pattern compile(String regex) {
    return PATTERNS.computeIfAbsent(
        regex,
        r -> {
          try {
            return Pattern.compile(r);
          } catch (PatternSyntaxException e) {
            return null;
          }
        });
  }
}
