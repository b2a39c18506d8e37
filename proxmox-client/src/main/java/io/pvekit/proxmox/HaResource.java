package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /cluster/ha/resources}: a guest the HA manager keeps in a state. */
@Value.Immutable
public interface HaResource {
  /** {@code vm:100} or {@code ct:200}. */
  String sid();

  /** {@code vm} or {@code ct}. */
  String type();

  /** The requested state: {@code started}, {@code stopped}, {@code ignored}, {@code disabled}. */
  String state();

  Optional<String> comment();

  /** The HA group (PVE 8; PVE 9 uses rules instead). */
  Optional<String> group();

  /** How often to restart it on the same node before relocating. */
  Optional<Long> maxRestart();

  /** How often to relocate it before giving up. */
  Optional<Long> maxRelocate();

  /** Whether it moves back to a preferred node when that node returns. */
  Optional<Boolean> failback();

  Optional<String> digest();

  /** The entry as received. */
  @Value.Auxiliary
  JsonNode raw();
}
