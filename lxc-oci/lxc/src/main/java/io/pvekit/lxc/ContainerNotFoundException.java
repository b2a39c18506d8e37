package io.pvekit.lxc;

/** No container with this id exists under the runtime's state root. */
public class ContainerNotFoundException extends LxcRuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param containerId the id asked for
   * @param root the state root searched
   */
  public ContainerNotFoundException(String containerId, String root) {
    super(
        containerId,
        "container "
            + containerId
            + " does not exist (no state under "
            + root
            + "); list containers with `proxmox-lxcri --root "
            + root
            + " list`");
  }
}
