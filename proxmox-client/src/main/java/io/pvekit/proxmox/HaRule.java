package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /cluster/ha/rules} (PVE 9): a node- or resource-affinity rule. */
@Value.Immutable
public interface HaRule {
  /** The rule id. */
  String rule();

  /** {@code node-affinity} or {@code resource-affinity}. */
  String type();

  /** The HA resources it binds, e.g. {@code vm:100}. */
  List<String> resources();

  /** The nodes of a node-affinity rule, with priorities as {@code pve1:2}. */
  List<String> nodes();

  /** Whether a node-affinity rule allows only its nodes. */
  boolean strict();

  /** {@code positive} (together) or {@code negative} (apart) for resource affinity. */
  Optional<String> affinity();

  /** Whether the rule is disabled. */
  boolean disabled();

  Optional<String> comment();

  Optional<String> digest();

  /** The entry as received. */
  @Value.Auxiliary
  JsonNode raw();
}
