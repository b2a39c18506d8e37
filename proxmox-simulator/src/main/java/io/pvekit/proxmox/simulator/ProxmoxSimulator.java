package io.pvekit.proxmox.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A Proxmox VE API server that runs in the calling JVM. Close it to stop serving.
 *
 * <p>This first version answers {@code GET /api2/json/version} the way PVE 9.1 does and {@code 501}
 * for every other path.
 */
public final class ProxmoxSimulator implements AutoCloseable {
  /** The PVE release the simulator models. */
  public static final String PVE_VERSION = "9.1.3";

  private final HttpServer server;

  private ProxmoxSimulator(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts a simulator on a free loopback port.
   *
   * @return the running simulator
   */
  public static ProxmoxSimulator start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/api2/json/", ProxmoxSimulator::handle);
      server.start();
      return new ProxmoxSimulator(server);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot bind the simulator to a loopback port", e);
    }
  }

  /**
   * The URL clients use, for example {@code http://127.0.0.1:41234}.
   *
   * @return the base URL, without {@code /api2/json}
   */
  public URI baseUrl() {
    InetSocketAddress address = server.getAddress();
    return URI.create("http://" + address.getHostString() + ":" + address.getPort());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getPath();
    if (exchange.getRequestMethod().equals("GET") && path.equals("/api2/json/version")) {
      String major = PVE_VERSION.substring(0, PVE_VERSION.lastIndexOf('.'));
      respond(
          exchange,
          200,
          "OK",
          "{\"data\":{\"version\":\""
              + PVE_VERSION
              + "\",\"release\":\""
              + major
              + "\",\"repoid\":\"simulator\"}}");
    } else {
      respond(exchange, 501, "Method '" + path + "' not implemented", "{\"data\":null}");
    }
  }

  private static void respond(HttpExchange exchange, int status, String reason, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    exchange.getResponseHeaders().set("X-Reason", reason);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
