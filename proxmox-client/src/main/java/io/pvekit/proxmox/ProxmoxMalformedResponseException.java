package io.pvekit.proxmox;

/**
 * The server answered with a success status but a body that is not the JSON the endpoint returns
 * (truncated, HTML from a proxy, a different type). Usually a proxy in between or the wrong base
 * URL.
 */
public class ProxmoxMalformedResponseException extends ProxmoxException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status. */
  private final int status;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method
   * @param path the path below {@code /api2/json}
   * @param status the HTTP status
   * @param message what was wrong, with the start of the body
   * @param cause the parse failure
   */
  public ProxmoxMalformedResponseException(
      String method, String path, int status, String message, Throwable cause) {
    super(method, path, message, cause);
    this.status = status;
  }

  /**
   * The HTTP status of the response.
   *
   * @return e.g. 200
   */
  public int status() {
    return status;
  }
}
