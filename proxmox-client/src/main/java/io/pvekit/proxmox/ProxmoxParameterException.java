package io.pvekit.proxmox;

import java.util.Map;

/** 400: a parameter was refused; {@link #errors()} maps each parameter to PVE's reason. */
public class ProxmoxParameterException extends ProxmoxApiException {
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
  public ProxmoxParameterException(
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
