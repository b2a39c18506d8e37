package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /nodes}. */
@Value.Immutable
public interface NodeSummary {
  NodeName node();

  /** {@code online}, {@code offline} or {@code unknown}. */
  String status();

  Optional<Double> cpu();

  Optional<Long> maxCpu();

  Optional<Long> mem();

  Optional<Long> maxMem();

  Optional<Long> uptime();

  /** The SHA-256 fingerprint of the node's certificate ({@code AA:BB:...}), to pin it. */
  Optional<String> sslFingerprint();
}
