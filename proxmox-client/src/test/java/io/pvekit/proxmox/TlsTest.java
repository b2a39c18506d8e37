package io.pvekit.proxmox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.pvekit.proxmox.internal.Tls;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** TLS against a real HTTPS server with certificates generated per test. */
class TlsTest {
  private HttpsServer server;

  private String start(SSLContext context) throws Exception {
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    server.createContext(
        "/api2/json/version",
        exchange -> {
          byte[] body = "{\"data\":{\"version\":\"9.1.3\"}}".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json;charset=UTF-8");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    return "https://localhost:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static ProxmoxClient.Builder client(String url) {
    return ProxmoxClient.builder()
        .baseUrl(url)
        .authentication(Authentication.apiToken("ci@pve!t", Secret.of("s")))
        .retryPolicy(RetryPolicy.none());
  }

  @Test
  void defaultVerification_rejectsASelfSignedCertificate() throws Exception {
    String url = start(TestCertificates.selfSigned().serverContext());
    try (ProxmoxClient client = client(url).build()) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxNoResponseException.class)
          .hasMessageContaining("TLS handshake failed")
          .hasMessageContaining("pinnedFingerprint")
          .hasMessageContaining("#tls");
    }
  }

  @Test
  void pinnedFingerprint_thatMatches_isTrusted_inLowerCaseToo() throws Exception {
    TestCertificates.Held cert = TestCertificates.selfSigned();
    String url = start(cert.serverContext());
    String fingerprint = Tls.fingerprint(cert.certificate());
    assertThat(fingerprint).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    try (ProxmoxClient client = client(url).pinnedFingerprint(fingerprint.toLowerCase()).build()) {
      assertThat(client.raw().get("/version").path("version").asText()).isEqualTo("9.1.3");
    }
  }

  @Test
  void pinnedFingerprint_thatDoesNotMatch_isRejectedNamingBoth() throws Exception {
    TestCertificates.Held cert = TestCertificates.selfSigned();
    String url = start(cert.serverContext());
    String other = Tls.fingerprint(TestCertificates.selfSigned().certificate());
    try (ProxmoxClient client = client(url).pinnedFingerprint(other).build()) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxNoResponseException.class)
          .hasMessageContaining("does not match the pinned " + other)
          .hasMessageContaining(Tls.fingerprint(cert.certificate()));
    }
  }

  @Test
  void malformedFingerprint_isRefusedAtBuildTime() {
    assertThatThrownBy(() -> ProxmoxClient.builder().pinnedFingerprint("AA:BB"))
        .hasMessageContaining("fingerprint: 'AA:BB'");
  }

  @Test
  void customCaFromPem_isTrusted_andAnotherCaIsNot() throws Exception {
    TestCertificates.Held ca = TestCertificates.ca("pvekit test CA");
    TestCertificates.Held serverCert = TestCertificates.server(ca);
    String url = start(serverCert.serverContext(ca.certificate()));
    try (ProxmoxClient client = client(url).trustedCertificatesPem(ca.pem()).build()) {
      assertThat(client.raw().get("/version", Map.of()).path("version").asText())
          .isEqualTo("9.1.3");
    }
    String otherCa = TestCertificates.ca("someone else").pem();
    try (ProxmoxClient client = client(url).trustedCertificatesPem(otherCa).build()) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxNoResponseException.class)
          .hasMessageContaining("TLS handshake failed");
    }
  }

  @Test
  void insecureMode_acceptsAnything_andOnlyOneTlsModeMayBeChosen() throws Exception {
    String url = start(TestCertificates.selfSigned().serverContext());
    try (ProxmoxClient client = client(url).insecureSkipTlsVerification().build()) {
      assertThat(client.raw().get("/version").path("version").asText()).isEqualTo("9.1.3");
    }
    assertThatThrownBy(
            () ->
                client(url)
                    .insecureSkipTlsVerification()
                    .pinnedFingerprint(Tls.fingerprint(TestCertificates.selfSigned().certificate()))
                    .build())
        .hasMessageContaining("choose one of");
    assertThatThrownBy(() -> client(url).trustedCertificatesPem("not pem").build())
        .hasMessageContaining("trustedCertificatesPem");
  }
}
