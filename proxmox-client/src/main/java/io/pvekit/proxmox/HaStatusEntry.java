package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * One entry of {@code GET /cluster/ha/status/current}: the quorum, the manager (master), a node's
 * local resource manager ({@code lrm}) or a managed service.
 */
@Value.Immutable
public interface HaStatusEntry {
  /** E.g. {@code quorum}, {@code master}, {@code lrm:pve1}, {@code service:vm:100}. */
  String id();

  /** {@code quorum}, {@code master}, {@code lrm} or {@code service}. */
  String type();

  Optional<String> node();

  /** Free text, e.g. {@code pve1 (active, Mon Dec 7 10:00:00 2026)} or a service's state. */
  Optional<String> status();

  /** The resource id of a service entry. */
  Optional<String> sid();

  /** A service's current state, e.g. {@code started}. */
  Optional<String> state();

  /** The state the cluster resource manager works towards. */
  Optional<String> crmState();

  /** The state requested for a service. */
  Optional<String> requestState();

  /** Whether the cluster is quorate (quorum entry). */
  Optional<Boolean> quorate();

  /** When a master or LRM last reported. */
  Optional<Instant> timestamp();

  /** The entry as received. */
  @Value.Auxiliary
  JsonNode raw();
}
