package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ExecProcess;
import java.util.function.IntSupplier;

/**
 * An exec'd process and how to wait for it, which depends on who reaps it: liblxc's attach child is
 * reaped with waitpid, a ProcessBuilder child only by the JDK's own reaper.
 */
record StartedExec(long pid, IntSupplier waiter) implements ExecProcess {
  @Override
  public int waitFor() {
    return waiter.getAsInt();
  }
}
