package io.pvekit.examples.apps;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pvekit.runtime.AdmissionHandler;
import io.pvekit.runtime.AdmissionResponse;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.OwnerLookup;
import io.pvekit.runtime.Policy;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Embeds runtime-selector's admission webhook in an HTTP server of your own: here the JDK's {@code
 * com.sun.net.httpserver.HttpServer}, but any server that hands over a path and a body works,
 * because {@link AdmissionHandler#handle(String, byte[])} is plain bytes in, status and bytes out.
 *
 * <pre>
 * java io.pvekit.examples.apps.EmbedWebhook 8080 examples/inventory.yaml
 * </pre>
 *
 * <p>The Kubernetes API server only calls webhooks over HTTPS: put this behind a TLS-terminating
 * proxy, or use {@code io.pvekit.runtime.WebhookServer}, which serves HTTPS itself.
 */
public final class EmbedWebhook {
  private static final byte[] OK = "ok".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NOT_ALLOWED =
      "POST /mutate or /validate".getBytes(StandardCharsets.UTF_8);

  private EmbedWebhook() {}

  /**
   * Command-line entry point: serves until the process is stopped.
   *
   * @param args port, inventory YAML file
   * @throws IOException if the port cannot be bound or the inventory read
   */
  public static void main(String[] args) throws IOException {
    PrintWriter out = new PrintWriter(System.out, true);
    if (args.length != 2) {
      out.println("usage: EmbedWebhook PORT INVENTORY_YAML");
      System.exit(2);
    }
    Inventory inventory;
    try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
      inventory = Inventory.fromYaml(in);
    }
    // The lookup walks pods' owners up to their database; it needs read access to the cluster.
    KubernetesClient kubernetes = new KubernetesClientBuilder().build();
    HttpServer server =
        start(
            new InetSocketAddress(Integer.parseInt(args[0])),
            inventory,
            OwnerLookup.of(kubernetes),
            out);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop(1);
                  kubernetes.close();
                }));
  }

  /**
   * Starts the server with {@code /mutate}, {@code /validate} and {@code /healthz}.
   *
   * @param address where to listen (port 0 for any free port)
   * @param inventory the cluster inventory the decisions use
   * @param owners finds the owners of reviewed pods
   * @param out where the listening line goes
   * @return the running server; stop it with {@link HttpServer#stop(int)}
   * @throws IOException if the address cannot be bound
   */
  public static HttpServer start(
      InetSocketAddress address, Inventory inventory, OwnerLookup owners, PrintWriter out)
      throws IOException {
    AdmissionHandler handler = new AdmissionHandler(Policy.defaults(), () -> inventory, owners);
    HttpServer server = HttpServer.create(address, 0);
    server.createContext("/healthz", exchange -> respond(exchange, 200, "text/plain", OK));
    for (String path :
        new String[] {AdmissionHandler.MUTATE_PATH, AdmissionHandler.VALIDATE_PATH}) {
      server.createContext(
          path,
          exchange -> {
            // createContext matches prefixes; only the exact path with POST is a review.
            if (!"POST".equals(exchange.getRequestMethod())
                || !path.equals(exchange.getRequestURI().getPath())) {
              respond(exchange, 405, "text/plain", NOT_ALLOWED);
              return;
            }
            byte[] body =
                exchange.getRequestBody().readNBytes(AdmissionHandler.DEFAULT_MAX_BODY_BYTES + 1);
            AdmissionResponse response = handler.handle(path, body);
            respond(exchange, response.status(), response.contentType(), response.body());
          });
    }
    server.start();
    out.println(
        "admission webhook listening on http://"
            + address.getHostString()
            + ":"
            + server.getAddress().getPort()
            + " (/mutate, /validate, /healthz)");
    return server;
  }

  private static void respond(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", type);
      exchange.sendResponseHeaders(status, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }
}
