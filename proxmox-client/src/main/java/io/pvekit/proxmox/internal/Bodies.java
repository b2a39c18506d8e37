package io.pvekit.proxmox.internal;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

/** Response bodies as UTF-8 bytes (what PVE sends), and their text for messages. */
final class Bodies {
  private static final byte[] EMPTY = new byte[0];
  private static final long READ_STEP = 64 * 1024;

  private Bodies() {}

  /**
   * The body's bytes in UTF-8: as received when the server declares UTF-8 or no charset (PVE's
   * {@code application/json;charset=UTF-8}), otherwise decoded with the declared charset first.
   */
  static byte[] utf8(ResponseBody body, String contentType, long limit) throws IOException {
    if (body == null) {
      return EMPTY;
    }
    byte[] bytes = bounded(body, limit);
    if (isUtf8(contentType)) {
      return bytes;
    }
    MediaType type = body.contentType();
    Charset charset = type == null ? null : type.charset();
    if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
      return bytes;
    }
    // OkHttp's own decoding (byte order marks included), on the bytes already read
    return ResponseBody.create(bytes, type).string().getBytes(StandardCharsets.UTF_8);
  }

  /** The body had more than {@code limit} bytes (after any gzip decoding). */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    /** The declared length, or -1 when the limit was reached while reading. */
    final long declared;

    TooLarge(long declared) {
      super("response body over the limit", null);
      this.declared = declared;
    }
  }

  /**
   * Reads at most {@code limit} bytes. The count is taken on what the body's source yields, which
   * for a gzip-encoded response is OkHttp's decompressed stream: a small compressed body that
   * inflates without end stops at the limit as an endless plain one does.
   */
  static byte[] bounded(ResponseBody body, long limit) throws IOException {
    long declared = body.contentLength();
    if (declared > limit) {
      throw new TooLarge(declared);
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (source.read(buffer, READ_STEP) != -1) {
      if (buffer.size() > limit) {
        throw new TooLarge(-1);
      }
    }
    return buffer.readByteArray();
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
