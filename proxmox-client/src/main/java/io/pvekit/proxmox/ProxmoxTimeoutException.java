package io.pvekit.proxmox;

import java.time.Duration;

/**
 * A call got no complete, usable response within its deadline ({@link
 * ProxmoxClient.Builder#deadline(Duration)}), counted over every attempt, the waits between retries
 * and a login on the way: the server was too slow, or answered byte by byte. The cause is the last
 * failure, if there was one. A write that timed out may still have been carried out.
 */
public class ProxmoxTimeoutException extends ProxmoxNoResponseException {
  private static final long serialVersionUID = 1L;

  /** The deadline that passed. */
  private final Duration deadline;

  /** Attempts sent before it passed. */
  private final int attempts;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method
   * @param path the path below {@code /api2/json}
   * @param deadline the deadline that passed
   * @param attempts how many attempts were sent
   * @param message what happened and what to do
   * @param cause the last failure, or null
   */
  public ProxmoxTimeoutException(
      String method,
      String path,
      Duration deadline,
      int attempts,
      String message,
      Throwable cause) {
    super(method, path, message, cause);
    this.deadline = deadline;
    this.attempts = attempts;
  }

  /**
   * The deadline of the call.
   *
   * @return the duration
   */
  public Duration deadline() {
    return deadline;
  }

  /**
   * How many attempts were sent.
   *
   * @return at least 0
   */
  public int attempts() {
    return attempts;
  }
}
