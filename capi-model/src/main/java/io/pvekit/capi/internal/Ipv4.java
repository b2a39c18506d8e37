package io.pvekit.capi.internal;

import java.util.Optional;
import java.util.regex.Pattern;

/** IPv4 arithmetic on addresses held as {@code long}s (unsigned 32-bit values). */
public final class Ipv4 {
  private static final Pattern DOTTED =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");

  private Ipv4() {}

  /**
   * Parses a dotted-quad address.
   *
   * @param text for example {@code 10.0.0.1}
   * @return the address, empty when the text is not one
   */
  public static Optional<Long> parse(String text) {
    if (text == null || !DOTTED.matcher(text).matches()) {
      return Optional.empty();
    }
    long v = 0;
    for (String part : text.split("\\.")) {
      v = (v << 8) | Integer.parseInt(part);
    }
    return Optional.of(v);
  }

  /**
   * Formats an address.
   *
   * @param address the address
   * @return the dotted quad
   */
  public static String format(long address) {
    return ((address >> 24) & 255)
        + "."
        + ((address >> 16) & 255)
        + "."
        + ((address >> 8) & 255)
        + "."
        + (address & 255);
  }

  /**
   * Parses a range as CAPMOX and the in-cluster IPAM provider accept it: {@code a.b.c.d-a.b.c.e},
   * {@code a.b.c.d/n} or a single address.
   *
   * @param text the range
   * @return the range, empty when the text is none of these or the end is before the start
   */
  public static Optional<Range> parseRange(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.trim();
    int dash = t.indexOf('-');
    if (dash > 0) {
      Optional<Long> a = parse(t.substring(0, dash).trim());
      Optional<Long> b = parse(t.substring(dash + 1).trim());
      if (a.isEmpty() || b.isEmpty() || b.get() < a.get()) {
        return Optional.empty();
      }
      return Optional.of(new Range(a.get(), b.get()));
    }
    if (t.indexOf('/') > 0) {
      return parseCidr(t);
    }
    return parse(t).map(a -> new Range(a, a));
  }

  /**
   * Parses a CIDR block; the address must be the network address.
   *
   * @param text for example {@code 10.244.0.0/16}
   * @return the block as a range, empty when malformed or host bits are set
   */
  public static Optional<Range> parseCidr(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int slash = text.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    Optional<Long> a = parse(text.substring(0, slash));
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (a.isEmpty() || prefix < 0 || prefix > 32) {
      return Optional.empty();
    }
    Range net = network(a.get(), prefix);
    return net.start() == a.get() ? Optional.of(net) : Optional.empty();
  }

  /**
   * The network an address belongs to.
   *
   * @param address the address
   * @param prefix the prefix length, 0-32
   * @return all addresses of the network
   */
  public static Range network(long address, int prefix) {
    long size = 1L << (32 - prefix);
    long start = address & ~(size - 1) & 0xFFFFFFFFL;
    return new Range(start, start + size - 1);
  }

  /**
   * An inclusive range of addresses.
   *
   * @param start the first address
   * @param end the last address
   */
  public record Range(long start, long end) {
    /**
     * Whether the range holds an address.
     *
     * @param address the address
     * @return true when inside
     */
    public boolean contains(long address) {
      return address >= start && address <= end;
    }

    /**
     * Whether the range holds all of another.
     *
     * @param other the other range
     * @return true when inside
     */
    public boolean contains(Range other) {
      return other.start >= start && other.end <= end;
    }

    /**
     * Whether two ranges share an address.
     *
     * @param other the other range
     * @return true when they overlap
     */
    public boolean overlaps(Range other) {
      return start <= other.end && other.start <= end;
    }

    /**
     * The number of addresses.
     *
     * @return end - start + 1
     */
    public long size() {
      return end - start + 1;
    }

    @Override
    public String toString() {
      return format(start) + "-" + format(end);
    }
  }
}
