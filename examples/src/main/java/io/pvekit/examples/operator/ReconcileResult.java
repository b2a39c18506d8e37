package io.pvekit.examples.operator;

import java.util.List;

/**
 * What one reconcile did, for the log and {@code pvekit operator run --once}.
 *
 * @param request kind and name of the request
 * @param phase the phase written into its status
 * @param changed what was created or updated, empty when nothing changed
 */
public record ReconcileResult(String request, String phase, List<String> changed) {
  @Override
  public String toString() {
    return request
        + ": "
        + phase
        + (changed.isEmpty() ? ", nothing to change" : ", " + String.join(", ", changed));
  }
}
