package io.pvekit.proxmox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The format of a property-string parameter the client has no type for, from the schema's facts
 * (keys with type, enum, range, pattern, default key, aliases, optional). Checks options and
 * encodes them as {@code key=value,...}.
 */
final class PvePropertyFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, JsonNode> keys = new LinkedHashMap<>();
  private final Map<String, String> aliases = new LinkedHashMap<>();
  private String defaultKey;

  private PvePropertyFormat(JsonNode format) {
    format
        .properties()
        .forEach(
            e -> {
              JsonNode key = e.getValue();
              if (key.has("alias")) {
                aliases.put(e.getKey(), key.get("alias").asText());
              } else {
                keys.put(e.getKey(), key);
              }
              if (key.path("default_key").asInt(0) == 1) {
                defaultKey = e.getKey();
              }
            });
  }

  /** The format from the JSON facts the generator embeds. */
  static PvePropertyFormat parse(String json) {
    try {
      return new PvePropertyFormat(JSON.readTree(json));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("generated property-string format is not JSON", e);
    }
  }

  /** Checks the options and writes them in their order as {@code key=value,...}. */
  String encode(String where, Map<String, String> options) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, String> option : options.entrySet()) {
      check(where, option.getKey(), option.getValue());
      if (out.length() > 0) {
        out.append(',');
      }
      out.append(option.getKey()).append('=').append(option.getValue());
    }
    checkRequired(where, options.keySet()::contains);
    return out.toString();
  }

  /** Checks a parsed property string: a bare value is the default key's. */
  void check(String where, PropertyString value) {
    for (PropertyString.Entry entry : value.entries()) {
      if (entry.bare()) {
        if (defaultKey == null) {
          throw new IllegalArgumentException(
              where + ": '" + entry.value() + "' has no key and the format has no default key");
        }
        check(where, defaultKey, entry.value());
      } else {
        check(where, entry.key(), entry.value());
      }
    }
    checkRequired(
        where,
        k ->
            value.has(k)
                || k.equals(defaultKey)
                    && value.entries().stream().anyMatch(PropertyString.Entry::bare));
  }

  private void checkRequired(String where, java.util.function.Predicate<String> present) {
    keys.forEach(
        (name, key) -> {
          boolean required = key.path("optional").asInt(0) == 0;
          boolean viaAlias =
              aliases.entrySet().stream()
                  .anyMatch(a -> a.getValue().equals(name) && present.test(a.getKey()));
          if (required && !present.test(name) && !viaAlias) {
            throw new IllegalArgumentException(where + ": the key '" + name + "' is required");
          }
        });
  }

  private void check(String where, String key, String value) {
    String canonical = aliases.getOrDefault(key, key);
    JsonNode spec = keys.get(canonical);
    if (spec == null) {
      throw new IllegalArgumentException(
          where + ": unknown key '" + key + "'; the schema has " + keys.keySet());
    }
    if (value == null) {
      throw new IllegalArgumentException(where + ": " + key + " has no value");
    }
    String problem = problem(spec, value);
    if (problem != null) {
      String shown = key.matches("(?i).*(password|secret).*") ? "(hidden)" : "'" + value + "'";
      throw new IllegalArgumentException(where + ": " + key + "=" + shown + " " + problem);
    }
  }

  private static String problem(JsonNode spec, String value) {
    switch (spec.path("type").asText("string")) {
      case "boolean":
        return value.matches("(?i)0|1|on|off|yes|no|true|false") ? null : "is not a boolean";
      case "integer":
        try {
          return outOfRange(spec, Long.parseLong(value));
        } catch (NumberFormatException e) {
          return "is not an integer";
        }
      case "number":
        try {
          return outOfRange(spec, Double.parseDouble(value));
        } catch (NumberFormatException e) {
          return "is not a number";
        }
      default:
        break;
    }
    if (spec.path("enum").size() > 0) {
      for (JsonNode allowed : spec.get("enum")) {
        if (allowed.asText().equals(value)) {
          return null;
        }
      }
      return "is not one of " + spec.get("enum");
    }
    if (spec.has("maxLength") && value.length() > spec.get("maxLength").asInt()) {
      return "is longer than " + spec.get("maxLength").asInt() + " characters";
    }
    if (spec.has("pattern")) {
      try {
        if (!Pattern.compile(spec.get("pattern").asText()).matcher(value).matches()) {
          return "does not match the schema's pattern " + spec.get("pattern").asText();
        }
      } catch (PatternSyntaxException notJava) {
        return null; // a Perl-only pattern: the server checks it
      }
    }
    return null;
  }

  private static String outOfRange(JsonNode spec, double v) {
    if (spec.has("minimum") && v < spec.get("minimum").asDouble()
        || spec.has("maximum") && v > spec.get("maximum").asDouble()) {
      return "is out of range "
          + spec.path("minimum").asText("")
          + ".."
          + spec.path("maximum").asText("");
    }
    return null;
  }
}
