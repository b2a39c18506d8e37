package io.pvekit.proxmox;

import java.time.Instant;
import java.util.Map;
import org.immutables.value.Value;

/** One sample of {@code .../rrddata}: its time and every metric PVE sent ({@code cpu}, ...). */
@Value.Immutable
public interface RrdPoint {
  Instant time();

  /**
   * Metric name to value, e.g. {@code cpu}, {@code memused}, {@code netin}; absent when unknown.
   */
  Map<String, Double> values();

  /** The time frames of {@code rrddata}. */
  enum Timeframe {
    /** The last hour, one sample a minute. */
    HOUR,
    /** The last day. */
    DAY,
    /** The last week. */
    WEEK,
    /** The last month. */
    MONTH,
    /** The last year. */
    YEAR,
    /** The last ten years (PVE 9, nodes only). */
    DECADE;

    String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** How samples are consolidated. */
  enum Consolidation {
    /** The average over each step. */
    AVERAGE,
    /** The maximum over each step. */
    MAX
  }
}
