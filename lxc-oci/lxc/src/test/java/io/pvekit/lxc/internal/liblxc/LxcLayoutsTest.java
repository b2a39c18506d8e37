package io.pvekit.lxc.internal.liblxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.internal.liblxc.StructLayout.Field;
import io.pvekit.lxc.internal.liblxc.StructLayout.Kind;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The binding's struct layouts against the installed liblxc headers: same fields, same order, same
 * size classes, hence the same offsets the C compiler computes.
 */
class LxcLayoutsTest {
  private static final Path HEADERS = Path.of("/usr/include/lxc");
  private static final Pattern FUNCTION_POINTER = Pattern.compile("\\(\\s*\\*\\s*(\\w+)\\s*\\)");

  @Test
  void offsets_followCAlignment() {
    StructLayout container = LxcLayouts.CONTAINER;
    assertThat(container.offset("name")).isZero();
    assertThat(container.offset("numthreads")).isEqualTo(40);
    assertThat(container.offset("lxc_conf")).isEqualTo(48);
    assertThat(container.offset("error_num")).isEqualTo(64);
    assertThat(container.offset("daemonize")).isEqualTo(68);
    assertThat(container.offset("config_path")).isEqualTo(72);
    assertThat(container.offset("is_defined")).isEqualTo(80);
    assertThat(container.offset("attach")).isEqualTo(368);
    assertThat(LxcLayouts.ATTACH_OPTIONS.offset("personality")).isEqualTo(8);
    assertThat(LxcLayouts.ATTACH_OPTIONS.offset("extra_env_vars")).isEqualTo(40);
    assertThat(LxcLayouts.ATTACH_OPTIONS.offset("stdin_fd")).isEqualTo(56);
    assertThat(LxcLayouts.ATTACH_OPTIONS.offset("lsm_label")).isEqualTo(72);
    assertThat(LxcLayouts.ATTACH_OPTIONS.size()).isEqualTo(96);
    assertThat(LxcLayouts.LOG.size()).isEqualTo(48);
  }

  @Test
  @Requires(Prerequisite.LXC_HEADERS)
  void container_matchesLxccontainerH() throws Exception {
    String header = Files.readString(HEADERS.resolve("lxccontainer.h"));
    assertThat(LxcLayouts.CONTAINER.fields())
        .containsExactlyElementsOf(fields(body(header, "struct lxc_container {")));
  }

  @Test
  @Requires(Prerequisite.LXC_HEADERS)
  void log_matchesLxccontainerH() throws Exception {
    String header = Files.readString(HEADERS.resolve("lxccontainer.h"));
    assertThat(LxcLayouts.LOG.fields())
        .containsExactlyElementsOf(fields(body(header, "struct lxc_log {")));
  }

  @Test
  @Requires(Prerequisite.LXC_HEADERS)
  void attachOptions_matchAttachOptionsH() throws Exception {
    String header = Files.readString(HEADERS.resolve("attach_options.h"));
    assertThat(LxcLayouts.ATTACH_OPTIONS.fields())
        .containsExactlyElementsOf(fields(body(header, "typedef struct lxc_attach_options_t {")));
    assertThat(LxcLayouts.ATTACH_COMMAND.fields())
        .containsExactlyElementsOf(fields(body(header, "typedef struct lxc_attach_command_t {")));
  }

  /** The text between the opening line and its closing brace, comments removed. */
  private static String body(String header, String opening) {
    String code = header.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    int start = code.indexOf(opening);
    assertThat(start).as("%s in header", opening).isNotNegative();
    int depth = 0;
    int from = start + opening.length();
    for (int i = from; i < code.length(); i++) {
      char ch = code.charAt(i);
      if (ch == '{') {
        depth++;
      } else if (ch == '}') {
        if (depth == 0) {
          return code.substring(from, i);
        }
        depth--;
      }
    }
    throw new AssertionError("unbalanced braces after " + opening);
  }

  private static List<Field> fields(String body) {
    List<Field> fields = new ArrayList<>();
    for (String raw : body.replaceAll("\\s+", " ").split(";")) {
      String declaration = raw.trim();
      if (declaration.isEmpty()) {
        continue;
      }
      Matcher function = FUNCTION_POINTER.matcher(declaration);
      if (function.find()) {
        fields.add(new Field(function.group(1), Kind.POINTER));
        continue;
      }
      String[] tokens = declaration.replace("*", " * ").trim().split(" ");
      String name = tokens[tokens.length - 1];
      if (declaration.startsWith("lxc_groups_t ")) {
        fields.add(new Field(name + ".size", Kind.POINTER));
        fields.add(new Field(name + ".list", Kind.POINTER));
      } else if (declaration.contains("*")) {
        fields.add(new Field(name, Kind.POINTER));
      } else {
        fields.add(new Field(name, scalarKind(declaration)));
      }
    }
    return fields;
  }

  private static Kind scalarKind(String declaration) {
    String type = declaration.substring(0, declaration.lastIndexOf(' ')).trim();
    switch (type) {
      case "bool":
        return Kind.BOOL;
      case "int":
      case "pid_t":
      case "uid_t":
      case "gid_t":
      case "lxc_attach_env_policy_t":
        return Kind.INT;
      case "long":
      case "size_t":
        return Kind.POINTER;
      default:
        throw new AssertionError("unknown C type in header: " + declaration);
    }
  }
}
