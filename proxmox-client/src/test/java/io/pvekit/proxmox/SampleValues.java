package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Values for every parameter of a generated request, chosen from the parameter's schema facts so
 * that the setters' own checks accept them: the minimum of a range, the first enum value of the
 * version at hand, a string from a list of candidates that matches the pattern and length, a
 * property string with every key of its format set.
 */
final class SampleValues {
  /** Strings by named format, tried first. */
  private static final Map<String, String> BY_FORMAT =
      Map.ofEntries(
          Map.entry("pve-node", "pve1"),
          Map.entry("pve-storage-id", "local"),
          Map.entry("pve-configid", "snap1"),
          Map.entry("pve-userid", "ci@pve"),
          Map.entry("pve-poolid", "pool1"),
          Map.entry("pve-realm", "pve"),
          Map.entry("pve-groupid", "admins"),
          Map.entry("pve-roleid", "Auditor1"),
          Map.entry("email", "ci@example.org"),
          Map.entry("email-opt", "ci@example.org"),
          Map.entry("email-or-username", "ci@example.org"),
          Map.entry("ip", "10.0.0.1"),
          Map.entry("ipv4", "10.0.0.1"),
          Map.entry("ipv6", "fd00::1"),
          Map.entry("address", "10.0.0.1"),
          Map.entry("CIDR", "10.0.0.0/24"),
          Map.entry("IPorCIDR", "10.0.0.0/24"),
          Map.entry("cidrv4", "10.0.0.0/24"),
          Map.entry("mac-addr", "BC:24:11:30:AD:93"),
          Map.entry("dns-name", "example.org"),
          Map.entry("pve-calendar-event", "daily"),
          Map.entry("pve-volume-id", "local:100/vm-100-disk-0.raw"),
          Map.entry("pve-iface", "eth0"),
          Map.entry("pve-priv-list", "VM.Audit"),
          Map.entry("pve-storage-content", "images"),
          Map.entry("pve-storage-content-list", "images"));

  /** Strings tried in order when no named format decides. */
  private static final List<String> CANDIDATES =
      List.of(
          "abc",
          "a1",
          "test1",
          "vmbr0",
          "1",
          "10.0.0.1",
          "10.0.0.0/24",
          "x",
          "A",
          "aa:bb",
          "/a",
          "a@b.c",
          "01:02",
          "0000:01:00.0",
          "1.2.3",
          "ab-cd",
          "a.b",
          "a_b",
          "ABC",
          "65000:1",
          "49.0001.1921.6800.1002.00",
          "1-2",
          "*/5",
          "0",
          "dhcp",
          "a=b",
          "none",
          "mon",
          "now",
          "socket",
          "scsi0",
          "/dev/sda",
          "/dev/parport0",
          "net0=1500",
          "2026-01-01",
          "100-0",
          "pve1c-0123456789",
          "/var/tmp/pveupload-0a",
          "https://example.org/x",
          "http://proxy.example.org:3128",
          "AA:".repeat(31) + "AA");

  private SampleValues() {}

  /** The setter of a builder for a parameter, preferring the richest type among overloads. */
  static Method setter(Class<?> builder, String javaName, boolean indexed) {
    Method best = null;
    int bestRank = Integer.MAX_VALUE;
    for (Method m : builder.getMethods()) {
      if (!m.getName().equals(javaName) || m.getParameterCount() != (indexed ? 2 : 1)) {
        continue;
      }
      int rank = rank(m.getParameterTypes()[indexed ? 1 : 0]);
      if (rank < bestRank) {
        best = m;
        bestRank = rank;
      }
    }
    return best;
  }

  private static int rank(Class<?> type) {
    if (PropertyStringValue.class.isAssignableFrom(type) || isOptions(type)) {
      return 0;
    }
    if (type.isEnum() || type == boolean.class || type == long.class || type == double.class) {
      return 1;
    }
    if (type == List.class || type == Map.class) {
      return 2;
    }
    if (type == String.class) {
      return 3;
    }
    return 9; // VmId, PropertyString: other ways to say the same
  }

  /**
   * Sets one parameter on a builder.
   *
   * @return null when set, else why not
   */
  static String set(Object builder, Method setter, JsonNode spec, boolean indexed) {
    Type type = setter.getGenericParameterTypes()[indexed ? 1 : 0];
    List<Object> tries = candidates(setter.getParameterTypes()[indexed ? 1 : 0], type, spec);
    RuntimeException last = null;
    for (Object value : tries) {
      try {
        if (indexed) {
          setter.invoke(builder, 0, value);
        } else {
          setter.invoke(builder, value);
        }
        return null;
      } catch (java.lang.reflect.InvocationTargetException e) {
        last = (RuntimeException) e.getCause();
      } catch (IllegalAccessException e) {
        throw new AssertionError(e);
      }
    }
    return "no sample value accepted"
        + (last == null ? " (no candidates)" : ": " + last.getMessage());
  }

