package io.pvekit.proxmox;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A disk size as Proxmox writes it ({@code disk-size}): a number with an optional binary unit
 * {@code K}, {@code M}, {@code G} or {@code T}, for example {@code 32G}; no unit means bytes. Keeps
 * the text it was parsed from.
 */
public final class DiskSize implements Comparable<DiskSize> {
  private static final Pattern FORMAT = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]?)");

  private final String text;
  private final long bytes;

  private DiskSize(String text, long bytes) {
    this.text = text;
    this.bytes = bytes;
  }

  /**
   * Parses a size.
   *
   * @param text for example {@code 8G}, {@code 512M}, {@code 1.5T}
   * @return the size
   * @throws IllegalArgumentException naming the value when it is not a disk size
   */
  public static DiskSize parse(String text) {
    Matcher m = FORMAT.matcher(Objects.requireNonNull(text, "size"));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "size: '" + text + "' is not a disk size (a number with an optional unit K, M, G or T)");
    }
    int shift =
        switch (m.group(2)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          case "T" -> 40;
          default -> 0;
        };
    BigDecimal value = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(1L << shift));
    return new DiskSize(text, value.longValue());
  }

  /**
   * A size in whole gibibytes, written {@code <n>G}.
   *
   * @param gib the size in GiB, at least 1
   * @return the size
   */
  public static DiskSize ofGibibytes(long gib) {
    if (gib < 1) {
      throw new IllegalArgumentException("size: " + gib + " GiB must be at least 1");
    }
    return new DiskSize(gib + "G", gib << 30);
  }

  /**
   * A size in whole mebibytes, written {@code <n>M}.
   *
   * @param mib the size in MiB, at least 1
   * @return the size
   */
  public static DiskSize ofMebibytes(long mib) {
    if (mib < 1) {
      throw new IllegalArgumentException("size: " + mib + " MiB must be at least 1");
    }
    return new DiskSize(mib + "M", mib << 20);
  }

  /**
   * The size in bytes.
   *
   * @return bytes
   */
  public long bytes() {
    return bytes;
  }

  /**
   * The text as written, e.g. {@code 32G}.
   *
   * @return the wire form
   */
  public String format() {
    return text;
  }

  @Override
  public int compareTo(DiskSize other) {
    return Long.compare(bytes, other.bytes);
  }

  /** Equal when the sizes in bytes are equal, however written. */
  @Override
  public boolean equals(Object o) {
    return o instanceof DiskSize other && other.bytes == bytes;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(bytes);
  }

  @Override
  public String toString() {
    return text;
  }
}
