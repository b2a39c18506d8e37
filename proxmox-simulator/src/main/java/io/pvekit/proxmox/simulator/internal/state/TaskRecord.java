package io.pvekit.proxmox.simulator.internal.state;

import java.util.ArrayList;
import java.util.List;

/** A worker task: its UPID, log and outcome. Mutated under the world's lock. */
public final class TaskRecord {
  private final Upid upid;
  private final String upidText;
  private final List<String> log = new ArrayList<>();
  private String exitStatus;
  private long endtime;
  private Runnable onAbort = () -> {};

  public TaskRecord(Upid upid) {
    this.upid = upid;
    this.upidText = upid.toString();
  }

  public Upid upid() {
    return upid;
  }

  public String upidText() {
    return upidText;
  }

  public List<String> log() {
    return log;
  }

  /** Whether the worker still runs. */
  public boolean running() {
    return exitStatus == null;
  }

  /** {@code OK}, {@code WARNINGS: n} or the error; null while running. */
  public String exitStatus() {
    return exitStatus;
  }

  public long endtime() {
    return endtime;
  }

  /** What to undo when the task is stopped before it finishes. */
  public void onAbort(Runnable action) {
    this.onAbort = action;
  }

  Runnable onAbort() {
    return onAbort;
  }

  /** Ends the task; the last log line reads like PVE's ({@code TASK OK}, {@code TASK ERROR: x}). */
  public void finish(String status, long now) {
    if (exitStatus != null) {
      return;
    }
    exitStatus = status;
    endtime = now;
    log.add(status.equals("OK") ? "TASK OK" : "TASK ERROR: " + status);
  }

  /** Whether it ended with anything but OK or warnings. */
  public boolean failed() {
    return exitStatus != null && !exitStatus.equals("OK") && !exitStatus.startsWith("WARNINGS");
  }
}
