package io.pvekit.proxmox.simulator.internal.state;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The simulator's notion of now: a clock plus an offset tests can move forward. */
public final class SimClock {
  private final Clock clock;
  private final AtomicLong offsetMillis = new AtomicLong();

  /** Wraps a clock. */
  public SimClock(Clock clock) {
    this.clock = clock;
  }

  /** Now. */
  public Instant now() {
    return clock.instant().plusMillis(offsetMillis.get());
  }

  /** Now in unix seconds. */
  public long epochSecond() {
    return now().getEpochSecond();
  }

  /** Moves time forward, for example past a ticket's lifetime. */
  public void advance(Duration duration) {
    offsetMillis.addAndGet(duration.toMillis());
  }
}
