package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.RawJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The fast path of {@code GET /cluster/resources}: reads a body of the shape PVE sends, {@code
 * {"data":[{...},...]}} with flat entries of ASCII strings without escapes, numbers, {@code true},
 * {@code false} and {@code null}, straight from the bytes, at a fraction of a general parser's
 * cost. On anything else (other members, nested values, escapes, non-ASCII bytes, a value of an
 * unusual type for its field, an entry the tree decoder would reject, malformed JSON) it gives up
 * and returns null: {@link ResourceReader} then reads the body with Jackson and reports exactly
 * what a tree reader would. It never decides a case differently from that path; it only declines
 * ({@code StreamingDecodeTest} checks both paths against the tree decoder, and that this one is
 * taken).
 */
final class ResourceScanner {
  private static final int STRING = 0;
  private static final int INTEGER = 1;
  private static final int FLOAT = 2;
  private static final int TRUE = 3;
  private static final int FALSE = 4;
  private static final int NULL = 5;

  /** Longer integers may not fit a long; Jackson's path decides about them. */
  private static final int MAX_DIGITS = 18;

  /** 10^0 .. 10^22: the powers of ten a double holds exactly. */
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int k = 0; k < POWERS_OF_TEN.length; k++) {
      POWERS_OF_TEN[k] = power;
      power *= 10;
    }
  }

  private final byte[] b;
  private final ResourceFields fields = new ResourceFields();
  private int i;

  /**
   * The last value read: its kind, its bytes (inside the quotes for strings), an integer's value.
   */
  private int kind;

  private int from;
  private int to;
  private long integer;

  private ResourceScanner(byte[] body) {
    this.b = body;
  }

  /** The entries, or null when the body is not of the plain shape. */
  static List<ClusterResource> scan(byte[] body) {
    return new ResourceScanner(body).body();
  }

  private List<ClusterResource> body() {
    space();
    if (!take('{') || !string() || !isData() || !colon() || !take('[')) {
      return null;
    }
    List<ClusterResource> out = new ArrayList<>();
    space();
    if (!take(']')) {
      while (true) {
        ClusterResource entry = entry();
        if (entry == null) {
          return null;
        }
        out.add(entry);
        space();
        if (take(']')) {
          break;
        }
        if (!take(',')) {
          return null;
        }
        space();
      }
    }
    space();
    return take('}') ? out : null;
  }

  private ClusterResource entry() {
    int start = i;
    if (!take('{')) {
      return null;
    }
    fields.begin();
    space();
    if (!take('}')) {
      while (true) {
        if (!string()) {
          return null;
        }
        int field = ResourceFields.field(b, from, to);
        if (!colon() || !value() || !apply(field)) {
          return null;
        }
        space();
        if (take('}')) {
          break;
        }
        if (!take(',')) {
          return null;
        }
        space();
      }
    }
    return fields.buildIfValid(RawJson.copyOf(b, start, i));
  }

  /** Stores the value as {@link JsonTokens} would read it; false for the cases it leaves to it. */
  private boolean apply(int field) {
    if (ResourceFields.isText(field)) {
      if (kind != STRING && kind != NULL) {
        return false;
      }
      String text = null;
      if (kind == STRING) {
        text = ResourceFields.isRepeating(field) ? fields.cache.text(b, from, to) : ascii();
      }
      fields.text(field, text);
      return true;
    }
    if (ResourceFields.isInteger(field)) {
      switch (kind) {
        case INTEGER -> fields.integer(field, true, integer);
        case FLOAT -> fields.integer(field, true, (long) Double.parseDouble(ascii()));
        case NULL -> fields.integer(field, false, 0);
        case STRING -> {
          Long value = Json.integer(ascii());
          fields.integer(field, value != null, value == null ? 0 : value);
        }
        default -> {
          return false;
        }
      }
      return true;
    }
    switch (field) {
      case ResourceFields.CPU -> {
        switch (kind) {
          case FLOAT -> fields.cpu(true, decimal());
          case INTEGER -> fields.cpu(true, integer);
          case NULL -> fields.cpu(false, 0);
          case STRING -> {
            Double value = Json.number(ascii());
            fields.cpu(value != null, value == null ? 0 : value);
          }
          default -> {
            return false;
          }
        }
      }
      case ResourceFields.TEMPLATE -> {
        switch (kind) {
          case TRUE -> fields.template(true);
          // a double's text is never "1", "true" or "on"
          case FALSE, NULL, FLOAT -> fields.template(false);
          case INTEGER -> fields.template(integer == 1);
          case STRING -> fields.template(Json.flag(ascii()));
          default -> {
            return false;
          }
        }
      }
      case ResourceFields.TAGS -> {
        switch (kind) {
          case STRING -> fields.tags(Json.list(ascii()));
          case NULL -> fields.tags(new ArrayList<>());
          default -> {
            return false;
          }
        }
      }
      default -> {
        // a field ClusterResource does not have: any plain value is skipped
      }
    }
    return true;
  }

  private boolean value() {
    int c = peek();
    if (c == '"') {
      kind = STRING;
      return string();
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
      return number();
    }
    kind = c == 't' ? TRUE : c == 'f' ? FALSE : NULL;
    return word(c == 't' ? "true" : c == 'f' ? "false" : "null");
  }

  /** A string without escapes, control or non-ASCII characters; {@code from..to} its content. */
  private boolean string() {
    byte[] bytes = b;
    int j = i;
    if (j >= bytes.length || bytes[j] != '"') {
      return false;
    }
    from = ++j;
    for (; j < bytes.length; j++) {
      byte c = bytes[j];
      if (c == '"') {
        to = j;
        i = j + 1;
        return true;
      }
      // control characters are not JSON; escapes and non-ASCII (negative bytes) are Jackson's
      if (c < 0x20 || c == '\\') {
        return false;
      }
    }
    return false;
  }

  /** JSON's number grammar exactly; an integer of up to 18 digits also as {@link #integer}. */
  private boolean number() {
    from = i;
    boolean negative = take('-');
    int digitsFrom = i;
    if (!take('0')) {
      if (!digit()) {
        return false;
      }
      while (digit()) {
        // the integer part
      }
    }
    int digitsTo = i;
    boolean fraction = take('.');
    if (fraction && !digits()) {
      return false;
    }
    boolean exponent = take('e') || take('E');
    if (exponent) {
      if (!take('+')) {
        take('-');
      }
      if (!digits()) {
        return false;
      }
    }
    to = i;
    if (fraction || exponent) {
      kind = FLOAT;
      return true;
    }
    if (digitsTo - digitsFrom > MAX_DIGITS) {
      return false;
    }
    long value = 0;
    for (int d = digitsFrom; d < digitsTo; d++) {
      value = value * 10 + (b[d] - '0');
    }
    integer = negative ? -value : value;
    kind = INTEGER;
    return true;
  }

  /**
   * The current {@code FLOAT}: a decimal without exponent and with at most 15 significant digits
   * (PVE's {@code cpu}) as one exact division, mantissa / 10^scale, which IEEE rounds correctly
   * (Clinger's fast path: both operands are exact doubles); anything else by {@link
   * Double#parseDouble}. Either way the double {@code Double.parseDouble} gives.
   */
  private double decimal() {
    long mantissa = 0;
    int significant = 0;
    int scale = 0;
    boolean fraction = false;
    for (int k = b[from] == '-' ? from + 1 : from; k < to; k++) {
      byte c = b[k];
      if (c == '.') {
        fraction = true;
        continue;
      }
      if (c < '0' || c > '9' || (mantissa > 0 || c != '0') && ++significant > 15) {
        return Double.parseDouble(ascii());
      }
      mantissa = mantissa * 10 + (c - '0');
      if (fraction) {
        scale++;
      }
    }
    if (scale >= POWERS_OF_TEN.length) {
      return Double.parseDouble(ascii());
    }
    double value = mantissa / POWERS_OF_TEN[scale];
    return b[from] == '-' ? -value : value;
  }

  private boolean digits() {
    int start = i;
    while (digit()) {
      // more digits
    }
    return i > start;
  }

  private boolean digit() {
    if (i < b.length && b[i] >= '0' && b[i] <= '9') {
      i++;
      return true;
    }
    return false;
  }

  private boolean word(String word) {
    for (int k = 0; k < word.length(); k++) {
      if (!take(word.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private boolean isData() {
    return to - from == 4
        && b[from] == 'd'
        && b[from + 1] == 'a'
        && b[from + 2] == 't'
        && b[from + 3] == 'a';
  }

  private boolean colon() {
    space();
    boolean colon = take(':');
    space();
    return colon;
  }

  private String ascii() {
    return new String(b, from, to - from, StandardCharsets.ISO_8859_1);
  }

  private void space() {
    byte[] bytes = b;
    int j = i;
    while (j < bytes.length) {
      byte c = bytes[j];
      if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
        break;
      }
      j++;
    }
    i = j;
  }

  private boolean take(char c) {
    if (i < b.length && b[i] == c) {
      i++;
      return true;
    }
    return false;
  }

  private int peek() {
    return i < b.length ? b[i] : -1;
  }
}
