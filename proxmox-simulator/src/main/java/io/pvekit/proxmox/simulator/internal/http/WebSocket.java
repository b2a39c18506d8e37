package io.pvekit.proxmox.simulator.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The server end of an upgraded connection (RFC 6455): reads the client's masked frames, joins
 * fragments, answers pings and the closing handshake, and writes unmasked frames. With the {@code
 * base64} subprotocol (old noVNC) payloads travel as base64 text, as pveproxy does it.
 */
public final class WebSocket implements Closeable {
  private static final int MAX_MESSAGE_BYTES = 1 << 20;
  private static final int CONTINUATION = 0;
  private static final int TEXT = 1;
  private static final int BINARY = 2;
  private static final int CLOSE = 8;
  private static final int PING = 9;
  private static final int PONG = 10;

  /** The peer broke the protocol; the connection is closed with the given code. */
  static final class ProtocolError extends IOException {
    private static final long serialVersionUID = 1L;

    ProtocolError(String message) {
      super(message);
    }
  }

  private final InputStream in;
  private final OutputStream out;
  private final Socket socket;
  private final boolean base64;
  private volatile boolean closeSent;

  WebSocket(InputStream in, OutputStream out, Socket socket, boolean base64) {
    this.in = in;
    this.out = out;
    this.socket = socket;
    this.base64 = base64;
  }

  /**
   * The next data message (text or binary, fragments joined), or null once the client closed the
   * connection or went away.
   */
  public byte[] read() throws IOException {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    boolean inMessage = false;
    while (true) {
      int b0 = in.read();
      if (b0 < 0) {
        return null;
      }
      int b1 = readByte();
      boolean fin = (b0 & 0x80) != 0;
      int opcode = b0 & 0x0F;
      if ((b1 & 0x80) == 0) {
        fail(1002, "client frames must be masked");
      }
      long length = b1 & 0x7F;
      if (length == 126) {
        length = (readByte() << 8) | readByte();
      } else if (length == 127) {
        length = 0;
        for (int i = 0; i < 8; i++) {
          length = (length << 8) | readByte();
        }
      }
      if (length > MAX_MESSAGE_BYTES || message.size() + length > MAX_MESSAGE_BYTES) {
        fail(1009, "message too big");
      }
      byte[] mask = in.readNBytes(4);
      byte[] payload = in.readNBytes((int) length);
      if (mask.length < 4 || payload.length < length) {
        return null;
      }
      for (int i = 0; i < payload.length; i++) {
        payload[i] ^= mask[i & 3];
      }
      switch (opcode) {
        case CLOSE -> {
          int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1000;
          close(code == 1005 || code == 1006 ? 1000 : code, "");
          return null;
        }
        case PING -> writeFrame(PONG, payload);
        case PONG -> {
          // an answer to nothing we sent; ignored
        }
        case TEXT, BINARY, CONTINUATION -> {
          if ((opcode == CONTINUATION) != inMessage) {
            fail(1002, "unexpected continuation frame");
          }
          inMessage = true;
          message.write(payload);
          if (fin) {
            byte[] data = message.toByteArray();
            return base64 ? Base64.getDecoder().decode(data) : data;
          }
        }
        default -> fail(1002, "unknown opcode " + opcode);
      }
    }
  }

  /** Sends one binary message (a text one with the {@code base64} subprotocol). */
  public void send(byte[] data) throws IOException {
    if (base64) {
      writeFrame(TEXT, Base64.getEncoder().encode(data));
    } else {
      writeFrame(BINARY, data);
    }
  }

  /** Sends text as UTF-8. */
  public void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Starts (or answers) the closing handshake; later sends are dropped. */
  public void close(int code, String reason) {
    if (closeSent) {
      return;
    }
    byte[] text = reason.getBytes(StandardCharsets.UTF_8);
    byte[] payload = new byte[2 + Math.min(text.length, 120)];
    payload[0] = (byte) (code >> 8);
    payload[1] = (byte) code;
    System.arraycopy(text, 0, payload, 2, payload.length - 2);
    try {
      writeFrame(CLOSE, payload);
    } catch (IOException e) {
      // the peer is gone already
    }
    closeSent = true;
  }

  /** Closes normally. */
  @Override
  public void close() {
    close(1000, "");
  }

  /** Drops the TCP connection at once (the server shuts down, the task was stopped). */
  public void abort() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private synchronized void writeFrame(int opcode, byte[] payload) throws IOException {
    if (closeSent) {
      return;
    }
    int length = payload.length;
    out.write(0x80 | opcode);
    if (length < 126) {
      out.write(length);
    } else if (length < 65536) {
      out.write(126);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        out.write((int) ((long) length >> shift));
      }
    }
    out.write(payload);
    out.flush();
  }

  private int readByte() throws IOException {
    int b = in.read();
    if (b < 0) {
      throw new EOFException("connection closed inside a frame");
    }
    return b;
  }

  private void fail(int code, String reason) throws ProtocolError {
    close(code, reason);
    throw new ProtocolError(reason);
  }
}
