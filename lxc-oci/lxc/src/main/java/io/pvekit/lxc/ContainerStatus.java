package io.pvekit.lxc;

import java.util.Locale;

/** The OCI lifecycle states, plus {@code paused} as runc reports it. */
public enum ContainerStatus {
  /** Create is in progress (or crashed: {@code delete --force} cleans it up). */
  CREATING,
  /** Set up, the user process waits for {@code start}. */
  CREATED,
  /** The user process runs. */
  RUNNING,
  /** Frozen by {@code pause}. */
  PAUSED,
  /** The user process has exited; {@code delete} removes what is left. */
  STOPPED;

  /** The lower-case name used in OCI state JSON ({@code "running"}). */
  public String ociName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
