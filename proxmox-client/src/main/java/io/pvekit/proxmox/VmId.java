package io.pvekit.proxmox;

/**
 * A Proxmox VE guest id (VMID), shared by QEMU VMs and LXC containers of one cluster. Proxmox
 * accepts 100 to 999999999.
 *
 * @param value the numeric id
 */
public record VmId(int value) implements Comparable<VmId> {
  /** The smallest id Proxmox VE accepts. */
  public static final int MIN = 100;

  /** The largest id Proxmox VE accepts. */
  public static final int MAX = 999_999_999;

  /**
   * Checks the range.
   *
   * @throws IllegalArgumentException naming the value when it is out of range
   */
  public VmId {
    if (value < MIN || value > MAX) {
      throw new IllegalArgumentException(
          "vmid: " + value + " is out of range; Proxmox VE accepts " + MIN + " to " + MAX);
    }
  }

  /**
   * Parses the decimal form Proxmox uses on the wire.
   *
   * @param text the id, for example {@code "9000"}
   * @return the id
   * @throws IllegalArgumentException naming the value when it is not a valid id
   */
  public static VmId parse(String text) {
    try {
      return new VmId(Integer.parseInt(text.trim()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("vmid: '" + text + "' is not a number", e);
    }
  }

  /**
   * Shorthand for {@code new VmId(value)}.
   *
   * @param value the numeric id
   * @return the id
   */
  public static VmId of(int value) {
    return new VmId(value);
  }

  @Override
  public int compareTo(VmId other) {
    return Integer.compare(value, other.value);
  }

  @Override
  public String toString() {
    return Integer.toString(value);
  }
}
