package io.pvekit.oci.internal.unpack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * commons-compress's tar reader, watched: it keeps the raw bytes of every metadata header (PAX
 * {@code x} and {@code g}, GNU long names and links) that leads to an entry, so that the applier
 * can hold the entry to what Go-based tools (containerd, umoci, scanners) would read from the same
 * bytes:
 *
 * <ul>
 *   <li>A PAX global header may carry only {@code comment}: commons-compress applies a global
 *       {@code path}, {@code size} or owner to every later entry, Go's archive/tar applies none of
 *       them, so a scanner would see another file than the one written. Refused.
 *   <li>Two metadata headers of one kind for one entry, or a GNU long name beside a PAX path: the
 *       readers disagree on which wins. Refused.
 *   <li>Names and link targets must be valid UTF-8 in the bytes: commons-compress replaces or
 *       re-decodes invalid bytes silently, which could make two names collide.
 *   <li>xattr values are taken from the raw PAX bytes, so binary values (file capabilities) stay
 *       exact; commons-compress decodes them as text.
 *   <li>Metadata headers over 1 MiB are refused before they are read into memory (Go's limit).
 * </ul>
 */
final class StrictTarInput extends TarArchiveInputStream {
  /** Go's archive/tar maxSpecialFileSize. */
  static final long MAX_METADATA = 1 << 20;

  private static final int TYPE = 156;

  /** The raw metadata of the entry {@link #next()} returned. */
  static final class Raw {
    final Map<String, byte[]> pax = new LinkedHashMap<>();
    final List<byte[]> headers = new ArrayList<>();
    byte[] longName;
    byte[] longLink;
    int paxBlocks;
  }

  private final List<Capture> captures = new ArrayList<>();
  private Capture capturing;
  private boolean sparseExtensions;
  private byte[] lastHeader;

  private static final class Capture {
    final byte type;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Capture(byte type) {
      this.type = type;
    }
  }

  StrictTarInput(InputStream in) {
    super(in, "UTF-8");
  }

  /**
   * The next entry and its raw metadata, checked as the class comment says.
   *
   * @return the entry, or null at the end of the archive
   */
  TarArchiveEntry next(Raw raw) throws IOException {
    captures.clear();
    capturing = null;
    lastHeader = null;
    TarArchiveEntry entry = getNextEntry();
    capturing = null;
    if (entry == null) {
      return null;
    }
    String name = entry.getName();
    for (Capture c : captures) {
      byte[] content = c.bytes.toByteArray();
      switch (c.type) {
        case 'g':
          for (String key : parsePax(name, content).keySet()) {
            if (!key.equals("comment")) {
              throw new UnpackException(
                  name,
                  "a PAX global header sets \""
                      + key
                      + "\"; tar readers disagree on whether it applies to later entries"
                      + " (Go-based tools such as containerd ignore it), so what is unpacked"
                      + " would differ from what they see");
            }
          }
          break;
        case 'x':
          raw.paxBlocks++;
          raw.pax.putAll(parsePax(name, content));
          break;
        case 'L':
          raw.longName = duplicate(name, raw.longName, content, "GNU long name");
          break;
        default:
          raw.longLink = duplicate(name, raw.longLink, content, "GNU long link name");
          break;
      }
    }
    if (raw.paxBlocks > 1) {
      throw new UnpackException(
          name, "two PAX headers for one entry; tar readers disagree on which applies");
    }
    if (raw.longName != null && raw.pax.containsKey("path")
        || raw.longLink != null && raw.pax.containsKey("linkpath")
        || raw.pax.containsKey("GNU.sparse.name") && raw.pax.containsKey("path")) {
      throw new UnpackException(
          name,
          "two names (GNU long name, PAX path or GNU.sparse.name); tar readers disagree on"
              + " which applies");
    }
    if (lastHeader != null) {
      raw.headers.add(lastHeader);
    }
    checkUtf8(name, raw, lastHeader);
    return entry;
  }

  private static byte[] duplicate(String name, byte[] previous, byte[] content, String what)
      throws UnpackException {
    if (previous != null) {
      throw new UnpackException(
          name, "two " + what + " headers for one entry; tar readers disagree on which applies");
    }
    return trimNul(content);
  }

  /** Sees every header record before commons-compress parses it. */
  @Override
  protected byte[] readRecord() throws IOException {
    byte[] record = super.readRecord();
    capturing = null;
    if (record == null || record.length < 512) {
      return record;
    }
    if (sparseExtensions) {
      // an old GNU sparse extension record, not a header
      sparseExtensions = record[504] != 0;
      return record;
    }
    byte type = record[TYPE];
    if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
      long size = TarUtils.parseOctalOrBinary(record, 124, 12);
      if (size < 0 || size > MAX_METADATA) {
        throw new UnpackException(
            printable(record, 0, 100),
            "a "
                + (char) type
                + " metadata header of "
                + size
                + " bytes, more than the "
                + MAX_METADATA
                + " bytes allowed");
      }
      capturing = new Capture(type);
      captures.add(capturing);
    } else if (type == 'S') {
      // four map entries (offset, size) of 12 bytes from 386, then the real size at 483
      boolean base256 = (record[483] & 0x80) != 0;
      for (int field = 386; field < 482; field += 12) {
        base256 |= (record[field] & 0x80) != 0;
      }
      if (base256) {
        throw new UnpackException(
            printable(record, 0, 100),
            "an old GNU sparse entry of 8 GiB or more (base-256 sizes), which the tar reader"
                + " cannot read; write the layer in PAX format (tar --format=posix)");
      }
      sparseExtensions = record[482] != 0;
      lastHeader = record.clone();
    } else if (!allZero(record)) {
      lastHeader = record.clone();
    }
    return record;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0 && capturing != null) {
      capturing.bytes.write(buffer, offset, n);
    }
    return n;
  }

  /** Parses PAX records ({@code "<len> <key>=<value>\n"}), keeping values as bytes. */
  static Map<String, byte[]> parsePax(String entry, byte[] content) throws UnpackException {
    Map<String, byte[]> result = new LinkedHashMap<>();
    int pos = 0;
    while (pos < content.length) {
      if (content[pos] == 0) {
        break; // padding some writers leave
      }
      int space = pos;
      long length = 0;
      while (space < content.length && content[space] >= '0' && content[space] <= '9') {
        length = length * 10 + (content[space] - '0');
        if (length > content.length) {
          break;
        }
        space++;
      }
      if (space == pos
          || space >= content.length
          || content[space] != ' '
          || length <= space - pos + 1
          || pos + length > content.length
          || content[(int) (pos + length - 1)] != '\n') {
        throw new UnpackException(entry, "malformed PAX header record at byte " + pos);
      }
      int end = (int) (pos + length - 1);
      int eq = space + 1;
      while (eq < end && content[eq] != '=') {
        eq++;
      }
      if (eq >= end || eq == space + 1) {
        throw new UnpackException(entry, "malformed PAX header record at byte " + pos);
      }
      String key = utf8(entry, content, space + 1, eq - space - 1, "a PAX header key");
      byte[] value = new byte[end - eq - 1];
      System.arraycopy(content, eq + 1, value, 0, value.length);
      result.put(key, value);
      pos = end + 1;
    }
    return result;
  }

  /** The name and link target bytes the entry's name came from must be valid UTF-8. */
  private static void checkUtf8(String name, Raw raw, byte[] header) throws UnpackException {
    if (raw.pax.containsKey("GNU.sparse.name")) {
      utf8(name, raw.pax.get("GNU.sparse.name"), "the PAX sparse file name");
    } else if (raw.pax.containsKey("path")) {
      utf8(name, raw.pax.get("path"), "the PAX path");
    } else if (raw.longName != null) {
      utf8(name, raw.longName, "the GNU long name");
    } else if (header != null) {
      utf8(name, field(header, 0, 100), "the name");
      if (isPosixUstar(header)) {
        utf8(name, field(header, 345, 155), "the name prefix");
      }
    }
    if (raw.pax.containsKey("linkpath")) {
      utf8(name, raw.pax.get("linkpath"), "the PAX link target");
    } else if (raw.longLink != null) {
      utf8(name, raw.longLink, "the GNU long link target");
    } else if (header != null) {
      utf8(name, field(header, 157, 100), "the link target");
    }
  }

  private static boolean isPosixUstar(byte[] header) {
    return header[257] == 'u'
        && header[258] == 's'
        && header[259] == 't'
        && header[260] == 'a'
        && header[261] == 'r'
        && header[262] == 0;
  }

  static String utf8(String entry, byte[] bytes, String what) throws UnpackException {
    return utf8(entry, bytes, 0, bytes.length, what);
  }

  private static String utf8(String entry, byte[] bytes, int offset, int length, String what)
      throws UnpackException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, offset, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new UnpackException(
          printable(bytes, offset, length),
          what
              + " is not valid UTF-8; pvekit does not guess an encoding (names that are"
              + " not UTF-8 would be changed or collide)",
          e);
    }
  }

  private static byte[] field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    byte[] out = new byte[end - offset];
    System.arraycopy(header, offset, out, 0, out.length);
    return out;
  }

  private static byte[] trimNul(byte[] content) {
    int end = content.length;
    while (end > 0 && content[end - 1] == 0) {
      end--;
    }
    byte[] out = new byte[end];
    System.arraycopy(content, 0, out, 0, end);
    return out;
  }

  /** A name for messages: printable ASCII kept, every other byte as \xNN. */
  static String printable(byte[] bytes, int offset, int length) {
    StringBuilder out = new StringBuilder();
    for (int i = offset; i < offset + length && bytes[i] != 0; i++) {
      int b = bytes[i] & 0xff;
      if (b >= 0x20 && b < 0x7f && b != '\\') {
        out.append((char) b);
      } else {
        out.append(String.format("\\x%02x", b));
      }
    }
    return out.toString();
  }

  private static boolean allZero(byte[] record) {
    for (byte b : record) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }
}
