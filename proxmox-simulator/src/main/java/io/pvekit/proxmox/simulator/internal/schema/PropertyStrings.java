package io.pvekit.proxmox.simulator.internal.schema;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses property strings ({@code key=value,...}) the way PVE's {@code JSONSchema.pm} does. */
public final class PropertyStrings {
  /** A property string that does not fit its format; carries PVE's message. */
  public static final class FormatError extends Exception {
    private static final long serialVersionUID = 1L;
    private final SortedMap<String, String> errors;

    FormatError(String message, SortedMap<String, String> errors) {
      super(message);
      this.errors = errors;
    }

    /** The text PVE puts after {@code invalid format - }. */
    public String describe() {
      StringBuilder text = new StringBuilder(getMessage()).append('\n');
      errors.forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
      return text.toString();
    }
  }

  private static final Pattern PAIR = Pattern.compile("([^=]+)=(.+)", Pattern.DOTALL);
  private static final Pattern TRUE = Pattern.compile("(?i)1|on|yes|true");
  private static final Pattern FALSE = Pattern.compile("(?i)0|off|no|false");

  private PropertyStrings() {}

  /**
   * Parses and checks a property string.
   *
   * @param format its keys
   * @param text the wire value
   * @param path the parameter name, used in messages ({@code net0.bridge})
   * @return the values by key, booleans normalised to {@code 1}/{@code 0}
   */
  public static Map<String, String> parse(PropertyFormat format, String text, String path)
      throws FormatError {
    Map<String, String> result = new LinkedHashMap<>();
    String defaultKey = null;
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      Matcher pair = PAIR.matcher(part);
      if (pair.matches()) {
        String key = pair.group(1);
        String value = pair.group(2);
        if (result.containsKey(key)) {
          throw new FormatError("duplicate key in comma-separated list property: " + key, none());
        }
        PropertyFormat.Alias alias = format.aliases().get(key);
        if (alias != null) {
          if (alias.keyAlias() != null) {
            if (result.containsKey(alias.keyAlias())) {
              throw new FormatError(
                  "key alias '" + alias.keyAlias() + "' is already defined", none());
            }
            result.put(alias.keyAlias(), key);
          }
          key = alias.target();
        }
        Param spec = format.keys().get(key);
        if (spec == null) {
          throw new FormatError("invalid key in comma-separated list property: " + key, none());
        }
        if (spec.type().equals("boolean")) {
          value =
              TRUE.matcher(value).matches() ? "1" : FALSE.matcher(value).matches() ? "0" : value;
        }
        result.put(key, value);
      } else if (part.indexOf('=') < 0) {
        if (defaultKey != null) {
          throw new FormatError(
              "duplicate key in comma-separated list property: " + defaultKey, none());
        }
        defaultKey = format.defaultKey();
        if (defaultKey == null) {
          throw new FormatError(
              "value without key, but schema does not define a default key", none());
        }
        if (result.containsKey(defaultKey)) {
          throw new FormatError(
              "duplicate key in comma-separated list property: " + defaultKey, none());
        }
        result.put(defaultKey, part);
      } else {
        throw new FormatError("missing key in comma-separated list property", none());
      }
    }
    SortedMap<String, String> errors = new TreeMap<>();
    for (Param p : format.keys().values()) {
      String value = result.get(p.name());
      String keyPath = path + "." + p.name();
      if (value == null) {
        if (!p.optional()) {
          Validator.add(errors, keyPath, "property is missing and it is not optional");
        }
      } else if (!p.type().equals("any")) {
        Validator.checkValue(p, keyPath, value, errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new FormatError("format error", errors);
    }
    return result;
  }

  /** Parses a value the simulator wrote itself, ignoring problems. */
  public static Map<String, String> parseLenient(PropertyFormat format, String text) {
    try {
      return parse(format, text, "value");
    } catch (FormatError e) {
      Map<String, String> result = new LinkedHashMap<>();
      String defaultKey = format.defaultKey();
      for (String part : text.split(",")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          result.put(part.substring(0, eq), part.substring(eq + 1));
        } else if (!part.isBlank() && defaultKey != null) {
          result.put(defaultKey, part);
        }
      }
      return result;
    }
  }

  /** Writes values back as a property string, the default key bare and first. */
  public static String format(PropertyFormat format, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    String defaultKey = format == null ? null : format.defaultKey();
    if (defaultKey != null && values.containsKey(defaultKey)) {
      out.append(values.get(defaultKey));
    }
    values.forEach(
        (k, v) -> {
          if (!k.equals(defaultKey)) {
            if (out.length() > 0) {
              out.append(',');
            }
            out.append(k).append('=').append(v);
          }
        });
    return out.toString();
  }

  private static SortedMap<String, String> none() {
    return new TreeMap<>();
  }
}
