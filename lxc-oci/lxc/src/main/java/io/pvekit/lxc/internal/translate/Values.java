package io.pvekit.lxc.internal.translate;

import io.pvekit.oci.internal.json.OciJson;
import io.pvekit.oci.internal.json.SpecWriter;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Small helpers to display and format values. */
final class Values {
  private static final int MAX_DISPLAY = 120;

  private Values() {}

  static String display(Object value) {
    String text;
    if (value == null) {
      text = "";
    } else if (value instanceof Optional) {
      text = ((Optional<?>) value).map(Values::display).orElse("");
    } else if (value instanceof OptionalLong) {
      OptionalLong v = (OptionalLong) value;
      text = v.isPresent() ? Long.toString(v.getAsLong()) : "";
    } else if (value instanceof OptionalInt) {
      OptionalInt v = (OptionalInt) value;
      text = v.isPresent() ? Integer.toString(v.getAsInt()) : "";
    } else if (value instanceof CharSequence
        || value instanceof Number
        || value instanceof Boolean) {
      text = value instanceof CharSequence ? "\"" + value + "\"" : value.toString();
    } else {
      // model objects, lists and maps as one-line JSON; databind only for a type the writer lacks
      text = oneLine(SpecWriter.write(value).orElseGet(() -> OciJson.write(value)));
    }
    return text.length() > MAX_DISPLAY ? text.substring(0, MAX_DISPLAY - 3) + "..." : text;
  }

  /** Pretty-printed JSON on one line: each line break and the blanks around it become one space. */
  static String oneLine(String json) {
    StringBuilder out = new StringBuilder(json.length());
    int i = 0;
    while (i < json.length()) {
      char c = json.charAt(i);
      if (c == '\n') {
        while (out.length() > 0 && isBlank(out.charAt(out.length() - 1))) {
          out.setLength(out.length() - 1);
        }
        i++;
        while (i < json.length() && isBlank(json.charAt(i))) {
          i++;
        }
        out.append(' ');
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString().trim();
  }

  /** What {@code \s} matches in a regular expression. */
  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /**
   * Quotes one argument for LXC's {@code lxc_string_split_quoted}: words split at white space, a
   * word that starts with a quote runs to the matching quote, and there are no escapes.
   *
   * @return the quoted word, or empty when no quoting can carry it
   */
  static Optional<String> lxcQuote(String arg) {
    if (arg.indexOf('\n') >= 0 || arg.indexOf('\r') >= 0 || arg.indexOf(0) >= 0) {
      // a config line cannot hold it; the runtime passes argv to liblxc directly
      return Optional.empty();
    }
    boolean plain =
        !arg.isEmpty()
            && !arg.matches("(?s).*\\s.*")
            && arg.charAt(0) != '"'
            && arg.charAt(0) != '\'';
    if (plain) {
      return Optional.of(arg);
    }
    if (arg.indexOf('\'') < 0) {
      return Optional.of("'" + arg + "'");
    }
    if (arg.indexOf('"') < 0) {
      return Optional.of("\"" + arg + "\"");
    }
    return Optional.empty();
  }

  /** Escapes a path for an fstab-format field (getmntent decodes octal escapes). */
  static String fstabEscape(String field) {
    StringBuilder out = new StringBuilder();
    for (char c : field.toCharArray()) {
      switch (c) {
        case ' ':
          out.append("\\040");
          break;
        case '\t':
          out.append("\\011");
          break;
        case '\n':
          out.append("\\012");
          break;
        case '\\':
          out.append("\\134");
          break;
        default:
          out.append(c);
      }
    }
    return out.toString();
  }
}
