package io.pvekit.proxmox;

import org.immutables.value.Value;

/**
 * A new API token as {@code POST /access/users/{userid}/token/{tokenid}} returns it: the only time
 * PVE shows its secret. {@code toString()} masks the secret.
 */
@Value.Immutable
public interface ApiToken {
  /** {@code USER@REALM!TOKENID}. */
  String fullTokenId();

  /** The secret; store it now, PVE never shows it again. */
  Secret secret();

  /** Whether the token has its own ACLs (privilege separation) rather than its user's. */
  boolean privilegeSeparated();

  /**
   * The authentication for a client using this token.
   *
   * @return {@link Authentication#apiToken}
   */
  default Authentication authentication() {
    return Authentication.apiToken(fullTokenId(), secret());
  }
}