  private static List<Object> candidates(Class<?> raw, Type type, JsonNode spec) {
    List<Object> out = new ArrayList<>();
    if (raw == boolean.class) {
      out.add(true);
    } else if (raw == long.class) {
      out.add(integer(spec));
    } else if (raw == double.class) {
      out.add(spec.has("minimum") ? spec.get("minimum").asDouble() : 1.0);
    } else if (raw.isEnum()) {
      for (Object constant : raw.getEnumConstants()) {
        if (inEnum(spec, wire(constant))) {
          out.add(constant);
          break;
        }
      }
    } else if (raw == QemuNet.class) {
      out.add(QemuNet.parse("virtio=BC:24:11:30:AD:93,bridge=vmbr0,firewall=1"));
    } else if (raw == QemuDisk.class) {
      out.add(QemuDisk.parse("local-lvm:vm-100-disk-0,size=32G"));
    } else if (raw == IpConfig.class) {
      out.add(IpConfig.parse("ip=10.0.0.5/24,gw=10.0.0.1"));
    } else if (raw == LxcNet.class) {
      out.add(LxcNet.parse("name=eth0,bridge=vmbr0,ip=dhcp"));
    } else if (raw == LxcRootFs.class) {
      out.add(LxcRootFs.parse("local-lvm:8"));
    } else if (raw == LxcMountPoint.class) {
      out.add(LxcMountPoint.parse("local-lvm:8,mp=/data"));
    } else if (raw == LxcFeatures.class) {
      out.add(LxcFeatures.parse("nesting=1"));
    } else if (raw == List.class) {
      Type item = ((ParameterizedType) type).getActualTypeArguments()[0];
      JsonNode items = spec.path("items");
      if (item == Long.class) {
        out.add(List.of(integer(items)));
      } else {
        for (String s : strings(items)) {
          out.add(List.of(s));
        }
      }
    } else if (isOptions(raw)) {
      out.add(options(raw, spec.get("format")));
    } else if (raw == Map.class) {
      out.add(propertyString(spec.get("format")));
    } else if (raw == String.class) {
      out.addAll(strings(spec));
    }
    return out;
  }

  /** A generated options class of a property string: {@code builder()} and {@code options()}. */
  private static boolean isOptions(Class<?> type) {
    try {
      return type.getMethod("options").getReturnType() == Map.class
          && java.lang.reflect.Modifier.isStatic(type.getMethod("builder").getModifiers());
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  /** The options class with every (non-alias) key of the format set through its typed setters. */
  private static Object options(Class<?> type, JsonNode format) {
    try {
      Object builder = type.getMethod("builder").invoke(null);
      for (Map.Entry<String, JsonNode> key : format.properties()) {
        if (key.getValue().has("alias")) {
          continue;
        }
        Method setter =
            setter(builder.getClass(), io.pvekit.codegen.Names.lowerCamel(key.getKey()), false);
        if (setter == null) {
          throw new AssertionError(type.getName() + " has no setter for the key " + key.getKey());
        }
        String problem = set(builder, setter, key.getValue(), false);
        if (problem != null && key.getValue().path("optional").asInt(0) == 0) {
          throw new AssertionError(type.getName() + "." + key.getKey() + ": " + problem);
        }
      }
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static long integer(JsonNode spec) {
    if (spec.has("minimum")) {
      return spec.get("minimum").asLong();
    }
    return spec.has("maximum") ? Math.min(1, spec.get("maximum").asLong()) : 1;
  }

  static boolean inEnum(JsonNode spec, String value) {
    for (JsonNode v : spec.path("enum")) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String wire(Object constant) {
    try {
      return (String) constant.getClass().getMethod("wire").invoke(constant);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  /** Strings for a schema: its enum, its named format's sample, then the candidates that fit. */
  private static List<String> strings(JsonNode spec) {
    List<String> out = new ArrayList<>();
    if (spec.path("enum").size() > 0) {
      out.add(spec.get("enum").get(0).asText());
      return out;
    }
    if (spec.path("default").isTextual() && fits(spec, spec.get("default").asText())) {
      out.add(spec.get("default").asText());
    }
    String format = spec.path("format").asText("");
    if (BY_FORMAT.containsKey(format)) {
      out.add(BY_FORMAT.get(format));
    }
    for (String c : CANDIDATES) {
      if (fits(spec, c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static boolean fits(JsonNode spec, String value) {
    if (spec.has("maxLength") && value.length() > spec.get("maxLength").asInt()
        || value.length() < spec.path("minLength").asInt(0)) {
      return false;
    }
    if (!spec.has("pattern")) {
      return true;
    }
    try {
      return Pattern.compile(spec.get("pattern").asText()).matcher(value).matches();
    } catch (PatternSyntaxException perlOnly) {
      return true;
    }
  }

  /** Every (non-alias) key of a property-string format with a value its facts accept. */
  private static Map<String, String> propertyString(JsonNode format) {
    Map<String, String> out = new LinkedHashMap<>();
    format
        .properties()
        .forEach(
            e -> {
              JsonNode key = e.getValue();
              if (key.has("alias")) {
                return;
              }
              String value =
                  switch (key.path("type").asText("string")) {
                    case "boolean" -> "1";
                    case "integer" -> Long.toString(integer(key));
                    case "number" -> key.has("minimum") ? key.get("minimum").asText() : "1";
                    default -> strings(key).stream().findFirst().orElse(null);
                  };
              if (value != null) {
                out.put(e.getKey(), value);
              }
            });
    return out;
  }
}
