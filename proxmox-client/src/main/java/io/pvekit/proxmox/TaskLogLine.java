package io.pvekit.proxmox;

import org.immutables.value.Value;

/** One line of {@code GET /nodes/{node}/tasks/{upid}/log}. */
@Value.Immutable
public interface TaskLogLine {
  /** The line number, from 1. */
  long number();

  String text();
}
