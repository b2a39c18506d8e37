package io.pvekit.runtime.internal;

import tools.jackson.databind.node.ArrayNode;

/** One admission answer before it becomes an AdmissionReview. */
public record Verdict(boolean allowed, String message, ArrayNode patch) {
  public static Verdict allow(String message) {
    return new Verdict(true, message, null);
  }

  public static Verdict patch(String message, ArrayNode patch) {
    return new Verdict(true, message, patch);
  }

  public static Verdict deny(String message) {
    return new Verdict(false, message, null);
  }
}
