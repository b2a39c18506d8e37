package io.pvekit.proxmox;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * How the client authenticates: an API token (stateless, no CSRF token, the usual choice for
 * automation) or a user and password (ticket login with renewal). {@link #toString()} never shows
 * the secret.
 */
public final class Authentication {
  private static final Pattern USER = Pattern.compile("[^\\s:@!]+@[A-Za-z][A-Za-z0-9.\\-_]*");
  private static final Pattern TOKEN_ID =
      Pattern.compile("[^\\s:@!]+@[A-Za-z][A-Za-z0-9.\\-_]*![A-Za-z][A-Za-z0-9.\\-_]*");

  private final String user;
  private final String tokenName;
  private final Secret secret;
  private final Supplier<String> totp;

  private Authentication(String user, String tokenName, Secret secret, Supplier<String> totp) {
    this.user = user;
    this.tokenName = tokenName;
    this.secret = secret;
    this.totp = totp;
  }

  /**
   * An API token, sent as {@code Authorization: PVEAPIToken=USER@REALM!TOKENID=SECRET}.
   *
   * @param tokenId the full token id {@code user@realm!tokenid}, e.g. {@code ci@pve!deploy}
   * @param secret the token's secret (a UUID)
   * @return the authentication
   * @throws IllegalArgumentException naming the value when the token id is malformed
   */
  public static Authentication apiToken(String tokenId, Secret secret) {
    Objects.requireNonNull(tokenId, "tokenId");
    Objects.requireNonNull(secret, "secret");
    if (!TOKEN_ID.matcher(tokenId).matches()) {
      throw new IllegalArgumentException(
          "tokenId: '" + tokenId + "' is not a token id of the form user@realm!tokenid");
    }
    int bang = tokenId.indexOf('!');
    return new Authentication(
        tokenId.substring(0, bang), tokenId.substring(bang + 1), secret, null);
  }

  /**
   * User and password: the client logs in with {@code POST /access/ticket}, sends the ticket as
   * cookie and the CSRF token on writes, renews the ticket before it expires and logs in again once
   * on a 401.
   *
   * @param user {@code user@realm}, e.g. {@code root@pam}
   * @param password the password
   * @return the authentication
   * @throws IllegalArgumentException naming the value when the user is not {@code user@realm}
   */
  public static Authentication password(String user, Secret password) {
    return password(user, password, null);
  }

  /**
   * User and password for a user with TOTP as second factor: the supplier is asked for the current
   * 6-digit code whenever PVE asks for it.
   *
   * @param user {@code user@realm}
   * @param password the password
   * @param totpCode supplies the current TOTP code, or null when the user has no second factor
   * @return the authentication
   */
  public static Authentication password(String user, Secret password, Supplier<String> totpCode) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
    if (!USER.matcher(user).matches()) {
      throw new IllegalArgumentException(
          "user: '" + user + "' is not of the form user@realm (e.g. root@pam)");
    }
    return new Authentication(user, null, password, totpCode);
  }

  /**
   * Whether this is an API token.
   *
   * @return true for a token, false for user and password
   */
  public boolean isApiToken() {
    return tokenName != null;
  }

  /**
   * The user, {@code user@realm}.
   *
   * @return the user (the token's owner for a token)
   */
  public String user() {
    return user;
  }

  /**
   * The token id {@code user@realm!tokenid}.
   *
   * @return the token id, empty for password authentication
   */
  public Optional<String> tokenId() {
    return tokenName == null ? Optional.empty() : Optional.of(user + "!" + tokenName);
  }

  /**
   * The password or token secret.
   *
   * @return the secret
   */
  public Secret secret() {
    return secret;
  }

  /**
   * The TOTP supplier for a second factor.
   *
   * @return the supplier, if configured
   */
  public Optional<Supplier<String>> totpCode() {
    return Optional.ofNullable(totp);
  }

  /** Names the user or token, never the secret. */
  @Override
  public String toString() {
    return isApiToken()
        ? "Authentication[apiToken " + tokenId().orElseThrow() + ", secret ****]"
        : "Authentication[password " + user + ", password ****]";
  }
}
