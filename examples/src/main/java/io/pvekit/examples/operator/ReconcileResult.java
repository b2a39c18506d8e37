package io.pvekit.examples.operator;

import java.util.List;

/**
 * What one reconcile did, for the log and {@code pvekit operator run --once}.
 *
 * @param request kind and name of the request
 * @param phase the phase in its status, or {@code Error} when the reconcile failed
 * @param changed what was created or updated, empty when nothing changed
 * @param note why something was not done, or the error; null when there is nothing to add
 */
public record ReconcileResult(String request, String phase, List<String> changed, String note) {
  @Override
  public String toString() {
    return request
        + ": "
        + phase
        + (changed.isEmpty() ? ", nothing to change" : ", " + String.join(", ", changed))
        + (note == null ? "" : " (" + note + ")");
  }
}
