package io.pvekit.proxmox;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /nodes/{node}/tasks} or {@code GET /cluster/tasks}. */
@Value.Immutable
public interface TaskSummary {
  Upid upid();

  /**
   * The end state of a finished task ({@code OK}, {@code WARNINGS: n} or the error); empty while
   * running.
   */
  Optional<String> status();

  Optional<Instant> endTime();
}
