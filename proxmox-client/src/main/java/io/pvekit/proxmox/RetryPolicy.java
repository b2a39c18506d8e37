package io.pvekit.proxmox;

import java.time.Duration;
import java.util.Objects;

/**
 * How often idempotent reads ({@code GET}) are tried when the connection fails or the server
 * answers 502, 503, 595 or 596 (pveproxy's hop to another node failed). Writes are never retried: a
 * write without a response may have been carried out. The wait doubles from {@code initialBackoff}
 * up to {@code maxBackoff}, with jitter.
 *
 * @param maxAttempts attempts in total, at least 1 (1 = no retry)
 * @param initialBackoff wait before the second attempt
 * @param maxBackoff the longest wait
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /**
   * Checks the values.
   *
   * @throws IllegalArgumentException naming the field when a value is out of range
   */
  public RetryPolicy {
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " must be at least 1");
    }
    if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "backoff: initial " + initialBackoff + " must be >= 0 and <= max " + maxBackoff);
    }
  }

  /**
   * 3 attempts, 200 ms then 400 ms (up to 2 s).
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(3, Duration.ofMillis(200), Duration.ofSeconds(2));
  }

  /**
   * One attempt only.
   *
   * @return a policy that never retries
   */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
  }
}
