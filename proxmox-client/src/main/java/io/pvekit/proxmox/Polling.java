package io.pvekit.proxmox;

import java.time.Duration;

/** The backoff of the client's waits: 100 ms doubling to 2 s, never past the deadline. */
final class Polling {
  private final long deadline;
  private long wait = 100;

  private Polling(Duration timeout) {
    this.deadline = System.nanoTime() + timeout.toNanos();
  }

  static Polling within(Duration timeout) {
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout: " + timeout + " is negative");
    }
    return new Polling(timeout);
  }

  /** Sleeps before the next attempt; false when the deadline has passed. */
  boolean pause() {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    try {
      Thread.sleep(Math.min(wait, Math.max(1, left / 1_000_000)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting", e);
    }
    wait = Math.min(wait * 2, 2000);
    return true;
  }
}
