package io.pvekit.lxc;

/**
 * A process started inside a container. It is a child of the calling JVM (liblxc forks it with
 * {@code CLONE_PARENT}), so only this JVM can wait for it; if the JVM exits first, the process is
 * re-parented to the nearest subreaper.
 */
public interface ExecProcess {
  /** Its host PID. */
  long pid();

  /**
   * Waits for it to end.
   *
   * @return its exit status, or 128 + the signal that killed it
   */
  int waitFor();
}
