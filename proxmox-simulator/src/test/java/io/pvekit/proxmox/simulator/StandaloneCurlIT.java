package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

/** The standalone jar as a separate process, driven with {@code curl -k}. */
@Requires(Prerequisite.CURL)
class StandaloneCurlIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void printsExactlyOneLine_withThePortAndTheCertificatesFingerprint() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    StandaloneProcess sim =
        StandaloneProcess.start(
            "--port", Integer.toString(port), "--user", "root@pam", "--password", "SECRET");
    try {
      assertThat(sim.port()).isEqualTo(port);
      assertThat(sim.fingerprint()).isEqualTo(serverFingerprint(port));
      JsonNode login =
          curl(port, null, "POST", "/access/ticket", "username=root@pam", "password=SECRET");
      String[] auth = {login.get("data").get("ticket").asText(), ""};
      assertThat(curl(port, auth, "GET", "/version").get("data").get("version").asText())
          .isEqualTo("9.1.3");
    } finally {
      assertThat(sim.stopAndReadRest()).isEmpty();
    }
  }

  @Test
  void curl_logsInClonesStartsWaitsAndDeletes() throws Exception {
    try (StandaloneProcess sim = StandaloneProcess.start("--port", "0", "--password", "SECRET")) {
      int port = sim.port();
      JsonNode login =
          curl(port, null, "POST", "/access/ticket", "username=root@pam", "password=SECRET");
      String ticket = login.get("data").get("ticket").asText();
      String csrf = login.get("data").get("CSRFPreventionToken").asText();
      String[] auth = {ticket, csrf};

      assertThat(curl(port, auth, "GET", "/nodes").get("data").findValuesAsText("node"))
          .containsExactly("pve1");
      String upid =
          curl(port, auth, "POST", "/nodes/pve1/qemu/9000/clone", "newid=123", "name=curl-vm")
              .get("data")
              .asText();
      assertThat(awaitTask(port, auth, upid)).isEqualTo("OK");
      assertThat(
              awaitTask(
                  port,
                  auth,
                  curl(port, auth, "POST", "/nodes/pve1/qemu/123/status/start")
                      .get("data")
                      .asText()))
          .isEqualTo("OK");
      assertThat(
              curl(port, auth, "GET", "/cluster/resources?type=vm")
                  .get("data")
                  .findValuesAsText("status"))
          .contains("running");
      assertThat(
              awaitTask(
                  port,
                  auth,
                  curl(port, auth, "POST", "/nodes/pve1/qemu/123/status/stop")
                      .get("data")
                      .asText()))
          .isEqualTo("OK");
      assertThat(
              awaitTask(
                  port,
                  auth,
                  curl(port, auth, "DELETE", "/nodes/pve1/qemu/123").get("data").asText()))
          .isEqualTo("OK");
      assertThat(curl(port, auth, "GET", "/nodes/pve1/qemu").get("data").findValuesAsText("vmid"))
          .containsExactly("9000");
    }
  }

  private static String awaitTask(int port, String[] auth, String upid) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode status =
          curl(port, auth, "GET", "/nodes/pve1/tasks/" + upid + "/status").get("data");
      if (status.get("status").asText().equals("stopped")) {
        return status.get("exitstatus").asText();
      }
      Thread.sleep(20);
    }
    throw new AssertionError("task did not finish: " + upid);
  }

  /** Runs curl -k and parses the body; an empty body (401) parses as an empty object. */
  private static JsonNode curl(int port, String[] auth, String method, String path, String... form)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("curl", "-sk", "-X", method));
    if (auth != null) {
      command.addAll(List.of("-b", "PVEAuthCookie=" + auth[0]));
      if (!method.equals("GET")) {
        command.addAll(List.of("-H", "CSRFPreventionToken: " + auth[1]));
      }
    }
    for (String f : form) {
      command.addAll(List.of("--data-urlencode", f));
    }
    command.add("https://127.0.0.1:" + port + "/api2/json" + path);
    Process curl = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(curl.waitFor()).as("curl exit status, output: %s", out).isZero();
    return out.isEmpty()
        ? JSON.createObjectNode().set("data", JSON.createObjectNode())
        : JSON.readTree(out);
  }

  private static String serverFingerprint(int port) throws Exception {
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {new TrustEverything()}, null);
    try (SSLSocket socket =
        (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
      socket.startHandshake();
      byte[] der = socket.getSession().getPeerCertificates()[0].getEncoded();
      return HexFormat.ofDelimiter(":")
          .withUpperCase()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }
  }

  private static final class TrustEverything implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
