package io.pvekit.proxmox.simulator.internal.api;

import io.pvekit.proxmox.simulator.internal.http.WireRequest;
import io.pvekit.proxmox.simulator.internal.state.AccessControl;
import io.pvekit.proxmox.simulator.internal.state.SimClock;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Tickets, CSRF prevention tokens and API tokens, with PVE's formats, lifetimes and 401 texts.
 * Tickets are signed with an HMAC instead of RSA; clients treat them as opaque.
 */
public final class Auth {
  /** Ticket and CSRF token lifetime: two hours. */
  public static final long LIFETIME_SECONDS = 2 * 3600;

  private static final long CLOCK_SKEW_SECONDS = 300;
  private static final int NONCE_BYTES = 12;
  private static final String COOKIE = "PVEAuthCookie";

  private final AccessControl access;
  private final SimClock clock;
  private final boolean genericFailures;
  private final Set<String> revoked = ConcurrentHashMap.newKeySet();
  private final SecureRandom random = new SecureRandom();
  private volatile byte[] key;

  /**
   * @param genericFailures whether to answer every ticket and token failure with {@code
   *     Authentication failed!} (pve-manager 9.1.5 and later)
   */
  public Auth(AccessControl access, SimClock clock, boolean genericFailures) {
    this.access = access;
    this.clock = clock;
    this.genericFailures = genericFailures;
    rotateKey();
  }

  /** Invalidates every ticket and CSRF token issued so far. */
  public void rotateKey() {
    byte[] fresh = new byte[32];
    random.nextBytes(fresh);
    key = fresh;
  }

  /** Invalidates one ticket. */
  public void revoke(String ticket) {
    revoked.add(ticket);
  }

  /**
   * A new ticket for a user, valid for two hours. The signature part carries a random nonce so
   * every ticket is distinct (one can be revoked without its successor of the same second).
   */
  public String ticket(String userid) {
    String plain = "PVE:" + userid + ":" + hexTime(clock.epochSecond());
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] mac = hmac("HmacSHA512", plain + ":" + Base64.getEncoder().encodeToString(nonce));
    byte[] signature = new byte[NONCE_BYTES + mac.length];
    System.arraycopy(nonce, 0, signature, 0, NONCE_BYTES);
    System.arraycopy(mac, 0, signature, NONCE_BYTES, mac.length);
    return plain + "::" + Base64.getEncoder().encodeToString(signature);
  }

  /** A CSRF prevention token for a user. */
  public String csrfToken(String userid) {
    String time = hexTime(clock.epochSecond());
    return time + ":" + sign(time + ":" + userid);
  }

  /** The user a ticket belongs to, or null when it is invalid, revoked or expired. */
  public String verifyTicket(String ticket) {
    if (ticket == null || revoked.contains(ticket)) {
      return null;
    }
    int sep = ticket.indexOf("::");
    if (!ticket.startsWith("PVE:") || sep < 0) {
      return null;
    }
    String plain = ticket.substring(0, sep);
    byte[] signature;
    try {
      signature = Base64.getDecoder().decode(ticket.substring(sep + 2));
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (signature.length <= NONCE_BYTES) {
      return null;
    }
    byte[] nonce = java.util.Arrays.copyOf(signature, NONCE_BYTES);
    byte[] mac = java.util.Arrays.copyOfRange(signature, NONCE_BYTES, signature.length);
    byte[] expected = hmac("HmacSHA512", plain + ":" + Base64.getEncoder().encodeToString(nonce));
    if (!MessageDigest.isEqual(mac, expected)) {
      return null;
    }
    String[] parts = plain.split(":");
    if (parts.length != 3 || !fresh(parts[2])) {
      return null;
    }
    return parts[1];
  }

  private boolean verifyCsrf(String token, String userid) {
    if (token == null) {
      return false;
    }
    int colon = token.indexOf(':');
    if (colon != 8) {
      return false;
    }
    String time = token.substring(0, colon);
    byte[] expected = sign(time + ":" + userid).getBytes(StandardCharsets.US_ASCII);
    byte[] actual = token.substring(colon + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual) && fresh(time);
  }

  /**
   * Authenticates a request as pveproxy does: cookie, then {@code Authorization: PVEAuthCookie=},
   * then {@code Authorization: PVEAPIToken=}; writes need a CSRF token with tickets.
   *
   * @param isUpload whether the request goes to the upload endpoint (no CSRF check there)
   * @throws ApiException 401 with PVE's text
   */
  public Identity authenticate(WireRequest request, boolean isUpload) {
    String ticket = cookie(request.header("cookie"));
    String authorization = request.header("authorization");
    if (ticket == null && authorization != null && authorization.startsWith(COOKIE + "=")) {
      ticket = decode(authorization.substring(COOKIE.length() + 1));
    }
    if (ticket != null) {
      String user = verifyTicket(ticket);
      if (user == null || access.user(user) == null) {
        throw failure("permission denied - invalid PVE ticket");
      }
      boolean write = !request.method().equals("GET");
      if (write && !isUpload && !verifyCsrf(csrfHeader(request), user)) {
        throw new ApiException(401, "Permission denied - invalid csrf token");
      }
      return new Identity(user, ticket);
    }
    if (authorization != null && authorization.startsWith("PVEAPIToken")) {
      return token(authorization.substring("PVEAPIToken".length()));
    }
    throw failure("No ticket");
  }

  private Identity token(String rest) {
    if (rest.isEmpty() || (rest.charAt(0) != '=' && rest.charAt(0) != ' ')) {
      throw failure("invalid token value!");
    }
    String value = decode(rest.substring(1).trim());
    int eq = value.indexOf('=');
    if (eq < 0 || value.indexOf('!') < 0 || value.indexOf('!') > eq) {
      throw failure("invalid token value!");
    }
    String tokenId = value.substring(0, eq);
    String secret = value.substring(eq + 1);
    if (access.token(tokenId) == null) {
      String user = tokenId.substring(0, tokenId.indexOf('!'));
      String name = tokenId.substring(tokenId.indexOf('!') + 1);
      throw failure("no such token '" + name + "' for user '" + user + "'");
    }
    if (!access.tokenMatches(tokenId, secret)) {
      throw failure("invalid token value!");
    }
    return new Identity(tokenId, null);
  }

  private ApiException failure(String oldText) {
    return new ApiException(401, genericFailures ? "Authentication failed!" : oldText);
  }

  private static String csrfHeader(WireRequest request) {
    return request.header("csrfpreventiontoken");
  }

  private static String cookie(String header) {
    if (header == null) {
      return null;
    }
    for (String part : header.split(";")) {
      String trimmed = part.trim();
      if (trimmed.startsWith(COOKIE + "=")) {
        return decode(trimmed.substring(COOKIE.length() + 1));
      }
    }
    return null;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return value;
    }
  }

  private boolean fresh(String hexTime) {
    long issued;
    try {
      issued = Long.parseLong(hexTime, 16);
    } catch (NumberFormatException e) {
      return false;
    }
    long age = clock.epochSecond() - issued;
    return age > -CLOCK_SKEW_SECONDS && age < LIFETIME_SECONDS;
  }

  private String sign(String text) {
    return Base64.getEncoder().withoutPadding().encodeToString(hmac("HmacSHA256", text));
  }

  private byte[] hmac(String algorithm, String text) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hexTime(long epochSecond) {
    return String.format(Locale.ROOT, "%08X", epochSecond);
  }
}
