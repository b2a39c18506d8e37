package io.pvekit.codegen;

import java.util.Locale;
import java.util.Set;

/**
 * The naming rule from the API's paths and names to Java: one rule for every endpoint.
 *
 * <ul>
 *   <li>a path segment becomes a method of the same name in lower camel case ({@code move_disk} →
 *       {@code moveDisk()}, {@code {vmid}} → {@code vmid(long)});
 *   <li>a resource (path) becomes the class {@code Pve} + the segments in upper camel case ({@code
 *       /nodes/{node}/qemu} → {@code PveNodesNodeQemu}), {@code /} becomes {@code PveApi};
 *   <li>the HTTP methods are named as {@code pvesh} names them: {@code GET} → {@code get}, {@code
 *       POST} → {@code create}, {@code PUT} → {@code set}, {@code DELETE} → {@code delete};
 *   <li>a Java keyword gets the suffix {@code Value} ({@code default} → {@code defaultValue}).
 * </ul>
 */
public final class Names {
  private static final Set<String> KEYWORDS =
      Set.of(
          "abstract",
          "assert",
          "boolean",
          "break",
          "byte",
          "case",
          "catch",
          "char",
          "class",
          "const",
          "continue",
          "default",
          "do",
          "double",
          "else",
          "enum",
          "extends",
          "final",
          "finally",
          "float",
          "for",
          "goto",
          "if",
          "implements",
          "import",
          "instanceof",
          "int",
          "interface",
          "long",
          "native",
          "new",
          "package",
          "private",
          "protected",
          "public",
          "return",
          "short",
          "static",
          "strictfp",
          "super",
          "switch",
          "synchronized",
          "this",
          "throw",
          "throws",
          "transient",
          "try",
          "void",
          "volatile",
          "while",
          "true",
          "false",
          "null",
          "record",
          "var",
          "yield",
          "sealed",
          "permits");

  private Names() {}

  /**
   * The Java method name of an HTTP method, as {@code pvesh} names it.
   *
   * @param httpMethod GET, POST, PUT or DELETE
   * @return get, create, set or delete
   */
  public static String verb(String httpMethod) {
    return switch (httpMethod) {
      case "GET" -> "get";
      case "POST" -> "create";
      case "PUT" -> "set";
      case "DELETE" -> "delete";
      default -> throw new IllegalArgumentException("unknown HTTP method " + httpMethod);
    };
  }

  /**
   * A name in lower camel case, safe as a Java identifier.
   *
   * @param name a path segment, parameter or property name ({@code move_disk}, {@code net[n]})
   * @return e.g. {@code moveDisk}, {@code net}
   */
  public static String lowerCamel(String name) {
    String upper = upperCamel(name);
    String lower = Character.toLowerCase(upper.charAt(0)) + upper.substring(1);
    return KEYWORDS.contains(lower) ? lower + "Value" : lower;
  }

  /**
   * A name in upper camel case.
   *
   * @param name a path segment, parameter or property name
   * @return e.g. {@code MoveDisk}
   */
  public static String upperCamel(String name) {
    String stripped = name.replace("[n]", "").replace("{", "").replace("}", "");
    StringBuilder out = new StringBuilder();
    boolean up = true;
    for (char c : stripped.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        out.append(up ? Character.toUpperCase(c) : c);
        up = false;
      } else {
        up = true;
      }
    }
    if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
      out.insert(0, 'V');
    }
    return out.toString();
  }

  /**
   * The constant name of an enum value: upper snake case, {@code V_} before a leading digit.
   *
   * @param value a wire value such as {@code virtio-net} or {@code 4}
   * @return e.g. {@code VIRTIO_NET}, {@code V_4}
   */
  public static String constant(String value) {
    String s = value.replaceAll("[^A-Za-z0-9]+", "_").toUpperCase(Locale.ROOT);
    s = s.replaceAll("^_+|_+$", "");
    if (s.isEmpty()) {
      return "EMPTY";
    }
    return Character.isDigit(s.charAt(0)) ? "V_" + s : s;
  }

  /**
   * The class name of a resource.
   *
   * @param path a path template such as {@code /nodes/{node}/qemu}
   * @return e.g. {@code PveNodesNodeQemu}; {@code PveApi} for {@code /}
   */
  public static String resourceClass(String path) {
    if (path.equals("/")) {
      return "PveApi";
    }
    StringBuilder out = new StringBuilder("Pve");
    for (String segment : path.substring(1).split("/")) {
      out.append(upperCamel(segment));
    }
    return out.toString();
  }

  /**
   * Whether a path segment is a placeholder.
   *
   * @param segment e.g. {@code {vmid}}
   * @return true for {@code {...}}
   */
  public static boolean isPlaceholder(String segment) {
    return segment.startsWith("{") && segment.endsWith("}");
  }

  /**
   * A Java string literal.
   *
   * @param text any text
   * @return the text quoted and escaped
   */
  public static String literal(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * Text safe inside a javadoc {@code {@code ...}}: braces balanced or escaped, no comment end.
   *
   * @param text any text
   * @return the text with {@code @}, {@code *}{@code /}, {@code <}, {@code >} and {@code &} escaped
   */
  public static String doc(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("@", "&#64;")
        .replace("*/", "*&#47;")
        .replace("{", "&#123;")
        .replace("}", "&#125;")
        .replace("\\u", "\\\\u");
  }
}
