package io.pvekit.lxc;

/** The operation is not allowed in the container's current state (e.g. start of a running one). */
public class ContainerStateException extends LxcRuntimeException {
  private static final long serialVersionUID = 1L;

  private final ContainerStatus status;

  /**
   * Creates the exception.
   *
   * @param containerId the container
   * @param status its current status
   * @param message what was refused and what to do instead
   */
  public ContainerStateException(String containerId, ContainerStatus status, String message) {
    super(containerId, message);
    this.status = status;
  }

  /** The status the container was in when the operation was refused. */
  public ContainerStatus status() {
    return status;
  }
}
