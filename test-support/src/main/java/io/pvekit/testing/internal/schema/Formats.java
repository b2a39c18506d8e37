package io.pvekit.testing.internal.schema;

import io.pvekit.testing.internal.cel.Network;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The OpenAPI {@code format}s the API server checks on strings (go-openapi strfmt as Kubernetes
 * registers them). Unknown formats are not checked, as there.
 */
final class Formats {
  private static final Pattern HOSTNAME =
      Pattern.compile(
          "^([a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)(\\.[a-zA-Z0-9]([-a-zA-Z0-9]{0,61}[a-zA-Z0-9])?)*\\.?$");
  private static final Pattern UUID =
      Pattern.compile("^(?i)[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$");
  private static final Pattern MAC =
      Pattern.compile("^(?i)([0-9a-f]{2}[:-]){5}[0-9a-f]{2}$|^(?i)([0-9a-f]{4}\\.){2}[0-9a-f]{4}$");
  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+$");
  private static final Pattern DURATION =
      Pattern.compile("^[-+]?(0|([0-9]*(\\.[0-9]*)?(ns|us|µs|μs|ms|s|m|h))+)$");

  private Formats() {}

  /** Why the string does not have the format, or {@code null} when it does or is not checked. */
  static String checkString(String format, String value) {
    boolean ok =
        switch (format) {
          case "date-time", "datetime" -> isDateTime(value);
          case "date" -> isDate(value);
          case "byte" -> isBase64(value);
          case "uri" -> isUri(value);
          case "hostname" -> value.length() <= 255 && HOSTNAME.matcher(value).matches();
          case "ipv4" -> isIpv4(value);
          case "ipv6" -> value.indexOf(':') >= 0 && Network.isIpv6(value);
          case "cidr" -> Network.isCidr(value);
          case "uuid", "uuid3", "uuid4", "uuid5" -> UUID.matcher(value).matches();
          case "mac" -> MAC.matcher(value).matches();
          case "email" -> EMAIL.matcher(value).matches();
          case "duration" -> DURATION.matcher(value).matches();
          default -> true;
        };
    return ok ? null : "must be of format " + format;
  }

  /** Why an integer is outside its format's range, or {@code null}. */
  static String checkInteger(String format, long value) {
    if ("int32".equals(format) && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
      return "must be of format int32 (between "
          + Integer.MIN_VALUE
          + " and "
          + Integer.MAX_VALUE
          + ")";
    }
    return null;
  }

  private static boolean isDateTime(String value) {
    try {
      OffsetDateTime.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isDate(String value) {
    try {
      LocalDate.parse(value);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  private static boolean isBase64(String value) {
    try {
      Base64.getDecoder().decode(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static boolean isUri(String value) {
    try {
      return new URI(value).isAbsolute() || value.startsWith("/");
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static boolean isIpv4(String value) {
    return Network.isIpv4(value);
  }
}
