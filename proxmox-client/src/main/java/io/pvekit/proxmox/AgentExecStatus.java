package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** {@code GET /nodes/{node}/qemu/{vmid}/agent/exec-status}: a guest command's state. */
@Value.Immutable
public interface AgentExecStatus {
  /** Whether the command has exited. */
  boolean exited();

  /** The exit code once it exited normally. */
  Optional<Long> exitCode();

  /** The signal that ended it, if one did. */
  Optional<Long> signal();

  /** Standard output as captured by the agent. */
  Optional<String> outData();

  /** Standard error as captured by the agent. */
  Optional<String> errData();

  /** Whether the agent cut standard output short. */
  boolean outTruncated();

  /** Whether the agent cut standard error short. */
  boolean errTruncated();

  /** Whether it exited with code 0. */
  @Value.Derived
  default boolean succeeded() {
    return exited() && exitCode().orElse(-1L) == 0;
  }
}
