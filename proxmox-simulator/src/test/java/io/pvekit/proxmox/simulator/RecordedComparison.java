package io.pvekit.proxmox.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares an answer with a recorded body at every level: objects key by key, arrays element by
 * element (matched by {@code type} where that names a kind, else by {@code status}, else by
 * position), maps keyed by names value against value, and every value's JSON type and string
 * format.
 */
final class RecordedComparison {
  /** Fixtures whose array elements are told apart by {@code type} (a resource or entry kind). */
  private static final Set<String> TYPED =
      Set.of(
          "cluster-resources.json",
          "vm-list.cluster-resources-type-vm.pve8.json",
          "cluster-status.json",
          "node-network.json",
          "storage-config-list.json",
          "node-storage.json");

  /** Objects keyed by device or parameter name: compared value against value, not by key. */
  private static final Set<String> MAPS = Set.of("data.blockstat", "data.nics", "errors");

  private static final Map<String, Pattern> STRING_FORMATS = stringFormats();

  private RecordedComparison() {}

  /**
   * Adds every difference to {@code out}.
   *
   * @param skip recorded paths not modelled ({@code data.x}, {@code data[].y}, {@code
   *     data[type=nfs]})
   */
  static void walk(
      String fixture,
      String path,
      JsonNode recorded,
      JsonNode ours,
      Set<String> skip,
      List<String> out) {
    String where = fixture + " " + (path.isEmpty() ? "(body)" : path);
    if (skip.contains(path)
        || skip.contains(path.replaceFirst("^data\\.", ""))
        || skip.contains(path.replaceFirst("^data", ""))) {
      return;
    }
    if (ours == null || ours.isMissingNode()) {
      out.add(where + ": missing");
      return;
    }
    if (recorded.isObject()) {
      if (!ours.isObject()) {
        out.add(where + ": object recorded, answered " + ours.getNodeType());
        return;
      }
      if (MAPS.contains(path) || fixture.equals("access-permissions.json") && path.equals("data")) {
        // keys are names (devices, parameters, ACL paths): every recorded value against ours
        if (ours.isEmpty()) {
          out.add(where + ": recorded " + recorded.size() + " entries, answered none");
          return;
        }
        JsonNode sample = ours.elements().next();
        recorded
            .properties()
            .forEach(p -> walk(fixture, path + ".*", p.getValue(), sample, skip, out));
        return;
      }
      recorded
          .properties()
          .forEach(
              p ->
                  walk(
                      fixture,
                      join(path, p.getKey()),
                      p.getValue(),
                      ours.get(p.getKey()),
                      skip,
                      out));
    } else if (recorded.isArray()) {
      if (!ours.isArray()) {
        out.add(where + ": array recorded, answered " + ours.getNodeType());
        return;
      }
      if (recorded.isEmpty()) {
        return;
      }
      if (ours.isEmpty()) {
        out.add(where + ": recorded " + recorded.size() + " elements, answered none");
        return;
      }
      for (int i = 0; i < recorded.size(); i++) {
        JsonNode element = recorded.get(i);
        if (TYPED.contains(fixture) && element.has("type")) {
          String typed = path + "[type=" + element.get("type").asText() + "]";
          if (skip.contains(typed)) {
            continue;
          }
          if (!hasType(ours, element.get("type"))) {
            out.add(where + ": no answered element of type " + element.get("type"));
            continue;
          }
        }
        JsonNode match =
            TYPED.contains(fixture) ? counterpart(element, ours, i) : sameStatus(element, ours, i);
        walk(fixture, path + "[]", element, match, skip, out);
      }
    } else {
      String problem = valueProblem(recorded, ours);
      if (problem != null) {
        out.add(where + ": " + problem);
      }
    }
  }

