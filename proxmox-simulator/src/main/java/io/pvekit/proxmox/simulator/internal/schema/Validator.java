package io.pvekit.proxmox.simulator.internal.schema;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Checks request parameters against an endpoint's table the way PVE's {@code JSONSchema.pm} does,
 * in its order and with its messages.
 */
public final class Validator {
  /**
   * The highest index of each indexed parameter ({@code net[n]} is {@code net0} to {@code net31}).
   */
  private static final Map<String, Integer> MAX_INDEX =
      Map.ofEntries(
          Map.entry("net", 31),
          Map.entry("scsi", 30),
          Map.entry("virtio", 15),
          Map.entry("ide", 3),
          Map.entry("sata", 5),
          Map.entry("unused", 255),
          Map.entry("ipconfig", 31),
          Map.entry("hostpci", 15),
          Map.entry("usb", 13),
          Map.entry("serial", 3),
          Map.entry("parallel", 2),
          Map.entry("numa", 7),
          Map.entry("virtiofs", 9),
          Map.entry("mp", 255),
          Map.entry("dev", 255));

  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern NUMBER =
      Pattern.compile("[+-]?(\\d+\\.\\d+|\\d+\\.|\\.\\d+|\\d+)([eE][+-]?\\d+)?");
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private Validator() {}

  /**
   * Validates request parameters.
   *
   * @param schema the endpoint's parameters
   * @param values the request's values: a {@code String}, or a {@code List} when one was sent twice
   * @return the errors by parameter name, empty when the request is valid
   */
  public static SortedMap<String, String> validate(
      Map<String, Param> schema, Map<String, Object> values) {
    SortedMap<String, String> errors = new TreeMap<>();
    for (Param p : schema.values()) {
      if (p.indexed()) {
        for (Map.Entry<String, Object> e : values.entrySet()) {
          if (matchesIndexed(p, e.getKey())) {
            checkValue(p, e.getKey(), e.getValue(), errors);
          }
        }
      } else {
        Object value = values.get(p.name());
        if (value == null) {
          if (!p.optional()) {
            add(errors, p.name(), "property is missing and it is not optional");
          }
        } else {
          checkValue(p, p.name(), value, errors);
        }
      }
    }
    for (Map.Entry<String, Object> e : values.entrySet()) {
      Param p = lookup(schema, e.getKey());
      if (p == null) {
        add(
            errors,
            e.getKey(),
            "property is not defined in schema and the schema does not allow additional"
                + " properties");
      } else if (p.requires() != null && !values.containsKey(p.requires())) {
        add(errors, p.requires(), "missing property - '" + e.getKey() + "' requires this property");
      }
    }
    return errors;
  }

  /** The table entry for a wire name ({@code net3} finds {@code net[n]}), or null. */
  public static Param lookup(Map<String, Param> schema, String wireName) {
    Param direct = schema.get(wireName);
    if (direct != null && !direct.indexed()) {
      return direct;
    }
    int i = wireName.length();
    while (i > 0 && Character.isDigit(wireName.charAt(i - 1))) {
      i--;
    }
    if (i == wireName.length() || i == 0) {
      return null;
    }
    Param p = schema.get(wireName.substring(0, i) + "[n]");
    return p != null && matchesIndexed(p, wireName) ? p : null;
  }

  private static boolean matchesIndexed(Param p, String wireName) {
    String base = p.base();
    if (!wireName.startsWith(base) || wireName.length() == base.length()) {
      return false;
    }
    String index = wireName.substring(base.length());
    if (!index.chars().allMatch(Character::isDigit) || index.length() > 4) {
      return false;
    }
    if (index.length() > 1 && index.startsWith("0")) {
      return false;
    }
    return Integer.parseInt(index) <= MAX_INDEX.getOrDefault(base, 255);
  }

  static void checkValue(Param p, String path, Object raw, Map<String, String> errors) {
    if (p.type().equals("array")) {
      // a form sends a list as the parameter repeated, or once for a single element
      return;
    }
    if (raw instanceof List<?>) {
      add(errors, path, "type check ('" + p.type() + "') failed - got ARRAY");
      return;
    }
    String value = raw.toString();
    String typeError = typeError(p.type(), value);
    if (typeError != null) {
      add(errors, path, typeError);
      return;
    }
    if (p.format() != null) {
      String formatError = Formats.check(p.format(), value);
      if (formatError != null) {
        add(errors, path, "invalid format - " + formatError);
        return;
      }
    }
    if (p.subFormat() != null) {
      try {
        PropertyStrings.parse(p.subFormat(), value, path);
      } catch (PropertyStrings.FormatError e) {
        add(errors, path, "invalid format - " + e.describe());
        return;
      }
    }
    if (p.pattern() != null) {
      Pattern pattern = compile(p.pattern());
      if (pattern != null && !pattern.matcher(value).matches()) {
        add(errors, path, "value does not match the regex pattern");
        return;
      }
    }
    if (p.maxLength() != null && value.length() > p.maxLength()) {
      add(errors, path, "value may only be " + p.maxLength() + " characters long");
      return;
    }
    if (NUMBER.matcher(value).matches()) {
      double number = Double.parseDouble(value);
      if (p.maximum() != null && number > p.maximum()) {
        add(errors, path, "value must have a maximum value of " + plain(p.maximum()));
        return;
      }
      if (p.minimum() != null && number < p.minimum()) {
        add(errors, path, "value must have a minimum value of " + plain(p.minimum()));
        return;
      }
    }
    if (!p.enumValues().isEmpty() && !p.enumValues().contains(value)) {
      add(
          errors,
          path,
          "value '"
              + value
              + "' does not have a value in the enumeration '"
              + String.join(", ", p.enumValues())
              + "'");
    }
  }

  static String typeError(String type, String value) {
    boolean ok =
        switch (type) {
          case "boolean" -> value.equals("1") || value.equals("0");
          case "integer" -> INTEGER.matcher(value).matches();
          case "number" -> NUMBER.matcher(value).matches();
          default -> true;
        };
    return ok ? null : "type check ('" + type + "') failed - got '" + value + "'";
  }

  private static Pattern compile(String perlPattern) {
    return PATTERNS.computeIfAbsent(
        perlPattern,
        p -> {
          String java = p.replace("(?^:", "(?:").replace("\\0", "\\x00");
          try {
            return Pattern.compile(java);
          } catch (PatternSyntaxException e) {
            return Pattern.compile(".*", Pattern.DOTALL);
          }
        });
  }

  private static String plain(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  static void add(Map<String, String> errors, String path, String message) {
    errors.merge(path, message, (a, b) -> a + "\\n" + b);
  }
}
