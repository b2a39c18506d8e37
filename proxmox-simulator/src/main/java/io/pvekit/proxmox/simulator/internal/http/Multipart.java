package io.pvekit.proxmox.simulator.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A parser for {@code multipart/form-data} bodies (the storage upload endpoint). */
public final class Multipart {
  /**
   * One part of the form.
   *
   * @param name the form field name
   * @param filename the file name, or null for a plain field
   * @param content the part's bytes
   */
  public record Part(String name, String filename, byte[] content) {
    /** The content as UTF-8 text. */
    public String text() {
      return new String(content, StandardCharsets.UTF_8);
    }
  }

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";,]+)\"?");
  private static final Pattern NAME = Pattern.compile("(?i)\\bname=\"([^\"]*)\"");
  private static final Pattern FILENAME = Pattern.compile("(?i)\\bfilename=\"([^\"]*)\"");

  private Multipart() {}

  /** The boundary of a {@code multipart/form-data} content type, or null for any other type. */
  public static String boundary(String contentType) {
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return null;
    }
    Matcher m = BOUNDARY.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  /**
   * Splits a body into its parts.
   *
   * @throws IllegalArgumentException when the body is not well-formed
   */
  public static List<Part> parse(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int pos = indexOf(body, delimiter, 0);
    if (pos < 0) {
      throw new IllegalArgumentException("multipart body without boundary");
    }
    while (true) {
      pos += delimiter.length;
      if (pos + 1 < body.length && body[pos] == '-' && body[pos + 1] == '-') {
        return parts;
      }
      pos = skipLineEnd(body, pos);
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), pos);
      if (headerEnd < 0) {
        throw new IllegalArgumentException("multipart part without header end");
      }
      String headers = new String(body, pos, headerEnd - pos, StandardCharsets.UTF_8);
      int contentStart = headerEnd + 4;
      int next = indexOf(body, delimiter, contentStart);
      if (next < 0) {
        throw new IllegalArgumentException("multipart body without closing boundary");
      }
      int contentEnd = next;
      if (contentEnd >= 2 && body[contentEnd - 2] == '\r' && body[contentEnd - 1] == '\n') {
        contentEnd -= 2;
      }
      byte[] content = new byte[Math.max(0, contentEnd - contentStart)];
      System.arraycopy(body, contentStart, content, 0, content.length);
      Matcher name = NAME.matcher(headers);
      Matcher filename = FILENAME.matcher(headers);
      parts.add(
          new Part(
              name.find() ? name.group(1) : "",
              filename.find() ? filename.group(1) : null,
              content));
      pos = next;
    }
  }

  private static int skipLineEnd(byte[] body, int pos) {
    if (pos < body.length && body[pos] == '\r') {
      pos++;
    }
    if (pos < body.length && body[pos] == '\n') {
      pos++;
    }
    return pos;
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
