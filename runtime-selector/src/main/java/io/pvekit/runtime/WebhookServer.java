package io.pvekit.runtime;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;

/**
 * A small HTTPS server for the admission webhook on the JDK's built-in server: {@code POST
 * /mutate}, {@code POST /validate} and {@code GET /healthz}. Bodies over the limit get a 400
 * without being read to the end.
 */
public final class WebhookServer implements AutoCloseable {
  private final HttpsServer server;
  private final ExecutorService executor;

  private WebhookServer(HttpsServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a server answering with an {@link AdmissionHandler}.
   *
   * @param address where to listen (port 0 picks a free one)
   * @param tls the TLS identity
   * @param handler the handler
   * @param threads worker threads
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static WebhookServer start(
      InetSocketAddress address, WebhookTls tls, AdmissionHandler handler, int threads)
      throws IOException {
    return start(address, tls, handler::handle, AdmissionHandler.DEFAULT_MAX_BODY_BYTES, threads);
  }

  /**
   * Starts a server answering with any function of path and body (e.g. a fixed allow, as the load
   * test's baseline).
   *
   * @param address where to listen
   * @param tls the TLS identity
   * @param handler path and body to response; must not throw
   * @param maxBodyBytes larger bodies get a 400
   * @param threads worker threads
   * @return the running server
   * @throws IOException when the address cannot be bound
   */
  public static WebhookServer start(
      InetSocketAddress address,
      WebhookTls tls,
      BiFunction<String, byte[], AdmissionResponse> handler,
      int maxBodyBytes,
      int threads)
      throws IOException {
    HttpsServer server = HttpsServer.create(address, 512);
    server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    server.setExecutor(executor);
    server.createContext(
        "/healthz",
        exchange -> respond(exchange, 200, "text/plain", "ok".getBytes(StandardCharsets.UTF_8)));
    for (String path :
        new String[] {AdmissionHandler.MUTATE_PATH, AdmissionHandler.VALIDATE_PATH}) {
      server.createContext(path, exchange -> serve(exchange, path, handler, maxBodyBytes));
    }
    server.start();
    return new WebhookServer(server, executor);
  }

  private static void serve(
      HttpExchange exchange,
      String path,
      BiFunction<String, byte[], AdmissionResponse> handler,
      int maxBodyBytes)
      throws IOException {
    try (exchange) {
      if (!"POST".equals(exchange.getRequestMethod())
          || !path.equals(exchange.getRequestURI().getPath())) {
        respond(
            exchange,
            405,
            "text/plain",
            "POST /mutate or /validate".getBytes(StandardCharsets.UTF_8));
        return;
      }
      byte[] body = readAtMost(exchange.getRequestBody(), maxBodyBytes + 1);
      AdmissionResponse response =
          body.length > maxBodyBytes
              ? new AdmissionResponse(
                  400,
                  ("bad AdmissionReview: body over the limit of " + maxBodyBytes + " bytes")
                      .getBytes(StandardCharsets.UTF_8),
                  "text/plain")
              : handler.apply(path, body);
      respond(exchange, response.status(), response.contentType(), response.body());
    }
  }

  private static byte[] readAtMost(InputStream in, int limit) throws IOException {
    return in.readNBytes(limit);
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  /**
   * The port the server listens on.
   *
   * @return the port
   */
  public int port() {
    return server.getAddress().getPort();
  }

  /** Stops the server at once and its workers. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
