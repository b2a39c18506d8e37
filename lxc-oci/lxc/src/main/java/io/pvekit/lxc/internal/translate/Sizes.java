package io.pvekit.lxc.internal.translate;

/** Sizes as mount options write them ({@code 65536k}, {@code 64m}, {@code 1g}). */
final class Sizes {
  private Sizes() {}

  static long parseBytes(String size) {
    String s = size.trim().toLowerCase();
    long factor = 1;
    char unit = s.isEmpty() ? ' ' : s.charAt(s.length() - 1);
    if (unit == 'k' || unit == 'm' || unit == 'g') {
      factor = unit == 'k' ? 1024L : unit == 'm' ? 1024L * 1024 : 1024L * 1024 * 1024;
      s = s.substring(0, s.length() - 1);
    }
    try {
      return Long.parseLong(s) * factor;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a size: \"" + size + "\"", e);
    }
  }
}
