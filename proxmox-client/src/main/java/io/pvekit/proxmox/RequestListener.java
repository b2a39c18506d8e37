package io.pvekit.proxmox;

/**
 * Receives every HTTP exchange the client makes, for metrics and tracing. Called on the calling
 * thread after each attempt; keep it fast and do not throw (exceptions are logged and ignored).
 */
@FunctionalInterface
public interface RequestListener {
  /**
   * One exchange finished.
   *
   * @param event what was sent and what came back
   */
  void onExchange(RequestEvent event);
}
