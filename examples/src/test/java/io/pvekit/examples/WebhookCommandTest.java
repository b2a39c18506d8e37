package io.pvekit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  @TempDir Path dir;

  private int run(String... args) {
    return PvekitCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void serve_answersReviewsOverHttps() throws Exception {
    CompletableFuture<Integer> status =
        CompletableFuture.supplyAsync(
            () ->
                run(
                    "webhook",
                    "serve",
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    "0",
                    "--duration",
                    "20",
                    "--inventory",
                    "inventory.yaml"));
    int port = waitForPort();
    HttpClient client = HttpClient.newBuilder().sslContext(trustAll()).build();
    String review =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{"
            + "\"uid\":\"cli-1\",\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},"
            + "\"operation\":\"CREATE\",\"namespace\":\"team-b\",\"object\":{\"apiVersion\":\"v1\","
            + "\"kind\":\"Pod\",\"metadata\":{\"name\":\"p\"},\"spec\":{\"runtimeClassName\":\"kata\","
            + "\"containers\":[{\"name\":\"c\",\"image\":\"busybox\"}]}}}}";
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/validate"))
                .POST(HttpRequest.BodyPublishers.ofString(review))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains(
            "\"uid\":\"cli-1\"", "\"allowed\":false", "namespace team-b may not use runtime vm");
    HttpResponse<String> garbage =
        client.send(
            HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/mutate"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(status.get()).isZero();
  }

  @Test
  void manifests_printsBothConfigurationsWithTheCa() throws Exception {
    Path ca = dir.resolve("ca.crt");
    Files.writeString(ca, "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    assertThat(run("webhook", "manifests", "--ca", ca.toString())).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("kind: \"MutatingWebhookConfiguration\"")
        .contains("kind: \"ValidatingWebhookConfiguration\"")
        .contains("failurePolicy: \"Fail\"")
        .contains("caBundle: \"LS0tLS1CRUdJTi");
  }

  @Test
  void serve_withOnlyACert_exits2() {
    assertThat(run("webhook", "serve", "--cert", "x.pem")).isEqualTo(2);
    assertThat(err.toString()).contains("give both --cert and --key");
  }

  private int waitForPort() throws InterruptedException {
    Pattern p = Pattern.compile("listening on https://127.0.0.1:(\\d+)");
    for (int i = 0; i < 300; i++) {
      Matcher m = p.matcher(out.toString());
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("server did not start: " + err);
  }

  /** The server's certificate is self-signed and fresh: this test trusts it blindly. */
  private static SSLContext trustAll() throws Exception {
    TrustManager[] all = {
      new X509TrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
          return new X509Certificate[0];
        }
      }
    };
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, all, new SecureRandom());
    return context;
  }
}
