package io.pvekit.proxmox;

import java.util.List;

/**
 * A task ended with an exit status other than {@code OK} or {@code WARNINGS: n}. Carries the exit
 * status (PVE's error text) and the last lines of the task log, which usually say why.
 */
public class TaskFailedException extends ProxmoxException {
  private static final long serialVersionUID = 1L;

  /** The task. */
  private final transient Upid upid;

  /** The exit status. */
  private final String exitStatus;

  /** The last log lines. */
  private final List<String> logTail;

  /**
   * Creates the exception.
   *
   * @param upid the task
   * @param exitStatus the exit status
   * @param logTail the last lines of the log
   */
  public TaskFailedException(Upid upid, String exitStatus, List<String> logTail) {
    super(
        "GET",
        "/nodes/" + upid.node() + "/tasks/" + upid + "/status",
        "task "
            + upid.type()
            + (upid.id().isEmpty() ? "" : " " + upid.id())
            + " on "
            + upid.node()
            + " failed: "
            + exitStatus
            + (logTail.isEmpty() ? "" : "\n  log tail:\n    " + String.join("\n    ", logTail))
            + "\n  task: "
            + upid,
        null);
    this.upid = upid;
    this.exitStatus = exitStatus;
    this.logTail = List.copyOf(logTail);
  }

  /**
   * The task.
   *
   * @return the UPID
   */
  public Upid upid() {
    return upid;
  }

  /**
   * The exit status, PVE's error text.
   *
   * @return e.g. {@code unable to create VM 100 - ...}
   */
  public String exitStatus() {
    return exitStatus;
  }

  /**
   * The last lines of the task log.
   *
   * @return up to 20 lines, oldest first
   */
  public List<String> logTail() {
    return logTail;
  }
}
