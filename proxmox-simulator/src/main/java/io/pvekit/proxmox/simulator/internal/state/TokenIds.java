package io.pvekit.proxmox.simulator.internal.state;

import java.util.regex.Pattern;

/** PVE's rules for API token ids ({@code user@realm!name}). */
public final class TokenIds {
  /** The schema's {@code tokenid} pattern: a letter and at least one more character. */
  public static final String NAME_PATTERN = "[A-Za-z][A-Za-z0-9\\.\\-_]+";

  private static final Pattern USER = Pattern.compile("[^\\s:/]+@[A-Za-z][A-Za-z0-9.\\-_]+");
  private static final Pattern NAME = Pattern.compile(NAME_PATTERN);

  private TokenIds() {}

  /**
   * Fails unless a token id is {@code user@realm!name} with a name PVE accepts.
   *
   * @throws IllegalArgumentException naming the part that is wrong and the rule
   */
  public static void check(String tokenId) {
    int bang = tokenId.indexOf('!');
    if (bang < 0 || !USER.matcher(tokenId.substring(0, bang)).matches()) {
      throw new IllegalArgumentException(
          "token id: '" + tokenId + "' is not of the form user@realm!name");
    }
    String name = tokenId.substring(bang + 1);
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "token id '"
              + tokenId
              + "': the name '"
              + name
              + "' does not match PVE's tokenid pattern "
              + NAME_PATTERN
              + " (a letter followed by at least one letter, digit, '.', '-' or '_')");
    }
  }
}
