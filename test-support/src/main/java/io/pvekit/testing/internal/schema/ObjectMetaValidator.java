package io.pvekit.testing.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code metadata} as the API server checks it on a custom resource and on an embedded resource:
 * the ObjectMeta fields only (others are dropped when decoding), names, labels and annotations.
 */
final class ObjectMetaValidator {
  private static final Set<String> FIELDS =
      Set.of(
          "name",
          "generateName",
          "namespace",
          "selfLink",
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "labels",
          "annotations",
          "ownerReferences",
          "finalizers",
          "managedFields");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  private static final Pattern DNS1123_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
  private static final Pattern QUALIFIED_NAME =
      Pattern.compile("^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$");
  private static final Pattern LABEL_VALUE =
      Pattern.compile("^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$");
  private static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

  private ObjectMetaValidator() {}

  /**
   * Checks {@code metadata} at {@code path}.
   *
   * @param nameRequired whether a name (or generateName) must be given, as on a top-level object
   */
  static void validate(JsonNode meta, String path, boolean nameRequired, List<String> errors) {
    if (meta == null || meta.isMissingNode() || meta.isNull()) {
      if (nameRequired) {
        errors.add(path + ".name: Required value: name or generateName is required");
      }
      return;
    }
    if (!meta.isObject()) {
      errors.add(path + ": must be of type object");
      return;
    }
    Iterator<String> names = meta.fieldNames();
    while (names.hasNext()) {
      String field = names.next();
      if (!FIELDS.contains(field)) {
        errors.add(path + "." + field + ": unknown field, the API server would prune it");
      }
    }
    JsonNode name = meta.get("name");
    if (name != null && !name.isNull()) {
      checkSubdomain(name, path + ".name", errors);
    } else if (nameRequired && !meta.hasNonNull("generateName")) {
      errors.add(path + ".name: Required value: name or generateName is required");
    }
    JsonNode namespace = meta.get("namespace");
    if (namespace != null && !namespace.isNull()) {
      if (!namespace.isTextual()
          || namespace.asText().length() > 63
          || !DNS1123_LABEL.matcher(namespace.asText()).matches()) {
        errors.add(path + ".namespace: Invalid value: " + namespace + ": must be a DNS-1123 label");
      }
    }
    checkStringMap(meta.get("labels"), path + ".labels", true, errors);
    checkStringMap(meta.get("annotations"), path + ".annotations", false, errors);
  }

  private static void checkSubdomain(JsonNode name, String path, List<String> errors) {
    String text = name.asText();
    if (!name.isTextual() || text.length() > 253 || !DNS1123_SUBDOMAIN.matcher(text).matches()) {
      errors.add(
          path
              + ": Invalid value: "
              + name
              + ": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric"
              + " characters, '-' or '.', and must start and end with an alphanumeric character");
    }
  }

  private static void checkStringMap(
      JsonNode map, String path, boolean labels, List<String> errors) {
    if (map == null || map.isNull()) {
      return;
    }
    if (!map.isObject()) {
      errors.add(path + ": must be of type object");
      return;
    }
    int bytes = 0;
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      String key = e.getKey();
      String at = path + "[" + key + "]";
      if (!isQualifiedKey(key)) {
        errors.add(
            at
                + ": Invalid value: \""
                + key
                + "\": name part must consist of alphanumeric"
                + " characters, '-', '_' or '.', with an optional DNS subdomain prefix and '/'");
      }
      if (!e.getValue().isTextual()) {
        errors.add(at + ": must be of type string");
        continue;
      }
      String value = e.getValue().asText();
      bytes += key.getBytes(StandardCharsets.UTF_8).length;
      bytes += value.getBytes(StandardCharsets.UTF_8).length;
      if (labels && (value.length() > 63 || !LABEL_VALUE.matcher(value).matches())) {
        errors.add(
            at
                + ": Invalid value: \""
                + value
                + "\": a valid label must be an empty string"
                + " or consist of at most 63 alphanumeric characters, '-', '_' or '.'");
      }
    }
    if (!labels && bytes > ANNOTATIONS_MAX_BYTES) {
      errors.add(path + ": Too long: may not be more than 262144 bytes");
    }
  }

  private static boolean isQualifiedKey(String key) {
    String name = key;
    int slash = key.indexOf('/');
    if (slash >= 0) {
      String prefix = key.substring(0, slash);
      name = key.substring(slash + 1);
      if (prefix.isEmpty()
          || prefix.length() > 253
          || !DNS1123_SUBDOMAIN.matcher(prefix).matches()) {
        return false;
      }
    }
    return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
  }
}
