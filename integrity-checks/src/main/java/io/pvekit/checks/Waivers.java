package io.pvekit.checks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an exceptions file (YAML or JSON):
 *
 * <pre>
 * exceptions:
 *   - check: operators.mariadb-available
 *     scope: "pod mariadb-operator/*"
 *     reason: registry migration, OPS-123
 *     expires: 2026-12-31
 * </pre>
 */
public final class Waivers {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Waivers() {}

  /**
   * Reads the file.
   *
   * @param file the exceptions file
   * @return the exceptions
   * @throws IOException when it cannot be read
   * @throws IllegalArgumentException naming the entry and field that is wrong
   */
  public static List<Waiver> load(Path file) throws IOException {
    return parse(Files.readString(file), file.toString());
  }

  /**
   * Parses exceptions from text.
   *
   * @param text YAML or JSON
   * @param source where it came from, for messages
   * @return the exceptions
   * @throws IllegalArgumentException naming the entry and field that is wrong
   */
  public static List<Waiver> parse(String text, String source) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(
          source + ": not YAML or JSON: " + e.getMessage().lines().findFirst().orElse(""));
    }
    JsonNode list = root == null ? null : root.get("exceptions");
    if (list == null || !list.isArray()) {
      throw new IllegalArgumentException(source + ": needs a list 'exceptions:'");
    }
    List<Waiver> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode e = list.get(i);
      String where = source + ": exceptions[" + i + "]";
      try {
        ImmutableWaiver.Builder b =
            Waiver.builder()
                .check(text(e, "check", where))
                .reason(text(e, "reason", where))
                .expires(LocalDate.parse(text(e, "expires", where)));
        if (e.hasNonNull("scope")) {
          b.scope(e.get("scope").asText());
        }
        out.add(b.build());
      } catch (DateTimeParseException ex) {
        throw new IllegalArgumentException(
            where + ".expires: '" + e.path("expires").asText() + "' is not a date (YYYY-MM-DD)",
            ex);
      }
    }
    return out;
  }

  private static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull() || v.asText().isBlank()) {
      throw new IllegalArgumentException(where + "." + field + ": is missing");
    }
    return v.asText();
  }
}
