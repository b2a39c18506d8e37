package io.pvekit.proxmox;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The client-side checks of the generated setters: what the schema declares about a parameter
 * (range, length, pattern, enum, property-string keys). A refused value throws an {@link
 * IllegalArgumentException} naming the endpoint, the parameter and the value (masked for passwords
 * and secrets).
 */
final class PveChecks {
  private static final Pattern SENSITIVE =
      Pattern.compile("(?i).*(password|secret|passphrase|token).*");

  private PveChecks() {}

  /** Appends a placeholder value to the path values of a resource. */
  static String[] path(String[] path, Object value) {
    String[] out = Arrays.copyOf(path, path.length + 1);
    out[path.length] = String.valueOf(value);
    return out;
  }

  static long range(Object where, String name, long value, long min, long max) {
    if (value < min || value > max) {
      throw refused(where, name, value, "is out of range " + bounds(min, max));
    }
    return value;
  }

  static double range(Object where, String name, double value, double min, double max) {
    if (Double.isNaN(value) || value < min || value > max) {
      throw refused(where, name, value, "is out of range " + min + ".." + max);
    }
    return value;
  }

  static String text(
      Object where, String name, String value, int minLength, int maxLength, Pattern pattern) {
    if (value == null) {
      throw new IllegalArgumentException(where + ": " + name + " must not be null");
    }
    if (value.length() < minLength) {
      throw refused(where, name, value, "is shorter than " + minLength + " characters");
    }
    if (maxLength >= 0 && value.length() > maxLength) {
      throw refused(where, name, value, "is longer than " + maxLength + " characters");
    }
    if (pattern != null && !pattern.matcher(value).matches()) {
      throw refused(where, name, value, "does not match the schema's pattern " + pattern);
    }
    return value;
  }

  static String index(Object where, String name, int index) {
    if (index < 0) {
      throw refused(where, name, index, "needs an index of 0 or more");
    }
    return Integer.toString(index);
  }

  static List<String> texts(Object where, String name, List<String> values, Set<String> allowed) {
    Objects.requireNonNull(values, name);
    for (String v : values) {
      if (v == null || allowed != null && !allowed.contains(v)) {
        throw refused(where, name, v, "is not one of " + allowed);
      }
    }
    return List.copyOf(values);
  }

  static List<Long> integers(Object where, String name, List<Long> values, long min, long max) {
    Objects.requireNonNull(values, name);
    for (Long v : values) {
      if (v == null) {
        throw new IllegalArgumentException(where + ": " + name + " must not contain null");
      }
      range(where, name, v, min, max);
    }
    return List.copyOf(values);
  }

  static String propertyString(
      Object where, String name, Map<String, String> options, PvePropertyFormat format) {
    Objects.requireNonNull(options, name);
    return format.encode(where + ": " + name, options);
  }

  static String propertyString(
      Object where, String name, PropertyString value, PvePropertyFormat format) {
    Objects.requireNonNull(value, name);
    format.check(where + ": " + name, value);
    return value.format();
  }

  static void required(Object where, Map<String, Object> params, String... names) {
    for (String name : names) {
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException(
            where + ": the required parameter '" + name + "' is not set");
      }
    }
  }

  private static IllegalArgumentException refused(
      Object where, String name, Object value, String problem) {
    String shown = SENSITIVE.matcher(name).matches() ? "(hidden)" : "'" + value + "'";
    return new IllegalArgumentException(where + ": " + name + "=" + shown + " " + problem);
  }

  private static String bounds(long min, long max) {
    return (min == Long.MIN_VALUE ? "" : Long.toString(min))
        + ".."
        + (max == Long.MAX_VALUE ? "" : Long.toString(max));
  }
}
