package io.pvekit.proxmox.simulator.internal.console;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte stream PVE's xterm.js client sends to {@code termproxy}: first {@code user:ticket\n},
 * then messages {@code 0:<byte length>:<data>} (input), {@code 1:<columns>:<rows>:} (resize) and
 * {@code 2} (keep-alive). WebSocket frames need not line up with messages, so bytes are buffered.
 */
final class TermProtocol {
  /** One parsed message. */
  record Message(int type, byte[] data, int columns, int rows) {
    static final int INPUT = 0;
    static final int RESIZE = 1;
    static final int PING = 2;
  }

  /** The stream is not the termproxy protocol. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private static final int MAX_LOGIN_BYTES = 4096;

  private byte[] buffer = new byte[0];

  void feed(byte[] bytes) {
    byte[] joined = Arrays.copyOf(buffer, buffer.length + bytes.length);
    System.arraycopy(bytes, 0, joined, buffer.length, bytes.length);
    buffer = joined;
  }

  /** The {@code user:ticket} line, or null until its newline arrived. */
  String login() throws Malformed {
    for (int i = 0; i < buffer.length; i++) {
      if (buffer[i] == '\n') {
        String line = new String(buffer, 0, i, StandardCharsets.UTF_8);
        buffer = Arrays.copyOfRange(buffer, i + 1, buffer.length);
        return line;
      }
    }
    if (buffer.length > MAX_LOGIN_BYTES) {
      throw new Malformed("no newline after the user:ticket line");
    }
    return null;
  }

  /** Every complete message buffered so far. */
  List<Message> messages() throws Malformed {
    List<Message> out = new ArrayList<>();
    int pos = 0;
    while (pos < buffer.length) {
      int type = buffer[pos] - '0';
      if (type == Message.PING) {
        out.add(new Message(Message.PING, new byte[0], 0, 0));
        pos++;
        continue;
      }
      if (type != Message.INPUT && type != Message.RESIZE) {
        throw new Malformed("unknown message type '" + (char) buffer[pos] + "'");
      }
      if (pos + 1 >= buffer.length) {
        break;
      }
      if (buffer[pos + 1] != ':') {
        throw new Malformed("no ':' after the message type");
      }
      int[] fields = new int[2];
      int fieldCount = type == Message.INPUT ? 1 : 2;
      int cursor = pos + 2;
      boolean complete = true;
      for (int f = 0; f < fieldCount; f++) {
        int colon = indexOf(':', cursor);
        if (colon < 0) {
          if (buffer.length - cursor > 10) {
            throw new Malformed("a number longer than 10 digits");
          }
          complete = false;
          break;
        }
        fields[f] = number(cursor, colon);
        cursor = colon + 1;
      }
      if (!complete) {
        break;
      }
      if (type == Message.RESIZE) {
        out.add(new Message(Message.RESIZE, new byte[0], fields[0], fields[1]));
        pos = cursor;
        continue;
      }
      if (cursor + fields[0] > buffer.length) {
        break;
      }
      out.add(
          new Message(Message.INPUT, Arrays.copyOfRange(buffer, cursor, cursor + fields[0]), 0, 0));
      pos = cursor + fields[0];
    }
    buffer = Arrays.copyOfRange(buffer, pos, buffer.length);
    return out;
  }

  private int indexOf(char c, int from) {
    for (int i = from; i < buffer.length; i++) {
      if (buffer[i] == c) {
        return i;
      }
    }
    return -1;
  }

  private int number(int from, int to) throws Malformed {
    String digits = new String(buffer, from, to - from, StandardCharsets.US_ASCII);
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new Malformed("not a number: '" + digits + "'");
    }
  }
}
