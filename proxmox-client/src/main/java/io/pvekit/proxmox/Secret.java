package io.pvekit.proxmox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A password, API token secret or ticket. {@link #toString()} is masked so a secret cannot leak
 * into a log line or an exception message by accident; {@link #reveal()} is the one way to read it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret.
   *
   * @param value the secret text, not empty
   * @return the secret
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("secret: must not be empty");
    }
    return new Secret(value);
  }

  /**
   * The secret text. Pass it straight to where it is needed; never log it.
   *
   * @return the secret
   */
  public String reveal() {
    return value;
  }

  /** Compares in constant time. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secret other
        && MessageDigest.isEqual(
            value.getBytes(StandardCharsets.UTF_8), other.value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return 0x5ec2e7;
  }

  /** Always {@code "****"}. */
  @Override
  public String toString() {
    return "****";
  }
}
