package io.pvekit.lxc.internal.runtime;

/**
 * Phase timings for the benchmark's "where the time goes": with {@code -Dproxmox.lxcri.trace=true}
 * each mark prints the milliseconds since the JVM started and since the previous mark to stderr.
 */
public final class Trace {
  private static final boolean ON = Boolean.getBoolean("proxmox.lxcri.trace");
  private static long last = -1;

  private Trace() {}

  public static void mark(String phase) {
    if (!ON) {
      return;
    }
    long now = System.currentTimeMillis();
    long jvmStart =
        ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(now);
    long since = last < 0 ? now - jvmStart : now - last;
    last = now;
    System.err.printf("trace %6d ms  +%5d ms  %s%n", now - jvmStart, since, phase);
  }
}
