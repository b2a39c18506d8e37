package io.pvekit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A minimal in-memory Kubernetes API (plain HTTP) for CLI tests: create, get, list (namespace or
 * all, one equality label selector), JSON merge patch, delete. Apply patches answer 404 for a new
 * object and 415 for an existing one, as fabric8's CRUD mock does. The examples module has no
 * fabric8 mock server on its test classpath; the workflow itself is tested in capi-model.
 */
final class TenantFakeApiServer implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpServer server;
  final Map<String, ObjectNode> objects = new ConcurrentHashMap<>();

  TenantFakeApiServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  Path kubeconfig(Path dir) throws IOException {
    Path file = dir.resolve("kubeconfig");
    Files.writeString(
        file,
        "apiVersion: v1\nkind: Config\nclusters:\n- name: c\n  cluster:\n    server: http://127.0.0.1:"
            + server.getAddress().getPort()
            + "\ncontexts:\n- name: c\n  context:\n    cluster: c\n    user: u\ncurrent-context: c\n"
            + "users:\n- name: u\n  user:\n    token: t\n");
    return file;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** {@code group/version/plural} and namespace and name of a path; name or namespace may be "". */
  private record Target(String gvp, String namespace, String name, boolean allNamespaces) {
    String key() {
      return gvp + "|" + namespace + "|" + name;
    }
  }

  private static Target target(String path) {
    String[] p = path.replaceAll("^/+|/+$", "").split("/");
    int i;
    String gv;
    if (p[0].equals("api")) {
      gv = "/" + p[1];
      i = 2;
    } else {
      gv = p[1] + "/" + p[2];
      i = 3;
    }
    if (p.length > i + 1 && p[i].equals("namespaces") && p.length > i + 2) {
      String ns = p[i + 1];
      return new Target(gv + "/" + p[i + 2], ns, p.length > i + 3 ? p[i + 3] : "", false);
    }
    String plural = p[i];
    String name = p.length > i + 1 ? p[i + 1] : "";
    boolean clusterScoped = plural.equals("namespaces");
    return new Target(gv + "/" + plural, "", name, !clusterScoped && name.isEmpty());
  }

  private void handle(HttpExchange x) throws IOException {
    try {
      String method = x.getRequestMethod();
      Target t = target(x.getRequestURI().getPath());
      byte[] body = x.getRequestBody().readAllBytes();
      String query = x.getRequestURI().getRawQuery() == null ? "" : x.getRequestURI().getRawQuery();
      switch (method) {
        case "GET" -> {
          if (t.name().isEmpty()) {
            list(x, t, query);
          } else {
            ObjectNode o = objects.get(t.key());
            send(x, o == null ? 404 : 200, o == null ? status(404) : o);
          }
        }
        case "POST" -> {
          ObjectNode o = (ObjectNode) JSON.readTree(body);
          String name = o.path("metadata").path("name").asText();
          Target k = new Target(t.gvp(), t.namespace(), name, false);
          ((ObjectNode) o.get("metadata")).put("resourceVersion", "1");
          objects.put(k.key(), o);
          send(x, 201, o);
        }
        case "PATCH" -> patch(x, t, body);
        case "DELETE" -> {
          ObjectNode o = objects.remove(t.key());
          send(x, o == null ? 404 : 200, o == null ? status(404) : o);
        }
        default -> send(x, 405, status(405));
      }
    } catch (RuntimeException e) {
      send(x, 500, status(500));
    }
  }

  private void patch(HttpExchange x, Target t, byte[] body) throws IOException {
    String type = x.getRequestHeaders().getFirst("Content-Type");
    ObjectNode existing = objects.get(t.key());
    if (type != null && type.startsWith("application/apply-patch")) {
      send(x, existing == null ? 404 : 415, status(existing == null ? 404 : 415));
      return;
    }
    if (existing == null) {
      send(x, 404, status(404));
      return;
    }
    merge(existing, JSON.readTree(body));
    send(x, 200, existing);
  }

  private static void merge(ObjectNode target, JsonNode patch) {
    for (Map.Entry<String, JsonNode> f : patch.properties()) {
      if (f.getValue().isNull()) {
        target.remove(f.getKey());
      } else if (f.getValue().isObject() && target.get(f.getKey()) instanceof ObjectNode child) {
        merge(child, f.getValue());
      } else {
        target.set(f.getKey(), f.getValue());
      }
    }
  }

  private void list(HttpExchange x, Target t, String query) throws IOException {
    String selector = "";
    for (String param : query.split("&")) {
      if (param.startsWith("labelSelector=")) {
        selector = URLDecoder.decode(param.substring(14), StandardCharsets.UTF_8);
      }
    }
    ObjectNode list = JSON.createObjectNode();
    list.put("apiVersion", "v1")
        .put("kind", "List")
        .putObject("metadata")
        .put("resourceVersion", "1");
    ArrayNode items = list.putArray("items");
    for (Map.Entry<String, ObjectNode> e : objects.entrySet()) {
      String[] k = e.getKey().split("\\|", -1);
      boolean nsOk = t.allNamespaces() || k[1].equals(t.namespace());
      if (k[0].equals(t.gvp()) && nsOk && matches(e.getValue(), selector)) {
        items.add(e.getValue());
      }
    }
    send(x, 200, list);
  }

  private static boolean matches(JsonNode o, String selector) {
    if (selector.isEmpty()) {
      return true;
    }
    String[] kv = selector.split("=", 2);
    return o.path("metadata").path("labels").path(kv[0]).asText("\u0000").equals(kv[1]);
  }

  private static ObjectNode status(int code) {
    ObjectNode s = JSON.createObjectNode();
    s.put("apiVersion", "v1").put("kind", "Status").put("status", "Failure").put("code", code);
    return s;
  }

  private static void send(HttpExchange x, int code, JsonNode body) throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(body);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(code, bytes.length);
    try (OutputStream out = x.getResponseBody()) {
      out.write(bytes);
    }
  }
}
