package io.pvekit.proxmox;

import java.util.Map;

/**
 * The object or endpoint does not exist: HTTP 404, 501 ({@code Method 'GET /x' not implemented},
 * e.g. an endpoint newer than the server) or a 500 whose reason says {@code does not exist} /
 * {@code not found}.
 */
public class ProxmoxNotFoundException extends ProxmoxApiException {
  private static final long serialVersionUID = 1L;

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
  public ProxmoxNotFoundException(
      String method,
      String path,
      int status,
      String reason,
      Map<String, String> errors,
      String body,
      String message) {
    super(method, path, status, reason, errors, body, message);
  }
}
