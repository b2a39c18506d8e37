package io.pvekit.proxmox;

import java.time.Duration;

/**
 * A command started in the guest by {@link QemuAgent#exec}: its PID and ways to follow it.
 *
 * <pre>{@code
 * AgentExecStatus done = vm.agent().exec("hostname").await(Duration.ofSeconds(30));
 * done.exitCode();  // Optional[0]
 * }</pre>
 */
public final class AgentProcess {
  private final QemuAgent agent;
  private final long pid;

  AgentProcess(QemuAgent agent, long pid) {
    this.agent = agent;
    this.pid = pid;
  }

  /**
   * The PID the guest agent gave the command.
   *
   * @return the PID
   */
  public long pid() {
    return pid;
  }

  /**
   * {@code GET .../agent/exec-status?pid=}: the state now.
   *
   * @return the status; {@code exited()} false while it runs
   */
  public AgentExecStatus status() {
    return agent.execStatus(pid);
  }

  /**
   * Polls {@link #status()} with backoff (100 ms doubling to 2 s) until the command exits.
   *
   * @param timeout how long to wait
   * @return the final status with exit code and output
   * @throws GuestAgentTimeoutException if it still runs after {@code timeout}
   */
  public AgentExecStatus await(Duration timeout) {
    Polling polling = Polling.within(timeout);
    while (true) {
      AgentExecStatus status = status();
      if (status.exited()) {
        return status;
      }
      if (!polling.pause()) {
        throw new GuestAgentTimeoutException(
            "GET",
            agent.path("/agent/exec-status"),
            "command "
                + pid
                + " in VM "
                + agent.vmid()
                + " still running after "
                + timeout
                + "; it goes on running in the guest (poll status() again)",
            null);
      }
    }
  }

  @Override
  public String toString() {
    return "AgentProcess[VM " + agent.vmid() + ", pid " + pid + "]";
  }
}
