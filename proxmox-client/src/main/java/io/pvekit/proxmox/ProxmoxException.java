package io.pvekit.proxmox;

/**
 * Base of every exception the client throws for a call: it names the HTTP method and the path.
 * Subtypes split "the server said no" ({@link ProxmoxApiException}) from "no usable response"
 * ({@link ProxmoxNoResponseException}, {@link ProxmoxMalformedResponseException}). Messages never
 * contain passwords, tickets or token secrets.
 */
public class ProxmoxException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The HTTP method of the failed call. */
  private final String method;

  /** The path of the failed call, below {@code /api2/json}. */
  private final String path;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method
   * @param path the path below {@code /api2/json}
   * @param message what happened and what to do
   * @param cause the cause, or null
   */
  public ProxmoxException(String method, String path, String message, Throwable cause) {
    super(message, cause);
    this.method = method;
    this.path = path;
  }

  /**
   * The HTTP method of the call.
   *
   * @return e.g. {@code POST}
   */
  public String method() {
    return method;
  }

  /**
   * The path of the call below {@code /api2/json}.
   *
   * @return e.g. {@code /nodes/pve1/qemu/100/status/start}
   */
  public String path() {
    return path;
  }
}
