package io.pvekit.runtime.internal;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** The scheduler's label and taint rules, for nodes the engine considers. */
public final class Scheduling {
  private Scheduling() {}

  /** Every selector entry is a node label with the same value. */
  public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
    for (Map.Entry<String, String> e : selector.entrySet()) {
      if (!e.getValue().equals(labels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** Every NoSchedule/NoExecute taint is tolerated (PreferNoSchedule does not block). */
  public static boolean toleratesAll(List<Toleration> tolerations, List<Taint> taints) {
    for (Taint taint : taints) {
      if ("PreferNoSchedule".equals(taint.getEffect())) {
        continue;
      }
      boolean tolerated = false;
      for (Toleration t : tolerations) {
        if (tolerates(t, taint)) {
          tolerated = true;
          break;
        }
      }
      if (!tolerated) {
        return false;
      }
    }
    return true;
  }

  static boolean tolerates(Toleration t, Taint taint) {
    if (t.getEffect() != null
        && !t.getEffect().isEmpty()
        && !t.getEffect().equals(taint.getEffect())) {
      return false;
    }
    boolean exists = "Exists".equals(t.getOperator());
    if (t.getKey() == null || t.getKey().isEmpty()) {
      return exists;
    }
    if (!t.getKey().equals(taint.getKey())) {
      return false;
    }
    return exists
        || String.valueOf(t.getValue()).equals(String.valueOf(taint.getValue()))
        || (t.getValue() == null && (taint.getValue() == null || taint.getValue().isEmpty()));
  }
}
