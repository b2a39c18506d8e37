package io.pvekit.lxc.internal.runtime;

import java.util.Map;

/**
 * Writes a properties file ({@link java.util.Properties#load} reads it) without {@code
 * Properties.store}, which stamps a date comment and so initialises time zones on every call:
 * measurable on the hot commands.
 */
public final class PropertiesText {
  private PropertiesText() {}

  public static String write(Map<String, String> entries) {
    StringBuilder out = new StringBuilder(512);
    for (Map.Entry<String, String> entry : entries.entrySet()) {
      escape(entry.getKey(), true, out);
      out.append('=');
      escape(entry.getValue(), false, out);
      out.append('\n');
    }
    return out.toString();
  }

  private static void escape(String text, boolean key, StringBuilder out) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\':
          out.append("\\\\");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '=':
        case ':':
        case '#':
        case '!':
          out.append('\\').append(c);
          break;
        case ' ':
          if (key || i == 0) {
            out.append('\\');
          }
          out.append(' ');
          break;
        default:
          if (c < 0x20 || c > 0x7e) {
            out.append("\\u");
            String hex = Integer.toHexString(c);
            for (int pad = hex.length(); pad < 4; pad++) {
              out.append('0');
            }
            out.append(hex);
          } else {
            out.append(c);
          }
      }
    }
  }
}
