package io.pvekit.proxmox;

import java.util.Map;
import java.util.Optional;

/**
 * Proxmox VE answered with an error status. Carries the status, the reason phrase (where PVE puts
 * its message), the per-parameter {@code errors} map of a {@code 400 Parameter verification
 * failed.}, and the response body. Subtypes: {@link ProxmoxAuthenticationException} (401), {@link
 * ProxmoxPermissionException} (403), {@link ProxmoxNotFoundException}, {@link
 * ProxmoxParameterException} (400).
 */
public class ProxmoxApiException extends ProxmoxException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;

  /** The reason phrase (or the body's message when there is none). */
  private final String reason;

  /** Parameter name to problem. */
  private final Map<String, String> errors;

  /** The response body, or null. */
  private final String body;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method
   * @param path the path below {@code /api2/json}
   * @param status the HTTP status
   * @param reason the reason phrase
   * @param errors parameter name to problem (may be empty)
   * @param body the response body, or null
   * @param message the full message
   */
  public ProxmoxApiException(
      String method,
      String path,
      int status,
      String reason,
      Map<String, String> errors,
      String body,
      String message) {
    super(method, path, message, null);
    this.status = status;
    this.reason = reason;
    this.errors = Map.copyOf(errors);
    this.body = body;
  }

  /**
   * The HTTP status.
   *
   * @return e.g. 400, 500
   */
  public int status() {
    return status;
  }

  /**
   * The reason phrase: PVE puts the first line of its error message there, e.g. {@code VM 100 not
   * running}.
   *
   * @return the reason
   */
  public String reason() {
    return reason;
  }

  /**
   * Per-parameter problems from a {@code 400 Parameter verification failed.}.
   *
   * @return parameter name to message; empty for other errors
   */
  public Map<String, String> errors() {
    return errors;
  }

  /**
   * The response body as received.
   *
   * @return the body, if there was one
   */
  public Optional<String> body() {
    return Optional.ofNullable(body);
  }
}
