package io.pvekit.proxmox;

/**
 * Waiting on the QEMU guest agent gave up: the agent did not answer within the timeout ({@link
 * QemuAgent#waitForAgent}), or a command started with {@link QemuAgent#exec} had not exited ({@link
 * AgentProcess#await}). The VM and any command go on running.
 */
public class GuestAgentTimeoutException extends ProxmoxException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method of the last call
   * @param path the path of the last call
   * @param message what was waited for, how long, and what to check
   * @param cause the last failure, or null
   */
  public GuestAgentTimeoutException(String method, String path, String message, Throwable cause) {
    super(method, path, message, cause);
  }
}
