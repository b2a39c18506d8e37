package io.pvekit.proxmox.simulator.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;

/**
 * A request the handler wants upgraded to a WebSocket, as pveproxy upgrades {@code
 * .../vncwebsocket}: protocol version 13, a {@code Sec-WebSocket-Protocol} of {@code binary} or
 * {@code base64} (the ones pveproxy offers), the RFC 6455 accept key; then the session runs on the
 * connection's thread until either side closes.
 */
public final class WebSocketUpgrade {
  /** What runs behind the socket once the handshake is done. */
  @FunctionalInterface
  public interface Session {
    /** Talks over the socket; returns when the session is over. */
    void run(WebSocket socket) throws IOException;
  }

  private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

  private final Session session;
  private final Object fallback;

  /**
   * An upgrade.
   *
   * @param session the session to run
   * @param fallback the API data to answer a plain GET (no {@code Upgrade} header) with
   */
  public WebSocketUpgrade(Session session, Object fallback) {
    this.session = session;
    this.fallback = fallback;
  }

  /** The data a request without {@code Upgrade: websocket} gets. */
  public Object fallback() {
    return fallback;
  }

  /** Whether the request asks for a WebSocket. */
  public static boolean requested(WireRequest request) {
    String upgrade = request.header("upgrade");
    return upgrade != null && upgrade.trim().toLowerCase(Locale.ROOT).equals("websocket");
  }

  /** Writes the handshake answer and runs the session; the caller closes the connection after. */
  void serve(WireRequest request, InputStream in, OutputStream out, Socket socket)
      throws IOException {
    String version = request.header("sec-websocket-version");
    String key = request.header("sec-websocket-key");
    String offered = request.header("sec-websocket-protocol");
    String protocol = null;
    if (offered != null) {
      for (String p : offered.split(",")) {
        String name = p.trim();
        if (name.equals("binary") || name.equals("base64")) {
          protocol = name;
          break;
        }
      }
    }
    String problem = null;
    if (version == null || !version.trim().equals("13")) {
      problem = "websocket_proxy: unsupported websocket version '" + version + "'";
    } else if (offered == null) {
      problem = "websocket_proxy: missing websocket-protocol header";
    } else if (protocol == null) {
      problem = "websocket_proxy: unsupported protocol '" + offered + "'";
    } else if (key == null || key.isBlank()) {
      problem = "websocket_proxy: missing websocket-key";
    }
    if (problem != null) {
      String head =
          "HTTP/1.1 400 "
              + problem
              + "\r\nConnection: close\r\nContent-Length: 0\r\nServer: pve-api-daemon/3.0\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return;
    }
    String head =
        "HTTP/1.1 101 Switching Protocols\r\n"
            + "Upgrade: websocket\r\n"
            + "Connection: upgrade\r\n"
            + "Sec-WebSocket-Accept: "
            + accept(key.trim())
            + "\r\n"
            + "Sec-WebSocket-Protocol: "
            + protocol
            + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    // a console may sit idle for long; the idle timeout of HTTP keep-alive does not apply
    socket.setSoTimeout(0);
    WebSocket webSocket = new WebSocket(in, out, socket, protocol.equals("base64"));
    try {
      session.run(webSocket);
    } finally {
      webSocket.close();
    }
  }

  /** {@code Sec-WebSocket-Accept}: base64(SHA-1(key + GUID)), RFC 6455 section 4.2.2. */
  static String accept(String key) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1")
              .digest((key + GUID).getBytes(StandardCharsets.ISO_8859_1));
      return Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }
}
