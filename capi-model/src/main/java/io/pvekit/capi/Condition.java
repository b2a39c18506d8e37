package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A status condition as the controllers write it. Covers both shapes: Kubernetes {@code
 * metav1.Condition} (Cluster API v1beta2, Kamaji) and the Cluster API v1beta1 condition, which adds
 * {@code severity}.
 *
 * @param type the condition type, for example {@code Ready} or {@code Available}
 * @param status {@code True}, {@code False} or {@code Unknown}
 * @param severity v1beta1 only: {@code Error}, {@code Warning} or {@code Info}
 * @param reason a CamelCase reason
 * @param message a human-readable message
 * @param lastTransitionTime an RFC 3339 time
 * @param observedGeneration the generation the condition was computed for
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Condition(
    String type,
    String status,
    String severity,
    String reason,
    String message,
    String lastTransitionTime,
    Long observedGeneration) {

  /**
   * Whether the status is {@code True}.
   *
   * @return true when the condition holds
   */
  public boolean isTrue() {
    return "True".equals(status);
  }
}
