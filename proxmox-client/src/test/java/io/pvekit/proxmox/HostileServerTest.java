package io.pvekit.proxmox;

import static io.pvekit.proxmox.HostileServer.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Part of the attack corpus: a hostile HTTP server on 127.0.0.1 (or whatever answers in the place
 * of PVE) tries to exhaust the client's memory or hold its caller forever. Every case must end
 * quickly in a typed {@link ProxmoxException} that says what to do, and never show a secret.
 */
@Timeout(60)
class HostileServerTest {
  private static final String TOKEN_SECRET = WireMockSupport.TOKEN_SECRET;
  private static final String PASSWORD = WireMockSupport.PASSWORD;
  private static final long MIB = 1 << 20;

  private HostileServer server;

  @AfterEach
  void stop() throws IOException {
    if (server != null) {
      server.close();
    }
  }

  private HostileServer serve(HostileServer.Behaviour behaviour) throws IOException {
    server = new HostileServer(behaviour);
    return server;
  }

  private ProxmoxClient.Builder client() {
    return ProxmoxClient.builder()
        .baseUrl(server.baseUrl())
        .authentication(Authentication.apiToken(WireMockSupport.TOKEN_ID, Secret.of(TOKEN_SECRET)))
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4)));
  }

  // ---- bodies too large to hold -------------------------------------------------------------

  @Test
  void aDeclaredLengthOverTheLimit_failsBeforeReading_namingTheLimitAndHowToRaiseIt()
      throws IOException {
    serve(
        (head, out) -> {
          write(out, "HTTP/1.1 200 OK\r\nContent-Length: 209715200\r\n\r\n{\"data\":\"");
          endless(out, "x");
        });
    try (ProxmoxClient client = client().maxResponseBodySize(MIB).build()) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxResponseTooLargeException.class)
          .hasMessageStartingWith("GET /version: the 200 response body declares 209715200 bytes")
          .hasMessageContaining("limit of 1 MiB")
          .hasMessageContaining("maxResponseBodySize")
          .hasMessageContaining("#response-too-large")
          .satisfies(e -> assertThat(((ProxmoxResponseTooLargeException) e).limit()).isEqualTo(MIB))
          .satisfies(
              e -> assertThat(((ProxmoxResponseTooLargeException) e).status()).isEqualTo(200));
    }
    assertThat(server.requests()).as("a body too large is not retried").hasSize(1);
  }

  @Test
  void anEndlessBody_stopsAtTheDefaultLimitOf64MiB() throws IOException {
    serve(
        (head, out) -> {
          write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n{\"data\":[");
          endless(out, "0,");
        });
    try (ProxmoxClient client = client().build()) {
      assertThatThrownBy(() -> client.cluster().status())
          .isInstanceOf(ProxmoxResponseTooLargeException.class)
          .hasMessageContaining("GET /cluster/status: the 200 response body went on past")
          .hasMessageContaining("the limit of 64 MiB");
    }
  }

  @Test
  void aGzipBomb_isCountedAfterDecompression() throws IOException {
    byte[] bomb = gzip("{\"data\":\"", 100 * MIB, ' ');
    assertThat(bomb.length).as("the bomb is small on the wire").isLessThan((int) MIB);
    serve((head, out) -> gzipResponse(out, 200, bomb));
    try (ProxmoxClient client = client().build()) {
      assertThatThrownBy(() -> client.version())
          .isInstanceOf(ProxmoxResponseTooLargeException.class)
          .hasMessageContaining("after decompression")
          .hasMessageContaining("64 MiB");
    }
  }

  @Test
  void aGzipBomb_ofClusterResources_stopsTheStreamingDecoderToo() throws IOException {
    String entry = "{\"id\":\"qemu/100\",\"type\":\"qemu\",\"node\":\"pve1\",\"vmid\":100},";
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(plain)) {
      gz.write("{\"data\":[".getBytes(StandardCharsets.US_ASCII));
      byte[] one = entry.getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < 8 * MIB; written += one.length) {
        gz.write(one);
      }
    }
    byte[] bomb = plain.toByteArray();
    serve((head, out) -> gzipResponse(out, 200, bomb));
    try (ProxmoxClient client = client().maxResponseBodySize(2 * MIB).build()) {
      assertThatThrownBy(() -> client.cluster().resources())
          .isInstanceOf(ProxmoxResponseTooLargeException.class)
          .hasMessageContaining("GET /cluster/resources")
          .hasMessageContaining("2 MiB");
      assertThatThrownBy(() -> client.cluster().resources(ClusterResource.Kind.VM))
          .isInstanceOf(ProxmoxResponseTooLargeException.class);
    }
  }

  @Test
  void anEndlessErrorBody_isBoundedToo() throws IOException {
    serve(
        (head, out) -> {
          write(out, "HTTP/1.1 500 Internal Error\r\nTransfer-Encoding: chunked\r\n\r\n");
          byte[] chunk = ("10000\r\n" + "e".repeat(0x10000) + "\r\n").getBytes();
          while (true) {
            out.write(chunk);
          }
        });
    try (ProxmoxClient client = client().maxResponseBodySize(MIB).build()) {
      assertThatThrownBy(() -> client.raw().post("/nodes/pve1/qemu", Map.of("vmid", 100)))
          .isInstanceOf(ProxmoxResponseTooLargeException.class)
          .hasMessageStartingWith("POST /nodes/pve1/qemu: the 500 response body")
          .satisfies(
              e -> assertThat(((ProxmoxMalformedResponseException) e).status()).isEqualTo(500));
    }
  }

  @Test
  void aHugeErrorMessage_isCutInTheExceptionMessage() throws IOException {
    String message = "m".repeat(2 << 20);
    serve(
        (head, out) -> {
          byte[] body = ("{\"data\":null,\"message\":\"" + message + "\"}").getBytes();
          write(out, "HTTP/1.1 500 \r\nContent-Length: " + body.length + "\r\n\r\n");
          out.write(body);
        });
    try (ProxmoxClient client = client().build()) {
      assertThatThrownBy(() -> client.raw().get("/nodes"))
          .isInstanceOf(ProxmoxApiException.class)
          .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(4096));
    }
  }

  @Test
  void aBodyUnderTheByteLimit_butDenseWithValues_doesNotBecomeAHugeTree() throws IOException {
    // 48 MiB of "{}," is 33 million JSON tokens: a tree of ~2 GB, ~40 bytes per byte received
    byte[] dense = ("{\"data\":[" + "{},".repeat((int) (16 * MIB)) + "{}]}").getBytes();
    serve(
        (head, out) -> {
          write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + dense.length + "\r\n\r\n");
          out.write(dense);
        });
    try (ProxmoxClient client = client().build()) {
      assertThatThrownBy(() -> client.raw().get("/cluster/resources"))
          .isInstanceOf(ProxmoxResponseTooLargeException.class)
          .hasMessageContaining("JSON values")
          .hasMessageContaining("maxResponseBodySize");
      assertThatThrownBy(() -> client.cluster().resources())
          .as("the streaming decoder of /cluster/resources")
          .isInstanceOf(ProxmoxResponseTooLargeException.class);
    }
  }

  // ---- slow servers and the deadline ---------------------------------------------------------

  @Test
  void headersDrippedOneLineAtATime_endAtTheDeadline_notAtTheReadTimeout() throws IOException {
    serve(
        (head, out) -> {
          write(out, "HTTP/1.1 200 OK\r\n");
          for (int i = 0; ; i++) {
            write(out, "X-Drip-" + i + ": " + i + "\r\n");
            out.flush();
            Thread.sleep(100);
          }
        });
    long start = System.nanoTime();
    try (ProxmoxClient client = client().deadline(Duration.ofSeconds(1)).build()) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxTimeoutException.class)
          .isInstanceOf(ProxmoxNoResponseException.class)
          .hasMessageStartingWith("GET /version: no complete response within the deadline of 1 s")
          .hasMessageContaining("deadline(")
          .hasMessageContaining("#deadline-exceeded")
          .hasMessageNotContaining(TOKEN_SECRET)
          .satisfies(
              e ->
                  assertThat(((ProxmoxTimeoutException) e).deadline())
                      .isEqualTo(Duration.ofSeconds(1)));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void aBodyDrippedByteByByte_endsAtTheDeadline() throws IOException {
    serve(
        (head, out) -> {
          write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n");
          while (true) {
            write(out, " ");
            out.flush();
            Thread.sleep(50);
          }
        });
    try (ProxmoxClient client = client().deadline(Duration.ofMillis(800)).build()) {
      assertThatThrownBy(() -> client.nodes())
          .isInstanceOf(ProxmoxTimeoutException.class)
          .hasMessageContaining("deadline of 800 ms");
    }
  }

  @Test
  void theDeadline_spansRetries() throws IOException {
    serve(
        (head, out) -> {
          Thread.sleep(300);
          write(out, "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n");
        });
    long start = System.nanoTime();
    try (ProxmoxClient client =
        client()
            .retryPolicy(new RetryPolicy(50, Duration.ofMillis(1), Duration.ofMillis(1)))
            .deadline(Duration.ofSeconds(1))
            .build()) {
      assertThatThrownBy(() -> client.raw().get("/nodes"))
          .isInstanceOf(ProxmoxTimeoutException.class)
          .hasMessageContaining("503 Busy")
          .satisfies(e -> assertThat(((ProxmoxTimeoutException) e).attempts()).isBetween(2, 5));
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    assertThat(server.requests().size()).isBetween(2, 5);
  }

  @Test
  void aWriteThatTimesOut_isNotRetried_andSaysItMayHaveTakenEffect() throws IOException {
    serve((head, out) -> Thread.sleep(60_000));
    try (ProxmoxClient client = client().deadline(Duration.ofMillis(500)).build()) {
      assertThatThrownBy(() -> client.node("pve1").qemu().vm(100).start())
          .isInstanceOf(ProxmoxTimeoutException.class)
          .hasMessageStartingWith("POST /nodes/pve1/qemu/100/status/start: ")
          .hasMessageContaining("may still have taken effect");
    }
    assertThat(server.requests()).hasSize(1);
  }

  @Test
  void aLoginThatDrips_spendsTheCallsDeadline_andShowsNoPassword() throws IOException {
    serve(
        (head, out) -> {
          write(out, "HTTP/1.1 200 OK\r\n");
          while (true) {
            write(out, "X: y\r\n");
            out.flush();
            Thread.sleep(100);
          }
        });
    long start = System.nanoTime();
    try (ProxmoxClient client =
        client()
            .authentication(Authentication.password("root@pam", Secret.of(PASSWORD)))
            .deadline(Duration.ofSeconds(1))
            .build()) {
      assertThatThrownBy(() -> client.raw().get("/nodes"))
          .isInstanceOf(ProxmoxTimeoutException.class)
          .hasMessageContaining("/access/ticket")
          .hasMessageNotContaining(PASSWORD);
    }
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
  }

  @Test
  void aLoginAnswerTooLarge_showsNoPassword() throws IOException {
    serve(
        (head, out) -> {
          write(out, "HTTP/1.1 200 OK\r\n\r\n{\"data\":{\"ticket\":\"");
          endless(out, PASSWORD);
        });
    try (ProxmoxClient client =
        client()
            .authentication(Authentication.password("root@pam", Secret.of(PASSWORD)))
            .maxResponseBodySize(64 * 1024)
            .build()) {
      assertThatThrownBy(() -> client.raw().get("/nodes"))
          .isInstanceOf(ProxmoxResponseTooLargeException.class)
          .hasMessageStartingWith("POST /access/ticket: ")
          .hasMessageNotContaining(PASSWORD);
    }
  }

  @Test
  void theDefaults_capBodiesAt64MiB_andCallsAt5Minutes() throws IOException {
    serve((head, out) -> {});
    try (ProxmoxClient client = client().build()) {
      assertThat(client.transport().limits().maxResponseBodyBytes()).isEqualTo(64 * MIB);
      assertThat(client.transport().limits().deadline()).isEqualTo(Duration.ofMinutes(5));
    }
    assertThat(ProxmoxClient.DEFAULT_MAX_RESPONSE_BODY_SIZE).isEqualTo(64 * MIB);
    assertThat(ProxmoxClient.DEFAULT_DEADLINE).isEqualTo(Duration.ofMinutes(5));
    assertThatThrownBy(() -> ProxmoxClient.builder().deadline(Duration.ofDays(400)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Duration.ZERO means none");
    assertThatThrownBy(() -> ProxmoxClient.builder().maxResponseBodySize(10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxResponseBodySize: 10");
  }

  // ---- secrets over plain HTTP ---------------------------------------------------------------

  @Test
  void plainHttpToAnotherHost_isRefused_forPasswordsAndTokens_withoutShowingThem() {
    for (Authentication auth :
        new Authentication[] {
          Authentication.password("root@pam", Secret.of(PASSWORD)),
          Authentication.apiToken(WireMockSupport.TOKEN_ID, Secret.of(TOKEN_SECRET))
        }) {
      assertThatThrownBy(
              () ->
                  ProxmoxClient.builder()
                      .baseUrl("http://admin:" + PASSWORD + "@pve1.example.org:8006")
                      .authentication(auth)
                      .build())
          .as(auth.toString())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("baseUrl: http://pve1.example.org:8006 is plain HTTP")
          .hasMessageContaining("https://pve1.example.org:8006")
          .hasMessageContaining("allowInsecureHttp(true)")
          .hasMessageNotContaining(PASSWORD)
          .hasMessageNotContaining(TOKEN_SECRET);
    }
  }

  @Test
  void plainHttp_isAllowedWhenAskedFor_orOnLoopback() {
    Authentication password = Authentication.password("root@pam", Secret.of(PASSWORD));
    for (String url :
        new String[] {
          "http://127.0.0.1:8006", "http://localhost:8006", "http://[::1]:8006", "https://pve1:8006"
        }) {
      try (ProxmoxClient client =
          ProxmoxClient.builder().baseUrl(url).authentication(password).build()) {
        assertThat(client.toString()).as(url).contains("/api2/json");
      }
    }
    try (ProxmoxClient client =
        ProxmoxClient.builder()
            .baseUrl("http://pve1.example.org:8006")
            .authentication(password)
            .allowInsecureHttp(true)
            .build()) {
      assertThat(client.toString()).contains("http://pve1.example.org:8006/api2/json");
    }
    assertThatThrownBy(
            () ->
                ProxmoxClient.builder()
                    .baseUrl("http://127.0.0.1.example.org:8006")
                    .authentication(password)
                    .build())
        .as("a name that only looks like loopback")
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void userInfoInTheBaseUrl_isNeverPrinted() {
    try (ProxmoxClient client =
        ProxmoxClient.builder()
            .baseUrl("https://root:" + PASSWORD + "@pve1:8006")
            .authentication(Authentication.password("root@pam", Secret.of(PASSWORD)))
            .build()) {
      assertThat(client.toString()).doesNotContain(PASSWORD).contains("https://pve1:8006");
    }
  }

  // ---- helpers -------------------------------------------------------------------------------

  private static void endless(OutputStream out, String unit) throws IOException {
    byte[] block = unit.repeat(Math.max(1, 65536 / unit.length())).getBytes();
    while (true) {
      out.write(block);
    }
  }

  private static void gzipResponse(OutputStream out, int status, byte[] gz) throws IOException {
    write(
        out,
        "HTTP/1.1 "
            + status
            + " OK\r\nContent-Type: application/json;charset=UTF-8\r\nContent-Encoding: gzip\r\n"
            + "Content-Length: "
            + gz.length
            + "\r\n\r\n");
    out.write(gz);
  }

  private static byte[] gzip(String prefix, long fill, char with) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
      gz.write(prefix.getBytes(StandardCharsets.US_ASCII));
      byte[] block = String.valueOf(with).repeat(1 << 16).getBytes(StandardCharsets.US_ASCII);
      for (long written = 0; written < fill; written += block.length) {
        gz.write(block);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
