package io.pvekit.oci.attack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Writes tar streams byte by byte, header fields as given: the hostile layers no tar library would
 * write (global PAX headers with a path, names that are not UTF-8, GNU sparse entries, duplicate
 * metadata headers).
 */
final class RawTar {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  RawTar file(String name, String content) {
    return entry(utf8(name), '0', utf8(content), new byte[0], 0644);
  }

  RawTar dir(String name) {
    return entry(utf8(name), '5', new byte[0], new byte[0], 0755);
  }

  RawTar symlink(String name, byte[] target) {
    return entry(utf8(name), '2', new byte[0], target, 0777);
  }

  /** One entry: a POSIX ustar header, then the content padded to 512 bytes. */
  RawTar entry(byte[] name, char type, byte[] content, byte[] link, int mode) {
    byte[] h = header(name, type, content.length, link, mode, false);
    out.writeBytes(h);
    data(content);
    return this;
  }

  /** A PAX extended ('x') or global ('g') header with these records. */
  RawTar pax(char type, Map<String, byte[]> records) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> r : records.entrySet()) {
      byte[] key = utf8(r.getKey());
      int body = 1 + key.length + 1 + r.getValue().length + 1;
      int length = body + String.valueOf(body).length();
      if (String.valueOf(length).length() != String.valueOf(body).length()) {
        length++;
      }
      content.writeBytes(utf8(length + " "));
      content.writeBytes(key);
      content.write('=');
      content.writeBytes(r.getValue());
      content.write('\n');
    }
    return entry(
        utf8(type == 'g' ? "pax_global_header" : "PaxHeaders/x"),
        type,
        content.toByteArray(),
        new byte[0],
        0644);
  }

  /** A GNU long name ('L') or long link ('K') header. */
  RawTar gnuLong(char type, byte[] name) {
    byte[] content = new byte[name.length + 1];
    System.arraycopy(name, 0, content, 0, name.length);
    return entry(utf8("././@LongLink"), type, content, new byte[0], 0644);
  }

  /**
   * An old GNU sparse ('S') entry: {@code data} at {@code offset}, the rest of {@code realSize} a
   * hole, as {@code tar --sparse} writes it.
   */
  RawTar oldGnuSparse(String name, long realSize, long offset, byte[] data) {
    byte[] h = header(utf8(name), 'S', data.length, new byte[0], 0644, true);
    number(h, 386, 12, offset);
    number(h, 398, 12, data.length);
    number(h, 410, 12, realSize);
    number(h, 422, 12, 0);
    h[482] = 0; // no extension records
    number(h, 483, 12, realSize);
    checksum(h);
    out.writeBytes(h);
    data(data);
    return this;
  }

  /** A PAX 1.0 sparse entry (GNU tar --format=posix --sparse): map block, then the data. */
  RawTar paxSparse(String name, long realSize, long offset, byte[] data) {
    pax(
        'x',
        Map.of(
            "GNU.sparse.major", utf8("1"),
            "GNU.sparse.minor", utf8("0"),
            "GNU.sparse.name", utf8(name),
            "GNU.sparse.realsize", utf8(Long.toString(realSize))));
    byte[] map = new byte[512];
    // two blocks, the last one empty at the end of the file, as GNU tar writes the map
    byte[] text = utf8("2\n" + offset + "\n" + data.length + "\n" + realSize + "\n0\n");
    System.arraycopy(text, 0, map, 0, text.length);
    byte[] content = new byte[512 + data.length];
    System.arraycopy(map, 0, content, 0, 512);
    System.arraycopy(data, 0, content, 512, data.length);
    return entry(utf8("GNUSparseFile.0/" + name), '0', content, new byte[0], 0644);
  }

  /** The archive, closed with two zero records. */
  byte[] bytes() {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    copy.writeBytes(out.toByteArray());
    copy.writeBytes(new byte[1024]);
    return copy.toByteArray();
  }

  private void data(byte[] content) {
    out.writeBytes(content);
    int pad = (512 - content.length % 512) % 512;
    out.writeBytes(new byte[pad]);
  }

  private static byte[] header(
      byte[] name, char type, long size, byte[] link, int mode, boolean gnu) {
    byte[] h = new byte[512];
    System.arraycopy(name, 0, h, 0, Math.min(100, name.length));
    number(h, 100, 8, mode);
    number(h, 108, 8, 0);
    number(h, 116, 8, 0);
    number(h, 124, 12, size);
    number(h, 136, 12, 1_700_000_000L);
    h[156] = (byte) type;
    System.arraycopy(link, 0, h, 157, Math.min(100, link.length));
    byte[] magic = gnu ? utf8("ustar  \0") : utf8("ustar\u000000");
    System.arraycopy(magic, 0, h, 257, magic.length);
    checksum(h);
    return h;
  }

  /** Octal with a NUL when it fits, else base-256 (GNU's form for large numbers). */
  private static void number(byte[] h, int offset, int length, long value) {
    String octal = Long.toOctalString(value);
    if (octal.length() < length) {
      String padded = "0".repeat(length - 1 - octal.length()) + octal;
      System.arraycopy(utf8(padded), 0, h, offset, length - 1);
      h[offset + length - 1] = 0;
      return;
    }
    for (int i = length - 1; i > 0; i--) {
      h[offset + i] = (byte) value;
      value >>>= 8;
    }
    h[offset] = (byte) 0x80;
  }

  private static void checksum(byte[] h) {
    for (int i = 148; i < 156; i++) {
      h[i] = ' ';
    }
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    String octal = String.format("%06o", sum);
    System.arraycopy(utf8(octal), 0, h, 148, 6);
    h[154] = 0;
    h[155] = ' ';
  }
}
