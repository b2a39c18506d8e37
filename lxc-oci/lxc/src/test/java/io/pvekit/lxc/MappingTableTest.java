package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's mapping table and the translator agree: every field path the table names is a field
 * the translator reports for the test fixtures (which together use every field of runtime-spec
 * 1.2), and every field the translator reports is covered by a row of the table.
 */
class MappingTableTest {
  @TempDir Path bundle;

  private List<String> reportedFields() throws Exception {
    Files.createDirectories(bundle.resolve("rootfs"));
    Files.createDirectories(bundle.resolve("srv/data"));
    Files.writeString(bundle.resolve("hosts"), "127.0.0.1 localhost\n");
    List<String> fields = new ArrayList<>();
    for (String fixture : new String[] {"full-config.json", "edge-config.json"}) {
      OciSpec spec = OciSpec.parse(OciSpecTest.resource(fixture));
      for (CgroupLayout layout : CgroupLayout.values()) {
        TranslationOptions options =
            TranslationOptions.builder()
                .bundle(bundle)
                .containerName("c")
                .cgroupLayout(layout)
                .stateDirectory(bundle.resolve("state"))
                .addHookRunner("/usr/bin/runner")
                .build();
        LxcTranslator.explain(spec, options).mappings().forEach(m -> fields.add(m.field()));
      }
    }
    return fields.stream().distinct().collect(Collectors.toList());
  }

  private static final Pattern TOP_LEVEL =
      Pattern.compile(
          "^(ociVersion|root|hostname|domainname|mounts|process|hooks|annotations|linux)\\b");

  private static List<Pattern> tableFields() throws Exception {
    String readme = Files.readString(Path.of("README.md"));
    String table =
        readme.substring(
            readme.indexOf("<!-- mapping-table:start -->"),
            readme.indexOf("<!-- mapping-table:end -->"));
    List<Pattern> patterns = new ArrayList<>();
    for (String row : table.split("\n")) {
      if (!row.startsWith("| `") && !row.startsWith("| unknown")) {
        continue;
      }
      String cell = row.substring(2, row.indexOf(" | "));
      Matcher code = Pattern.compile("`([^`]+)`").matcher(cell);
      String previous = null;
      while (code.find()) {
        String token = code.group(1);
        String path;
        if (TOP_LEVEL.matcher(token).find()) {
          path = token;
        } else if (previous != null
            && (token.startsWith(".")
                || token.contains("[]")
                || !token.equals(token.toLowerCase()))) {
          // a sibling of the previous path: `.gid` after `process.user.uid`, `gidMappings[]`
          String parent = previous.substring(0, previous.lastIndexOf('.') + 1);
          path = parent + (token.startsWith(".") ? token.substring(1) : token);
        } else {
          continue; // a value such as `bind` or `/dev`, not a field
        }
        previous = path;
        for (String expanded : expand(path)) {
          patterns.add(toPattern(expanded));
        }
      }
    }
    return patterns;
  }

  /** Expands {A,B} alternatives. */
  private static List<String> expand(String path) {
    Matcher brace = Pattern.compile("\\{([^}]*)}").matcher(path);
    if (!brace.find()) {
      return List.of(path);
    }
    List<String> out = new ArrayList<>();
    for (String alt : brace.group(1).split(",")) {
      out.addAll(expand(path.substring(0, brace.start()) + alt + path.substring(brace.end())));
    }
    return out;
  }

  /** `linux.resources.devices[]` -> ^\$\.linux\.resources\.devices(\[\d+])?... ; `.<x>` any key. */
  private static Pattern toPattern(String path) {
    String p = path.startsWith(".") ? path.substring(1) : path;
    String regex =
        Pattern.quote("$." + p)
            .replace("[]", "\\E(\\[\\d+])?\\Q")
            .replaceAll("\\.<[a-z]+>", "\\\\E(\\\\..+|\\\\['.+'])\\\\Q");
    return Pattern.compile("^" + regex + "($|[.\\[].*)");
  }

  @Test
  void everyTableFieldIsReportedByTheTranslator() throws Exception {
    List<String> reported = reportedFields();
    for (Pattern pattern : tableFields()) {
      assertThat(reported)
          .as("README row %s has no field the translator reports", pattern)
          .anyMatch(field -> pattern.matcher(field).matches());
    }
  }

  @Test
  void everyReportedFieldHasATableRow() throws Exception {
    List<Pattern> table = tableFields();
    for (String field : reportedFields()) {
      if (field.startsWith("(options)") || field.equals("$.futureField")) {
        continue; // TranslationOptions lines; an unknown property ("unknown properties" row)
      }
      assertThat(table)
          .as("no README row covers %s", field)
          .anyMatch(pattern -> pattern.matcher(field).matches());
    }
  }
}
