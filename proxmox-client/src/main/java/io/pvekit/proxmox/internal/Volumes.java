package io.pvekit.proxmox.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading PVE volume references: {@code storage:volname}, {@code storage:SIZE} and host paths. */
public final class Volumes {
  private static final Pattern STORAGE_PREFIX =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9\\-_.]*[a-zA-Z0-9]):(.*)");
  private static final Pattern NEW_VOLUME =
      Pattern.compile("([a-zA-Z][a-zA-Z0-9\\-_.]*[a-zA-Z0-9]):(\\d+(\\.\\d+)?)");

  private Volumes() {}

  /**
   * The storage of {@code storage:volname}; empty for host paths and {@code none}/{@code cdrom}.
   */
  public static Optional<String> storage(String volume) {
    Matcher m = STORAGE_PREFIX.matcher(volume);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The size in GiB of the allocation form {@code storage:SIZE_IN_GiB}. */
  public static Optional<String> newVolumeSize(String volume) {
    Matcher m = NEW_VOLUME.matcher(volume);
    return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
  }

  /** Formats a GiB count without a trailing {@code .0}. */
  public static String gib(double sizeGib) {
    if (!(sizeGib >= 0) || Double.isInfinite(sizeGib)) {
      throw new IllegalArgumentException("size: " + sizeGib + " GiB is not a valid size");
    }
    if (sizeGib == Math.rint(sizeGib)) {
      return Long.toString((long) sizeGib);
    }
    return java.math.BigDecimal.valueOf(sizeGib).stripTrailingZeros().toPlainString();
  }
}
