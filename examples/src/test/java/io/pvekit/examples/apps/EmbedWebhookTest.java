package io.pvekit.examples.apps;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.pvekit.runtime.Inventory;
import io.pvekit.runtime.OwnerLookup;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EmbedWebhookTest {
  private static final String POD_REVIEW =
      """
      {"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview",
       "request":{"uid":"e2e-uid-42","kind":{"group":"","version":"v1","kind":"Pod"},
        "operation":"CREATE","namespace":"team-a","dryRun":false,
        "object":{"apiVersion":"v1","kind":"Pod",
         "metadata":{"name":"web","namespace":"team-a"},
         "spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
      """;

  private final StringWriter text = new StringWriter();
  private final HttpClient http = HttpClient.newHttpClient();
  private HttpServer server;
  private String base;

  @BeforeEach
  void start() throws Exception {
    Inventory inventory;
    try (InputStream in = EmbedWebhookTest.class.getResourceAsStream("/inventory.yaml")) {
      assertThat(in).as("inventory.yaml on the test classpath").isNotNull();
      inventory = Inventory.fromYaml(in);
    }
    server =
        EmbedWebhook.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            inventory,
            OwnerLookup.of(List.of()),
            new PrintWriter(text, true));
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void answersAnAdmissionReviewWithTheUidEchoed() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/validate"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(POD_REVIEW))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"kind\":\"AdmissionReview\"")
        .contains("\"uid\":\"e2e-uid-42\"")
        .contains("\"allowed\":true");
    assertThat(text.toString()).contains("admission webhook listening on http://");
  }

  @Test
  void refusesAnythingButPostAndAnswersHealth() throws Exception {
    HttpResponse<String> get =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/mutate")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    HttpResponse<String> health =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/healthz")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(get.statusCode()).isEqualTo(405);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).isEqualTo("ok");
  }

  @Test
  void answersABadReviewWith400() throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/validate"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"Pod\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.body()).contains("AdmissionReview");
  }
}
