package io.pvekit.proxmox;

import java.time.Duration;

/**
 * {@link Task#await(Duration)} gave up waiting; the task itself goes on running on the server. Wait
 * again, or {@link Task#stop()} it.
 */
public class TaskTimeoutException extends ProxmoxException {
  private static final long serialVersionUID = 1L;

  /** The task. */
  private final transient Upid upid;

  /**
   * Creates the exception.
   *
   * @param upid the task
   * @param waited how long the caller waited
   */
  public TaskTimeoutException(Upid upid, Duration waited) {
    super(
        "GET",
        "/nodes/" + upid.node() + "/tasks/" + upid + "/status",
        "task "
            + upid.type()
            + " "
            + upid.id()
            + " on "
            + upid.node()
            + " still running after "
            + waited
            + "; it goes on running on the server (task "
            + upid
            + ")",
        null);
    this.upid = upid;
  }

  /**
   * The task.
   *
   * @return the UPID
   */
  public Upid upid() {
    return upid;
  }
}
