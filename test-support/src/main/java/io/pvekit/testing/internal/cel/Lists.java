package io.pvekit.testing.internal.cel;

import java.util.List;

/** Kubernetes' CEL list library: {@code isSorted}, {@code sum}, {@code min}, {@code max}. */
final class Lists {
  private Lists() {}

  static boolean isSorted(List<?> list) {
    for (int i = 1; i < list.size(); i++) {
      if (compare(list.get(i - 1), list.get(i)) > 0) {
        return false;
      }
    }
    return true;
  }

  static Object sum(List<?> list) {
    if (list.isEmpty()) {
      return 0L;
    }
    if (list.get(0) instanceof Double) {
      double total = 0;
      for (Object o : list) {
        total += (Double) o;
      }
      return total;
    }
    long total = 0;
    for (Object o : list) {
      total = Math.addExact(total, (Long) o);
    }
    return total;
  }

  static Object extreme(List<?> list, int direction) {
    if (list.isEmpty()) {
      throw new IllegalArgumentException((direction < 0 ? "min" : "max") + " of an empty list");
    }
    Object best = list.get(0);
    for (Object o : list) {
      if (compare(o, best) * direction > 0) {
        best = o;
      }
    }
    return best;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return Double.compare(x.doubleValue(), y.doubleValue());
    }
    if (a instanceof Comparable c && a.getClass() == b.getClass()) {
      return c.compareTo(b);
    }
    throw new IllegalArgumentException("no ordering between " + a + " and " + b);
  }
}
