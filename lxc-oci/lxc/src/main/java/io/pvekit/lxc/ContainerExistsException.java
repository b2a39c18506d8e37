package io.pvekit.lxc;

/** A container with this id already exists; delete it first or pick another id. */
public class ContainerExistsException extends LxcRuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param containerId the id that is taken
   * @param root the state root
   */
  public ContainerExistsException(String containerId, String root) {
    super(
        containerId,
        "container "
            + containerId
            + " already exists under "
            + root
            + "; delete it first (`proxmox-lxcri delete --force "
            + containerId
            + "`) or use another id");
  }
}
