package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.internal.liblxc.Libc;
import java.util.Locale;
import java.util.Map;

/** Linux signal names and numbers as runc accepts them, and delivery to a PID. */
public final class Signals {
  public static final int SIGKILL = 9;
  public static final int SIGTERM = 15;

  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("HUP", 1),
          Map.entry("INT", 2),
          Map.entry("QUIT", 3),
          Map.entry("ILL", 4),
          Map.entry("TRAP", 5),
          Map.entry("ABRT", 6),
          Map.entry("IOT", 6),
          Map.entry("BUS", 7),
          Map.entry("FPE", 8),
          Map.entry("KILL", 9),
          Map.entry("USR1", 10),
          Map.entry("SEGV", 11),
          Map.entry("USR2", 12),
          Map.entry("PIPE", 13),
          Map.entry("ALRM", 14),
          Map.entry("TERM", 15),
          Map.entry("STKFLT", 16),
          Map.entry("CHLD", 17),
          Map.entry("CONT", 18),
          Map.entry("STOP", 19),
          Map.entry("TSTP", 20),
          Map.entry("TTIN", 21),
          Map.entry("TTOU", 22),
          Map.entry("URG", 23),
          Map.entry("XCPU", 24),
          Map.entry("XFSZ", 25),
          Map.entry("VTALRM", 26),
          Map.entry("PROF", 27),
          Map.entry("WINCH", 28),
          Map.entry("IO", 29),
          Map.entry("POLL", 29),
          Map.entry("PWR", 30),
          Map.entry("SYS", 31));

  private Signals() {}

  /**
   * Parses "TERM", "SIGTERM", "sigterm", "15" or "RTMIN+3".
   *
   * @throws IllegalArgumentException naming the value when it is not a signal
   */
  public static int parse(String value) {
    String name = value.trim().toUpperCase(Locale.ROOT);
    if (name.startsWith("SIG")) {
      name = name.substring(3);
    }
    try {
      int number = Integer.parseInt(name);
      if (number >= 1 && number <= 64) {
        return number;
      }
    } catch (NumberFormatException e) {
      Integer known = NUMBERS.get(name);
      if (known != null) {
        return known;
      }
      if (name.startsWith("RTMIN") || name.startsWith("RTMAX")) {
        return realtime(name, value);
      }
    }
    throw new IllegalArgumentException("unknown signal " + Json.quote(value));
  }

  private static int realtime(String name, String original) {
    int base = name.startsWith("RTMIN") ? 34 : 64;
    String offset = name.substring(5);
    int number =
        offset.isEmpty()
            ? base
            : offset.startsWith("+") || offset.startsWith("-")
                ? base + Integer.parseInt(offset)
                : -1;
    if (number < 34 || number > 64) {
      throw new IllegalArgumentException("unknown signal " + Json.quote(original));
    }
    return number;
  }

  /**
   * Sends a signal. SIGTERM and SIGKILL go through the JDK (no native library to load); other
   * signals through libc's kill.
   *
   * @return false when the process does not exist
   */
  public static boolean send(long pid, int signal) {
    if (signal == SIGKILL || signal == SIGTERM) {
      var handle = ProcessHandle.of(pid);
      if (handle.isEmpty()) {
        return false;
      }
      return signal == SIGKILL ? handle.get().destroyForcibly() : handle.get().destroy();
    }
    return Libc.get().kill(pid, signal) == 0;
  }
}
