package io.pvekit.proxmox;

/**
 * The response body was larger than {@link ProxmoxClient.Builder#maxResponseBodySize(long)} allows
 * (counted after gzip decoding), or it never ended. The client stopped reading at the limit instead
 * of running out of memory. Either the server answered something no PVE endpoint sends, or a very
 * large cluster really needs a larger limit.
 */
public class ProxmoxResponseTooLargeException extends ProxmoxMalformedResponseException {
  private static final long serialVersionUID = 1L;

  /** The limit in bytes. */
  private final long limit;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method
   * @param path the path below {@code /api2/json}
   * @param status the HTTP status of the response
   * @param limit the limit in bytes
   * @param message what happened and how to raise the limit
   */
  public ProxmoxResponseTooLargeException(
      String method, String path, int status, long limit, String message) {
    this(method, path, status, limit, message, null);
  }

  /**
   * Creates the exception with a cause (the parser's refusal, when the limit was on JSON values).
   *
   * @param method the HTTP method
   * @param path the path below {@code /api2/json}
   * @param status the HTTP status of the response
   * @param limit the limit in bytes
   * @param message what happened and how to raise the limit
   * @param cause the cause, or null
   */
  public ProxmoxResponseTooLargeException(
      String method, String path, int status, long limit, String message, Throwable cause) {
    super(method, path, status, message, cause);
    this.limit = limit;
  }

  /**
   * The limit that was reached.
   *
   * @return bytes
   */
  public long limit() {
    return limit;
  }
}
