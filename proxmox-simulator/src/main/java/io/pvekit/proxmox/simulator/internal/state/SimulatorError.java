package io.pvekit.proxmox.simulator.internal.state;

/**
 * An operational failure with PVE's message: answered as {@code 500 <message>} by a synchronous
 * call, or recorded as a task's exit status by a worker.
 */
public final class SimulatorError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with PVE's wording (one line, no trailing newline). */
  public SimulatorError(String message) {
    super(message, null, false, false);
  }
}