  /** A guest or task list: the answered element in the same state, else by position. */
  private static JsonNode sameStatus(JsonNode recorded, JsonNode answered, int index) {
    if (recorded.has("status")) {
      for (JsonNode candidate : answered) {
        if (candidate.path("status").equals(recorded.get("status"))) {
          return candidate;
        }
      }
    }
    return answered.get(Math.min(index, answered.size() - 1));
  }

  private static boolean hasType(JsonNode answered, JsonNode type) {
    for (JsonNode candidate : answered) {
      if (candidate.path("type").equals(type)) {
        return true;
      }
    }
    return false;
  }

  /** The answered element to compare a recorded one with: same {@code type}, else by position. */
  private static JsonNode counterpart(JsonNode recorded, JsonNode answered, int index) {
    if (recorded.has("type")) {
      for (JsonNode candidate : answered) {
        if (candidate.path("type").equals(recorded.get("type"))) {
          return candidate;
        }
      }
    }
    return answered.get(Math.min(index, answered.size() - 1));
  }

  private static String valueProblem(JsonNode recorded, JsonNode ours) {
    if (recorded.isNull()) {
      return ours.isNull() ? null : "null recorded, answered " + ours;
    }
    if (recorded.isIntegralNumber()) {
      // Perl writes a load of zero as 0; a non-zero load of ours is a float, as PVE's would be
      boolean zeroLoad =
          recorded.asLong() == 0 && ours.isFloatingPointNumber() && ours.asDouble() != 0;
      return ours.isIntegralNumber() || zeroLoad
          ? null
          : "integer recorded (" + recorded + "), answered " + ours;
    }
    if (recorded.isNumber()) {
      return ours.isNumber() ? null : "number recorded, answered " + ours;
    }
    if (recorded.isBoolean()) {
      return ours.isBoolean() ? null : "JSON boolean recorded, answered " + ours;
    }
    if (!ours.isTextual()) {
      return "string recorded (" + recorded + "), answered " + ours;
    }
    String expected = formatOf(recorded.asText());
    String actual = formatOf(ours.asText());
    return expected.equals("text") || expected.equals(actual)
        ? null
        : "string format "
            + expected
            + " recorded ("
            + recorded
            + "), answered "
            + actual
            + " ("
            + ours
            + ")";
  }

  private static String formatOf(String value) {
    for (Map.Entry<String, Pattern> f : STRING_FORMATS.entrySet()) {
      if (f.getValue().matcher(value).matches()) {
        return f.getKey();
      }
    }
    return "text";
  }

  private static Map<String, Pattern> stringFormats() {
    Map<String, Pattern> formats = new java.util.LinkedHashMap<>();
    formats.put("integer-string", Pattern.compile("-?\\d+"));
    formats.put("decimal-string", Pattern.compile("-?\\d+\\.\\d+"));
    formats.put(
        "upid",
        Pattern.compile("UPID:[^:]+:[0-9A-F]{8}:[0-9A-F]{8}:[0-9A-F]{8}:[^:]*:[^:]*:[^:]+:[^:]*"));
    formats.put("fingerprint", Pattern.compile("([0-9A-F]{2}:){31}[0-9A-F]{2}"));
    formats.put("mac", Pattern.compile("(?i)([0-9a-f]{2}:){5}[0-9a-f]{2}"));
    formats.put("ipv4", Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}"));
    formats.put("ipv4-cidr", Pattern.compile("(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}"));
    formats.put(
        "uuid",
        Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
    formats.put("hex-digest", Pattern.compile("[0-9a-f]{32,64}"));
    formats.put("volid", Pattern.compile("[a-zA-Z][\\w.-]*:[^=,\\s]+"));
    formats.put(
        "property-string",
        Pattern.compile("[^=,\\s]+=[^,]*(,[^=,\\s]+=[^,]*)*|[^=,\\s]+(,[^=,\\s]+=[^,]*)+"));
    return formats;
  }

  private static String join(String path, String key) {
    return path.isEmpty() ? key : path + "." + key;
  }
}
