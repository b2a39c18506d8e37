package io.pvekit.proxmox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The id of a Proxmox VE storage ({@code pve-storage-id}), such as {@code local} or {@code
 * local-lvm}.
 *
 * @param value the id
 */
public record StorageId(String value) {
  private static final Pattern FORMAT =
      Pattern.compile("[a-z][a-z0-9\\-_.]*[a-z0-9]", Pattern.CASE_INSENSITIVE);

  /**
   * Checks the format.
   *
   * @throws IllegalArgumentException naming the value when it is not a storage id
   */
  public StorageId {
    Objects.requireNonNull(value, "storage");
    if (!FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "storage: '"
              + value
              + "' is not a storage id (a letter, then letters, digits, '-', '_' or '.')");
    }
  }

  /**
   * Shorthand for {@code new StorageId(value)}.
   *
   * @param value the id
   * @return the storage id
   */
  public static StorageId of(String value) {
    return new StorageId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
