package io.pvekit.proxmox.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bare RFC 6455 client for tests of the simulator's WebSocket handling, written against the
 * socket so that the handshake and frames can be checked (and broken) byte by byte.
 */
final class RawWebSocket implements AutoCloseable {
  private final Socket socket;
  private final InputStream in;
  private final OutputStream out;
  private final String statusLine;
  private final Map<String, String> headers;

  private RawWebSocket(Socket socket, String statusLine, Map<String, String> headers)
      throws IOException {
    this.socket = socket;
    this.in = socket.getInputStream();
    this.out = socket.getOutputStream();
    this.statusLine = statusLine;
    this.headers = headers;
  }

  /** Sends the upgrade request with these extra headers and reads the answer's head. */
  static RawWebSocket open(int port, String target, String key, Map<String, String> extra)
      throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(10_000);
    StringBuilder head = new StringBuilder();
    head.append("GET ").append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1:").append(port).append("\r\n");
    head.append("Upgrade: websocket\r\nConnection: Upgrade\r\n");
    head.append("Sec-WebSocket-Key: ").append(key).append("\r\n");
    extra.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    InputStream in = socket.getInputStream();
    String status = line(in);
    Map<String, String> headers = new LinkedHashMap<>();
    String h;
    while (!(h = line(in)).isEmpty()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim().toLowerCase(), h.substring(colon + 1).trim());
    }
    return new RawWebSocket(socket, status, headers);
  }

  String statusLine() {
    return statusLine;
  }

  String header(String name) {
    return headers.get(name);
  }

  /** Sends a masked binary frame. */
  void send(byte[] payload) throws IOException {
    frame(2, payload, true);
  }

  void send(String text) throws IOException {
    send(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends a frame, masked or (against the RFC) not. */
  void frame(int opcode, byte[] payload, boolean masked) throws IOException {
    out.write(0x80 | opcode);
    int length = payload.length;
    if (length < 126) {
      out.write((masked ? 0x80 : 0) | length);
    } else {
      out.write((masked ? 0x80 : 0) | 126);
      out.write(length >> 8);
      out.write(length);
    }
    byte[] mask = new byte[4];
    if (masked) {
      new SecureRandom().nextBytes(mask);
      out.write(mask);
    }
    for (int i = 0; i < length; i++) {
      out.write(payload[i] ^ mask[i & 3]);
    }
    out.flush();
  }

  /** The next frame from the server: opcode and payload, or null at end of stream. */
  Frame read() throws IOException {
    int b0 = in.read();
    if (b0 < 0) {
      return null;
    }
    int b1 = in.read();
    int length = b1 & 0x7F;
    if (length == 126) {
      length = (in.read() << 8) | in.read();
    }
    return new Frame(b0 & 0x0F, (b1 & 0x80) != 0, in.readNBytes(length));
  }

  /** Reads data frames until their text contains {@code expected}; returns all text read. */
  String readUntil(String expected) throws IOException {
    StringBuilder text = new StringBuilder();
    while (!text.toString().contains(expected)) {
      Frame f = read();
      if (f == null || f.opcode() == 8) {
        throw new AssertionError("closed before '" + expected + "'; got: " + text);
      }
      text.append(new String(f.payload(), StandardCharsets.UTF_8));
    }
    return text.toString();
  }

  static String randomKey() {
    byte[] key = new byte[16];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  record Frame(int opcode, boolean masked, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    return b.toString(StandardCharsets.ISO_8859_1);
  }
}
