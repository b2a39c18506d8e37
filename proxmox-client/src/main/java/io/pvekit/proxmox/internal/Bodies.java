package io.pvekit.proxmox.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;

/** Response bodies as UTF-8 bytes (what PVE sends), and their text for messages. */
final class Bodies {
  private static final byte[] EMPTY = new byte[0];

  private Bodies() {}

  /**
   * The body's bytes in UTF-8: as received when the server declares UTF-8 or no charset (PVE's
   * {@code application/json;charset=UTF-8}), otherwise decoded with the declared charset first.
   */
  static byte[] utf8(ResponseBody body, String contentType) throws IOException {
    if (body == null) {
      return EMPTY;
    }
    if (isUtf8(contentType)) {
      return body.bytes();
    }
    MediaType type = body.contentType();
    Charset charset = type == null ? null : type.charset();
    if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
      return body.bytes();
    }
    return body.string().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Whether a {@code Content-Type} leaves the charset to the default or names UTF-8, checked
   * without parsing the media type (OkHttp's parser runs regular expressions); false means "look
   * closer".
   */
  static boolean isUtf8(String contentType) {
    if (contentType == null) {
      return true;
    }
    int at = -1;
    for (int i = contentType.indexOf(';'); i >= 0; i = contentType.indexOf(';', i + 1)) {
      int name = i + 1;
      while (name < contentType.length() && contentType.charAt(name) == ' ') {
        name++;
      }
      if (contentType.regionMatches(true, name, "charset=", 0, 8)) {
        at = name + 8;
        break;
      }
    }
    if (at < 0) {
      return contentType.toLowerCase(java.util.Locale.ROOT).indexOf("charset") < 0;
    }
    int end = at + 5;
    return contentType.regionMatches(true, at, "utf-8", 0, 5)
        && (end == contentType.length()
            || contentType.charAt(end) == ';'
            || contentType.charAt(end) == ' ');
  }

  /** The text, without a byte order mark (as OkHttp's {@code string()} would give it). */
  static String text(byte[] body) {
    int start =
        body.length >= 3
                && body[0] == (byte) 0xEF
                && body[1] == (byte) 0xBB
                && body[2] == (byte) 0xBF
            ? 3
            : 0;
    return new String(body, start, body.length - start, StandardCharsets.UTF_8);
  }
}
