package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the compact tables the simulator declares the keys of the property strings it checks with
 * (endpoint parameters come from the schema extract, {@link SchemaParams}). One token per
 * parameter, separated by white space: {@code name[!][*]:type[/format][(a|b)][[min,max]][<len]
 * [&requires][=SUBFORMAT][~pattern]}, where {@code !} marks a required parameter, {@code *} the
 * default key of a property string, type is {@code str}, {@code int}, {@code num}, {@code bool} or
 * {@code prop} (a property string), {@code arr} (a list: the parameter sent once or repeated) and
 * the pattern runs to the end of the token.
 */
public final class ParamTable {
  private ParamTable() {}

  /** Parses a table; sub-formats are looked up by name in {@code subFormats}. */
  public static Map<String, Param> parse(String table, Map<String, PropertyFormat> subFormats) {
    Map<String, Param> params = new LinkedHashMap<>();
    for (String token : table.trim().split("\\s+")) {
      if (token.isEmpty()) {
        continue;
      }
      Param p = parseToken(token, subFormats);
      if (params.put(p.name(), p) != null) {
        throw new IllegalArgumentException("duplicate parameter in table: " + p.name());
      }
    }
    return Collections.unmodifiableMap(params);
  }

  /** Parses a table without sub-formats. */
  public static Map<String, Param> parse(String table) {
    return parse(table, Map.of());
  }

  private static Param parseToken(String token, Map<String, PropertyFormat> subFormats) {
    int colon = token.indexOf(':');
    if (colon <= 0) {
      throw new IllegalArgumentException("parameter token without type: " + token);
    }
    String head = token.substring(0, colon);
    boolean required = false;
    boolean defaultKey = false;
    while (head.endsWith("!") || head.endsWith("*")) {
      if (head.endsWith("!")) {
        required = true;
      } else {
        defaultKey = true;
      }
      head = head.substring(0, head.length() - 1);
    }
    String rest = token.substring(colon + 1);
    String pattern = null;
    int tilde = rest.indexOf('~');
    if (tilde >= 0) {
      // a space would end the token, so tables write it as %20
      pattern = rest.substring(tilde + 1).replace("%20", " ");
      rest = rest.substring(0, tilde);
    }
    int i = 0;
    while (i < rest.length() && Character.isLetter(rest.charAt(i))) {
      i++;
    }
    String shortType = rest.substring(0, i);
    String type =
        switch (shortType) {
          case "str", "prop" -> "string";
          case "int" -> "integer";
          case "num" -> "number";
          case "bool" -> "boolean";
          case "any" -> "any";
          case "arr" -> "array";
          default -> throw new IllegalArgumentException("unknown type in token: " + token);
        };
    String format = null;
    List<String> enumValues = List.of();
    Double min = null;
    Double max = null;
    Integer maxLength = null;
    String requires = null;
    PropertyFormat sub = null;
    while (i < rest.length()) {
      char c = rest.charAt(i);
      int end = nextModifier(rest, i + 1, c);
      String value = rest.substring(i + 1, c == '(' || c == '[' ? end - 1 : end);
      switch (c) {
        case '/' -> format = value;
        case '(' -> enumValues = List.copyOf(Arrays.asList(value.split("\\|")));
        case '[' -> {
          String[] bounds = value.split(",", -1);
          min = bounds[0].isEmpty() ? null : Double.valueOf(bounds[0]);
          max = bounds[1].isEmpty() ? null : Double.valueOf(bounds[1]);
        }
        case '<' -> maxLength = Integer.valueOf(value);
        case '&' -> requires = value;
        case '=' -> {
          sub = subFormats.get(value);
          if (sub == null) {
            throw new IllegalArgumentException("unknown property-string format " + value);
          }
        }
        default -> throw new IllegalArgumentException("bad modifier '" + c + "' in " + token);
      }
      i = end;
    }
    return new Param(
        head,
        type,
        !required,
        defaultKey,
        format,
        shortType.equals("prop"),
        sub,
        enumValues,
        min,
        max,
        maxLength,
        requires,
        pattern);
  }

  private static int nextModifier(String s, int from, char opener) {
    if (opener == '(') {
      return s.indexOf(')', from) + 1;
    }
    if (opener == '[') {
      return s.indexOf(']', from) + 1;
    }
    int i = from;
    while (i < s.length() && "/([<&=".indexOf(s.charAt(i)) < 0) {
      i++;
    }
    return i;
  }
}
