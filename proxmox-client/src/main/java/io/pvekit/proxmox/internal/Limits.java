package io.pvekit.proxmox.internal;

import java.time.Duration;

/**
 * What one call may cost: the largest response body read into memory, the deadline over all
 * attempts, and OkHttp's timeout of one attempt ({@link Duration#ZERO} for none).
 */
public record Limits(long maxResponseBodyBytes, Duration deadline, Duration attemptTimeout) {
  /**
   * The most JSON tokens (values, names, brackets) of one response: one per 16 bytes of the body
   * limit, 4 Mi at the default. PVE's answers carry one token per 8 or more bytes; a body of {@code
   * {},{},...} carries one per 1.5 and would make a Jackson tree some 40 times its size. This keeps
   * the tree of a hostile body to a few times the byte limit.
   */
  public long maxJsonTokens() {
    return Math.max(1 << 16, maxResponseBodyBytes / 16);
  }

  /** Human-readable size: {@code 64 MiB}, {@code 512 KiB}, {@code 1000 bytes}. */
  public static String size(long bytes) {
    if (bytes >= 1 << 20 && bytes % (1 << 20) == 0) {
      return (bytes >> 20) + " MiB";
    }
    if (bytes >= 1 << 10 && bytes % (1 << 10) == 0) {
      return (bytes >> 10) + " KiB";
    }
    return bytes + " bytes";
  }

  /** Human-readable duration: {@code 5 min}, {@code 30 s}, {@code 250 ms}. */
  public static String duration(Duration d) {
    long millis = d.toMillis();
    if (millis >= 60_000 && millis % 60_000 == 0) {
      return (millis / 60_000) + " min";
    }
    if (millis >= 1000 && millis % 1000 == 0) {
      return (millis / 1000) + " s";
    }
    return millis + " ms";
  }
}
