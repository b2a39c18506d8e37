package io.pvekit.runtime.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Ordered maps and lists for building unstructured objects; null values are left out. */
public final class Maps {
  private Maps() {}

  /** A map of key-value pairs, in order, without the null values. */
  public static Map<String, Object> of(Object... pairs) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        map.put((String) pairs[i], pairs[i + 1]);
      }
    }
    return map;
  }

  /** A mutable list. */
  public static List<Object> list(Object... items) {
    List<Object> list = new ArrayList<>();
    for (Object o : items) {
      list.add(o);
    }
    return list;
  }

  /** Null for an empty map, so optional fields are left out. */
  public static <V> Map<String, V> orNull(Map<String, V> map) {
    return map == null || map.isEmpty() ? null : map;
  }

  /** Null for an empty list. */
  public static <T> List<T> orNull(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  /** The value at a dotted path of nested maps ({@code spec.affinity.nodeSelector}), or null. */
  public static Object at(Map<String, Object> root, String path) {
    Object current = root;
    for (String part : path.split("\\.")) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<?, ?>) current).get(part);
    }
    return current;
  }
}
