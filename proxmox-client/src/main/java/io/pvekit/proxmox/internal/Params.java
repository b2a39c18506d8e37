package io.pvekit.proxmox.internal;

import io.pvekit.proxmox.PropertyStringValue;
import io.pvekit.proxmox.Secret;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Turns parameter values into PVE's wire text: booleans 1/0, property-string values and ids by
 * their wire form, secrets revealed only here, collections as repeated parameters (PVE reads a
 * repeated key as an array).
 */
public final class Params {
  private Params() {}

  public static void forEachWireValue(Map<String, Object> params, BiConsumer<String, String> sink) {
    for (Map.Entry<String, Object> param : params.entrySet()) {
      for (String value : wireValues(param.getValue())) {
        sink.accept(param.getKey(), value);
      }
    }
  }

  static List<String> wireValues(Object value) {
    if (value instanceof Collection<?> items) {
      List<String> out = new ArrayList<>();
      for (Object item : items) {
        out.add(wire(item));
      }
      return out;
    }
    return List.of(wire(value));
  }

  public static String wire(Object value) {
    if (value instanceof Boolean b) {
      return b ? "1" : "0";
    }
    if (value instanceof Secret s) {
      return s.reveal();
    }
    if (value instanceof PropertyStringValue v) {
      return v.format();
    }
    if (value instanceof Enum<?> e && e instanceof WireValue w) {
      return w.wire();
    }
    return String.valueOf(value);
  }

  /** An enum with a wire name that differs from its Java name. */
  public interface WireValue {
    String wire();
  }
}
