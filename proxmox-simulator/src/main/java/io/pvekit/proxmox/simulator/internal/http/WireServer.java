package io.pvekit.proxmox.simulator.internal.http;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.SSLException;

/**
 * A small blocking HTTP/1.1 server: one acceptor thread per listening socket, one pooled thread per
 * open connection, keep-alive, {@code Content-Length} and chunked request bodies, gzip responses.
 *
 * <p>It exists because the JDK's {@code HttpServer} cannot send a custom reason phrase, and Proxmox
 * VE reports its errors there.
 */
public final class WireServer implements Closeable {
  /** Handles one request; never returns null. */
  @FunctionalInterface
  public interface Handler {
    /** Answers the request. */
    WireResponse handle(WireRequest request);
  }

  private static final int MAX_HEADER_BYTES = 64 * 1024;
  private static final int MAX_BODY_BYTES = 64 * 1024 * 1024;
  private static final int IDLE_TIMEOUT_MILLIS = 30_000;
  private static final int GZIP_THRESHOLD = 1024;
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

  private final ServerSocket socket;
  private final Handler handler;
  private final ExecutorService pool;
  private final boolean secure;
  private final boolean compress;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final Thread acceptor;
  private volatile boolean closed;
  private volatile CachedDate date = new CachedDate(0, "");

  /**
   * Starts serving on an already bound socket.
   *
   * @param socket the bound socket (an {@code SSLServerSocket} for HTTPS)
   * @param handler answers requests
   * @param pool runs one task per connection
   * @param secure whether the socket speaks TLS
   * @param compress whether to gzip bodies over 1 KiB when the client accepts it, as PVE does
   */
  public WireServer(
      ServerSocket socket,
      Handler handler,
      ExecutorService pool,
      boolean secure,
      boolean compress) {
    this.socket = socket;
    this.handler = handler;
    this.pool = pool;
    this.secure = secure;
    this.compress = compress;
    this.acceptor = new Thread(this::acceptLoop, "pve-sim-accept-" + socket.getLocalPort());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** The port this server listens on. */
  public int port() {
    return socket.getLocalPort();
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    for (Socket s : open) {
      closeQuietly(s);
    }
  }

  private void acceptLoop() {
    while (!closed) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException e) {
        if (closed) {
          return;
        }
        continue;
      }
      open.add(client);
      try {
        pool.execute(() -> serve(client));
      } catch (RejectedExecutionException e) {
        open.remove(client);
        closeQuietly(client);
      }
    }
  }

  private void serve(Socket client) {
    try (client) {
      client.setTcpNoDelay(true);
      client.setSoTimeout(IDLE_TIMEOUT_MILLIS);
      InputStream in = new BufferedInputStream(client.getInputStream(), 16 * 1024);
      OutputStream out = new BufferedOutputStream(client.getOutputStream(), 16 * 1024);
      InetSocketAddress remote = (InetSocketAddress) client.getRemoteSocketAddress();
      RequestReader reader = new RequestReader(in, out, MAX_HEADER_BYTES, MAX_BODY_BYTES);
      while (!closed) {
        RequestReader.Parsed parsed;
        try {
          parsed = reader.next(remote, secure);
        } catch (RequestReader.BadRequest e) {
          write(
              out, WireResponse.empty(e.status(), e.getMessage()).closeConnection(), false, false);
          return;
        }
        if (parsed == null) {
          return;
        }
        WireResponse response = handler.handle(parsed.request());
        if (response.isDrop()) {
          client.setSoLinger(true, 0);
          return;
        }
        if (response.upgrade() != null) {
          response.upgrade().serve(parsed.request(), in, out, client);
          return;
        }
        String acceptEncoding = parsed.request().header("accept-encoding");
        boolean gzip = compress && acceptEncoding != null && acceptEncoding.contains("gzip");
        boolean keepAlive = parsed.keepAlive() && !response.close() && response.status() < 400;
        write(out, response, keepAlive, gzip);
        if (!keepAlive) {
          return;
        }
      }
    } catch (SocketTimeoutException | SocketException | SSLException e) {
      // idle keep-alive connection, a client that went away, or a failed TLS handshake
    } catch (IOException e) {
      // the client is gone; nothing to answer
    } finally {
      open.remove(client);
    }
  }

  private void write(OutputStream out, WireResponse response, boolean keepAlive, boolean gzip)
      throws IOException {
    byte[] body = response.body();
    boolean compressed = false;
    if (gzip && body.length > GZIP_THRESHOLD) {
      body = gzip(body);
      compressed = true;
    }
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(response.status()).append(' ');
    head.append(response.reason().isEmpty() ? defaultReason(response.status()) : response.reason());
    head.append("\r\n");
    String now = httpDate();
    head.append("Cache-Control: max-age=0\r\n");
    head.append("Connection: ").append(keepAlive ? "Keep-Alive" : "close").append("\r\n");
    head.append("Date: ").append(now).append("\r\n");
    head.append("Pragma: no-cache\r\n");
    head.append("Server: pve-api-daemon/3.0\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n");
    if (response.contentType() != null) {
      head.append("Content-Type: ").append(response.contentType()).append("\r\n");
    }
    if (compressed) {
      head.append("Content-Encoding: gzip\r\n");
    }
    head.append("Expires: ").append(now).append("\r\n");
    response.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    head.append("\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  private String httpDate() {
    long second = System.currentTimeMillis() / 1000;
    CachedDate cached = date;
    if (cached.second != second) {
      cached = new CachedDate(second, HTTP_DATE.format(Instant.ofEpochSecond(second)));
      date = cached;
    }
    return cached.text;
  }

  private static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(body.length / 3 + 64);
    // level 1: the client cannot tell, and compression is the largest cost of a big answer
    try (GZIPOutputStream zip =
        new GZIPOutputStream(buffer, 8192) {
          {
            def.setLevel(Deflater.BEST_SPEED);
          }
        }) {
      zip.write(body);
    }
    return buffer.toByteArray();
  }

  static String defaultReason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 413 -> "Request Entity Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      default -> String.format(Locale.ROOT, "Status %d", status);
    };
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // already closed
    }
  }

  private record CachedDate(long second, String text) {}
}
