package io.pvekit.proxmox;

import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/** One line of {@code GET /cluster/log}. */
@Value.Immutable
public interface ClusterLogEntry {
  Instant time();

  Optional<String> node();

  Optional<String> user();

  /** E.g. {@code pvedaemon}. */
  Optional<String> tag();

  /** Syslog priority (0 emergency .. 7 debug). */
  Optional<Long> priority();

  String message();

  /** The entry's number in the log. */
  Optional<Long> uid();

  /** The process that logged it. */
  Optional<Long> pid();
}
