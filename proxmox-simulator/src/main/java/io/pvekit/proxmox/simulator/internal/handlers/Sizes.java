package io.pvekit.proxmox.simulator.internal.handlers;

import io.pvekit.proxmox.simulator.internal.state.SimulatorError;

/** PVE's disk size notation ({@code 32G}, {@code 512M}). */
final class Sizes {
  static final long KIB = 1024;
  static final long MIB = KIB * 1024;
  static final long GIB = MIB * 1024;
  static final long TIB = GIB * 1024;

  private Sizes() {}

  /** Parses {@code 10}, {@code 10.5G}, {@code 512M}; bare numbers are bytes. */
  static long parse(String text) {
    if (!text.matches("\\d+(\\.\\d+)?[KMGT]?")) {
      throw new SimulatorError("unable to parse size '" + text + "'");
    }
    char unit = text.charAt(text.length() - 1);
    long factor =
        switch (unit) {
          case 'K' -> KIB;
          case 'M' -> MIB;
          case 'G' -> GIB;
          case 'T' -> TIB;
          default -> 1;
        };
    String number = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
    return (long) (Double.parseDouble(number) * factor);
  }

  /** Formats like PVE's {@code format_size}: the largest unit that divides evenly. */
  static String format(long bytes) {
    if (bytes % KIB != 0) {
      return Long.toString(bytes);
    }
    long kb = bytes / KIB;
    if (kb % 1024 != 0) {
      return kb + "K";
    }
    long mb = kb / 1024;
    if (mb % 1024 != 0) {
      return mb + "M";
    }
    long gb = mb / 1024;
    if (gb % 1024 != 0) {
      return gb + "G";
    }
    return gb / 1024 + "T";
  }
}
