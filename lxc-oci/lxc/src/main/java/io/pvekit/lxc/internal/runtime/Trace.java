package io.pvekit.lxc.internal.runtime;

/**
 * Phase timings for the benchmark's "where the time goes": with {@code -Dproxmox.lxcri.trace=true}
 * each mark prints the milliseconds since the JVM started and since the previous mark to stderr.
 */
public final class Trace {
  private static final boolean ON = Boolean.getBoolean("proxmox.lxcri.trace");
  private static long last = -1;

  private Trace() {}

  private static long jvmStart = -1;

  public static void mark(String phase) {
    if (!ON) {
      return;
    }
    long now = System.nanoTime() / 1_000_000;
    if (jvmStart < 0) {
      // read once: ProcessHandle.info() reads several /proc files
      long wall = System.currentTimeMillis();
      long started =
          ProcessHandle.current().info().startInstant().map(i -> i.toEpochMilli()).orElse(wall);
      jvmStart = now - (wall - started);
      now = System.nanoTime() / 1_000_000;
    }
    long since = last < 0 ? now - jvmStart : now - last;
    last = now;
    System.err.printf("trace %6d ms  +%5d ms  %s%n", now - jvmStart, since, phase);
  }
}
