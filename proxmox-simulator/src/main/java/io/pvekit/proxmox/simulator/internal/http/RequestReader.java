package io.pvekit.proxmox.simulator.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads HTTP/1.x requests off one connection. */
final class RequestReader {
  /** A request the server must refuse before any handler sees it. */
  static final class BadRequest extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    BadRequest(int status, String message) {
      super(message);
      this.status = status;
    }

    int status() {
      return status;
    }
  }

  record Parsed(WireRequest request, boolean keepAlive) {}

  private static final byte[] CONTINUE =
      "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);

  private final InputStream in;
  private final OutputStream out;
  private final int maxHeaderBytes;
  private final int maxBodyBytes;
  private final byte[] line = new byte[8192];
  private int headerBytes;

  RequestReader(InputStream in, OutputStream out, int maxHeaderBytes, int maxBodyBytes) {
    this.in = in;
    this.out = out;
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** The next request, or null when the client closed the connection between requests. */
  Parsed next(InetSocketAddress remote, boolean secure) throws IOException {
    headerBytes = 0;
    String requestLine = readLine();
    while (requestLine != null && requestLine.isEmpty()) {
      requestLine = readLine();
    }
    if (requestLine == null) {
      return null;
    }
    String[] parts = requestLine.split(" ");
    if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
      throw new BadRequest(400, "bad request");
    }
    String method = parts[0];
    String target = parts[1];
    boolean http10 = parts[2].equals("HTTP/1.0");
    Map<String, List<String>> headers = new HashMap<>();
    String header;
    while ((header = readLine()) != null && !header.isEmpty()) {
      int colon = header.indexOf(':');
      if (colon <= 0) {
        throw new BadRequest(400, "unable to parse request header");
      }
      String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      headers
          .computeIfAbsent(name, k -> new ArrayList<>(1))
          .add(header.substring(colon + 1).trim());
    }
    if (header == null) {
      return null;
    }
    int question = target.indexOf('?');
    String path = question < 0 ? target : target.substring(0, question);
    String query = question < 0 ? "" : target.substring(question + 1);
    String expect = first(headers, "expect");
    if (expect != null && expect.equalsIgnoreCase("100-continue")) {
      out.write(CONTINUE);
      out.flush();
    }
    byte[] body = readBody(headers);
    String connection = first(headers, "connection");
    boolean keepAlive =
        http10
            ? connection != null && connection.equalsIgnoreCase("keep-alive")
            : connection == null || !connection.equalsIgnoreCase("close");
    return new Parsed(
        new WireRequest(method, path, query, headers, body, remote, secure), keepAlive);
  }

  private byte[] readBody(Map<String, List<String>> headers) throws IOException {
    String transferEncoding = first(headers, "transfer-encoding");
    if (transferEncoding != null && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
      return readChunked();
    }
    String length = first(headers, "content-length");
    if (length == null) {
      return new byte[0];
    }
    long size;
    try {
      size = Long.parseLong(length.trim());
    } catch (NumberFormatException e) {
      throw new BadRequest(400, "bad Content-Length");
    }
    if (size > maxBodyBytes) {
      throw new BadRequest(413, "request entity too large");
    }
    return in.readNBytes((int) size);
  }

  private byte[] readChunked() throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = readLine();
      if (sizeLine == null) {
        throw new BadRequest(400, "truncated chunked body");
      }
      int semicolon = sizeLine.indexOf(';');
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      int size;
      try {
        size = Integer.parseInt(hex, 16);
      } catch (NumberFormatException e) {
        throw new BadRequest(400, "bad chunk size");
      }
      if (size == 0) {
        String trailer;
        while ((trailer = readLine()) != null && !trailer.isEmpty()) {
          // trailers are ignored
        }
        return body.toByteArray();
      }
      if (body.size() + (long) size > maxBodyBytes) {
        throw new BadRequest(413, "request entity too large");
      }
      body.write(in.readNBytes(size));
      readLine();
    }
  }

  private String readLine() throws IOException {
    int length = 0;
    byte[] buffer = line;
    int b;
    while ((b = in.read()) != -1) {
      if (++headerBytes > maxHeaderBytes) {
        throw new BadRequest(400, "request header too large");
      }
      if (b == '\n') {
        if (length > 0 && buffer[length - 1] == '\r') {
          length--;
        }
        return new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
      }
      if (length == buffer.length) {
        byte[] bigger = new byte[buffer.length * 2];
        System.arraycopy(buffer, 0, bigger, 0, length);
        buffer = bigger;
      }
      buffer[length++] = (byte) b;
    }
    return length == 0 ? null : new String(buffer, 0, length, StandardCharsets.ISO_8859_1);
  }

  private static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
