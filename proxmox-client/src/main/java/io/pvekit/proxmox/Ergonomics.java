package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;
import java.util.Optional;

/** Decoders and helpers shared by the hand-written provisioning calls. */
final class Ergonomics {
  private Ergonomics() {}

  static List<PendingChange> pending(JsonNode d) {
    return Decode.list(
        d,
        e ->
            ImmutablePendingChange.builder()
                .key(Json.requiredText(e, "key", "pending entry"))
                .value(Json.text(e, "value"))
                .pending(Json.text(e, "pending"))
                .deletePending(Json.integer(e, "delete").orElse(0L) != 0)
                .build());
  }

  /** A task id where PVE 8+ starts a task and older versions answer {@code null}. */
  static Optional<Task> optionalTask(Transport transport, JsonNode d, String what) {
    return d != null && d.isTextual()
        ? Optional.of(Task.from(transport, d, what))
        : Optional.empty();
  }

  static JsonNode object(JsonNode d, String what) {
    if (d == null || !d.isObject()) {
      throw new IllegalArgumentException(what + ": expected an object");
    }
    return d;
  }
}
