package io.pvekit.runtime.internal;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/** Kubernetes quantities as longs (millicores, bytes), and back to short text for messages. */
public final class Quantities {
  private static final Pattern QUANTITY =
      Pattern.compile("^[0-9]+(\\.[0-9]+)?(m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$");
  private static final long KI = 1024;
  private static final long MI = KI * 1024;
  private static final long GI = MI * 1024;
  private static final long TI = GI * 1024;

  private Quantities() {}

  /** Parses a CPU quantity ({@code 2}, {@code 500m}) into millicores. */
  public static long cpuMillis(String field, String value) {
    return parse(field, value)
        .multiply(BigDecimal.valueOf(1000))
        .setScale(0, RoundingMode.CEILING)
        .longValueExact();
  }

  /** Parses a byte quantity ({@code 4Gi}, {@code 100G}) into bytes. */
  public static long bytes(String field, String value) {
    return parse(field, value).setScale(0, RoundingMode.CEILING).longValueExact();
  }

  /** Like {@link #cpuMillis} but for fabric8 quantities; null counts as 0. */
  public static long cpuMillis(Quantity q) {
    return q == null ? 0 : cpuMillis("cpu", q.toString());
  }

  /** Like {@link #bytes} but for fabric8 quantities; null counts as 0. */
  public static long bytes(Quantity q) {
    return q == null ? 0 : bytes("memory", q.toString());
  }

  private static BigDecimal parse(String field, String value) {
    if (value == null || value.length() > 40 || !QUANTITY.matcher(value.trim()).matches()) {
      throw new IllegalArgumentException(
          field + ": '" + value + "' is not a Kubernetes quantity (e.g. 2, 500m, 4Gi)");
    }
    try {
      BigDecimal amount = Quantity.getAmountInBytes(new Quantity(value.trim()));
      if (amount.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 1000)) > 0) {
        throw new IllegalArgumentException(field + ": '" + value + "' is too large");
      }
      return amount;
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException(field + ": '" + value + "' is not a quantity", e);
    }
  }

  /** {@code 2250m} or {@code 2}. */
  public static String formatCpu(long millis) {
    return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
  }

  /** The largest binary unit that divides the value exactly, else Mi with a fraction. */
  public static String formatBytes(long bytes) {
    if (bytes == 0) {
      return "0";
    }
    if (bytes != 0 && bytes % TI == 0) {
      return bytes / TI + "Ti";
    }
    if (bytes != 0 && bytes % GI == 0) {
      return bytes / GI + "Gi";
    }
    if (bytes != 0 && bytes % MI == 0) {
      return bytes / MI + "Mi";
    }
    if (bytes % KI == 0) {
      return bytes / KI + "Ki";
    }
    return Long.toString(bytes);
  }
}
