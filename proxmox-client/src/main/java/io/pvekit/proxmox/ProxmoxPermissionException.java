package io.pvekit.proxmox;

import java.util.Map;

/**
 * 403: authenticated, but the user or API token lacks a privilege, e.g. {@code Permission check
 * failed (/vms/100, VM.Allocate)}. API tokens have privilege separation by default: grant the ACL
 * to the token itself.
 */
public class ProxmoxPermissionException extends ProxmoxApiException {
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
  public ProxmoxPermissionException(
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
