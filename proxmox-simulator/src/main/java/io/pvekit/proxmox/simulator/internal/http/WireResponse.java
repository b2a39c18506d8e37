package io.pvekit.proxmox.simulator.internal.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response to write, or the instruction to drop the connection without one.
 *
 * <p>The reason phrase is free text: Proxmox puts its error message there, which is why the
 * simulator writes HTTP itself instead of using the JDK server (it always sends the standard
 * phrase).
 */
public final class WireResponse {
  private static final WireResponse DROP = new WireResponse(0, "", new byte[0], "");

  private final int status;
  private final String reason;
  private final byte[] body;
  private final String contentType;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private boolean close;
  private WebSocketUpgrade upgrade;

  private WireResponse(int status, String reason, byte[] body, String contentType) {
    this.status = status;
    this.reason = reason;
    this.body = body;
    this.contentType = contentType;
  }

  /** A response with a body. */
  public static WireResponse of(int status, String reason, byte[] body, String contentType) {
    return new WireResponse(status, firstLine(reason), body, contentType);
  }

  /** A response without a body. */
  public static WireResponse empty(int status, String reason) {
    return new WireResponse(status, firstLine(reason), new byte[0], null);
  }

  /** Switches the connection to a WebSocket (status 101) and runs the session on it. */
  public static WireResponse upgrade(WebSocketUpgrade upgrade) {
    WireResponse response = new WireResponse(101, "Switching Protocols", new byte[0], null);
    response.upgrade = upgrade;
    return response;
  }

  /** Resets the connection instead of answering (fault injection). */
  public static WireResponse drop() {
    return DROP;
  }

  /** Whether this is the instruction to reset the connection. */
  public boolean isDrop() {
    return this == DROP;
  }

  /** Adds a response header. */
  public WireResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  /** Asks for the connection to be closed after this response. */
  public WireResponse closeConnection() {
    close = true;
    return this;
  }

  int status() {
    return status;
  }

  String reason() {
    return reason;
  }

  byte[] body() {
    return body;
  }

  String contentType() {
    return contentType;
  }

  Map<String, String> headers() {
    return headers;
  }

  WebSocketUpgrade upgrade() {
    return upgrade;
  }

  boolean close() {
    return close;
  }

  // HTTP cannot carry CR/LF in the status line; PVE keeps the first line of its message there.
  private static String firstLine(String reason) {
    if (reason == null || reason.isEmpty()) {
      return "";
    }
    int end = reason.indexOf('\n');
    String line = end < 0 ? reason : reason.substring(0, end);
    int cr = line.indexOf('\r');
    return cr < 0 ? line : line.substring(0, cr);
  }
}
