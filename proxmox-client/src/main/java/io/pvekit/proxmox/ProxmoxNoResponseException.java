package io.pvekit.proxmox;

/**
 * No response came back: connection refused or reset, DNS failure, timeout, TLS handshake failure
 * (an unknown CA, a fingerprint that does not match the pin). The cause says which. A write that
 * failed this way may or may not have been carried out; the client never retries writes.
 */
public class ProxmoxNoResponseException extends ProxmoxException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method
   * @param path the path below {@code /api2/json}
   * @param message what happened and what to do
   * @param cause the I/O failure
   */
  public ProxmoxNoResponseException(String method, String path, String message, Throwable cause) {
    super(method, path, message, cause);
  }
}
