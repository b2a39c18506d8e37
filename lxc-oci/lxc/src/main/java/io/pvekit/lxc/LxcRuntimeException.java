package io.pvekit.lxc;

import java.util.List;
import java.util.Optional;

/**
 * A container operation failed. Carries the container it concerns and, when liblxc was involved,
 * the last lines of that container's liblxc log, which usually name the failing step (a mount, a
 * cgroup write, a missing binary).
 */
public class LxcRuntimeException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String containerId;
  private final List<String> logTail;

  /**
   * Creates the exception.
   *
   * @param containerId the container concerned, or null when none
   * @param message what failed and what to do about it
   * @param logTail the last lines of liblxc's log for this container (may be empty)
   * @param cause the underlying failure, or null
   */
  public LxcRuntimeException(
      String containerId, String message, List<String> logTail, Throwable cause) {
    super(message + formatTail(logTail), cause);
    this.containerId = containerId;
    this.logTail = List.copyOf(logTail);
  }

  /**
   * Creates the exception without a log tail.
   *
   * @param containerId the container concerned, or null when none
   * @param message what failed and what to do about it
   */
  public LxcRuntimeException(String containerId, String message) {
    this(containerId, message, List.of(), null);
  }

  /** The container this failure concerns, if any. */
  public Optional<String> containerId() {
    return Optional.ofNullable(containerId);
  }

  /** The last lines of liblxc's log for the container, oldest first; empty when not relevant. */
  public List<String> logTail() {
    return logTail;
  }

  private static String formatTail(List<String> tail) {
    if (tail.isEmpty()) {
      return "";
    }
    return "\nliblxc log (last " + tail.size() + " lines):\n  " + String.join("\n  ", tail);
  }
}
