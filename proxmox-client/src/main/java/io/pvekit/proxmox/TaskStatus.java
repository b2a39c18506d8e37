package io.pvekit.proxmox;

import java.util.Optional;
import java.util.regex.Pattern;
import org.immutables.value.Value;

/** {@code GET /nodes/{node}/tasks/{upid}/status}. */
@Value.Immutable
public interface TaskStatus {
  /** Matches PVE's success-with-warnings exit status. */
  Pattern WARNINGS = Pattern.compile("WARNINGS: (\\d+)");

  Upid upid();

  /** {@code running} or {@code stopped}. */
  String status();

  /** Only when stopped: {@code OK}, {@code WARNINGS: n}, or the error text. */
  Optional<String> exitStatus();

  @Value.Derived
  default boolean isRunning() {
    return status().equals("running");
  }

  /** Stopped with {@code OK} or {@code WARNINGS: n} (PVE counts both as success). */
  @Value.Derived
  default boolean isSuccessful() {
    return !isRunning()
        && exitStatus().map(s -> s.equals("OK") || WARNINGS.matcher(s).matches()).orElse(false);
  }

  /** The number of warnings of a {@code WARNINGS: n} exit status, else 0. */
  @Value.Derived
  default int warnings() {
    return exitStatus()
        .map(WARNINGS::matcher)
        .filter(java.util.regex.Matcher::matches)
        .map(m -> Integer.parseInt(m.group(1)))
        .orElse(0);
  }
}
