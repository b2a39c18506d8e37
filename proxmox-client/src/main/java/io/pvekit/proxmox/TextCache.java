package io.pvekit.proxmox;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The string values of one response that repeat from entry to entry ({@code type}, {@code status},
 * {@code node}, ...), read from the parser's character buffer and made into a {@code String} once.
 * One cache per response: it never outlives the decoding, so it needs no bound or locking.
 */
final class TextCache {
  private static final int SLOTS = 64;

  private final String[] strings = new String[SLOTS];

  /** The current {@code VALUE_STRING}'s text. */
  String text(JsonParser p) throws IOException {
    char[] chars = p.getTextCharacters();
    int offset = p.getTextOffset();
    int length = p.getTextLength();
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = strings[slot];
    if (cached != null && same(cached, chars, offset, length)) {
      return cached;
    }
    String text = new String(chars, offset, length);
    strings[slot] = text;
    return text;
  }

  /** The ASCII bytes {@code from..to} (exclusive) as text. */
  String text(byte[] bytes, int from, int to) {
    int hash = 0;
    for (int i = from; i < to; i++) {
      hash = 31 * hash + bytes[i];
    }
    int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
    String cached = strings[slot];
    if (cached != null && same(cached, bytes, from, to)) {
      return cached;
    }
    String text = new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    strings[slot] = text;
    return text;
  }

  private static boolean same(String s, byte[] bytes, int from, int to) {
    if (s.length() != to - from) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (s.charAt(i - from) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean same(String s, char[] chars, int offset, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (s.charAt(i) != chars[offset + i]) {
        return false;
      }
    }
    return true;
  }
}
