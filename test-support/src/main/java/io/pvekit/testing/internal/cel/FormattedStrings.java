package io.pvekit.testing.internal.cel;

import dev.cel.common.values.CelByteString;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strings whose schema format gives them another CEL type in Kubernetes: {@code byte} is bytes,
 * {@code duration} a duration, {@code date} and {@code date-time} timestamps. A string that does
 * not parse stays a string (its format error is reported by the schema check).
 */
final class FormattedStrings {
  private static final Pattern GO_DURATION_PART =
      Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
  private static final Map<String, BigDecimal> NANOS_PER_UNIT =
      Map.of(
          "ns", BigDecimal.ONE,
          "us", BigDecimal.valueOf(1_000L),
          "µs", BigDecimal.valueOf(1_000L),
          "μs", BigDecimal.valueOf(1_000L),
          "ms", BigDecimal.valueOf(1_000_000L),
          "s", BigDecimal.valueOf(1_000_000_000L),
          "m", BigDecimal.valueOf(60_000_000_000L),
          "h", BigDecimal.valueOf(3_600_000_000_000L));

  private FormattedStrings() {}

  /**
   * The CEL value of a string of this format.
   *
   * @throws CelValues.InvalidValueException when it does not parse: the API server's conversion
   *     fails too, and every rule reading it reports the error
   */
  static Object of(String value, String format) {
    try {
      return switch (format) {
        case "byte" -> CelByteString.of(Base64.getDecoder().decode(value));
        case "duration" -> goDuration(value);
        case "date" -> LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
        case "date-time", "datetime" -> OffsetDateTime.parse(value).toInstant();
        default -> value;
      };
    } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException e) {
      throw new CelValues.InvalidValueException("invalid " + format + " string: '" + value + "'");
    }
  }

  /** Go's time.ParseDuration syntax: {@code 1h30m}, {@code -1.5s}, {@code 300ms}, {@code 0}. */
  static Duration goDuration(String text) {
    String s = text;
    boolean negative = s.startsWith("-");
    if (negative || s.startsWith("+")) {
      s = s.substring(1);
    }
    if (s.equals("0")) {
      return Duration.ZERO;
    }
    Matcher m = GO_DURATION_PART.matcher(s);
    BigDecimal nanos = BigDecimal.ZERO;
    int at = 0;
    while (at < s.length() && m.find(at) && m.start() == at && !m.group(1).isEmpty()) {
      nanos = nanos.add(new BigDecimal(m.group(1)).multiply(NANOS_PER_UNIT.get(m.group(2))));
      at = m.end();
    }
    if (at != s.length() || s.isEmpty()) {
      throw new IllegalArgumentException("not a duration: " + text);
    }
    // Go truncates fractions of a nanosecond.
    Duration d = Duration.ofNanos(nanos.setScale(0, RoundingMode.DOWN).longValueExact());
    return negative ? d.negated() : d;
  }
}
