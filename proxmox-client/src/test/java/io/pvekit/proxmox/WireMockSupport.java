package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.time.Duration;

/** Shared setup of the WireMock-based tests. */
final class WireMockSupport {
  static final String API = "/api2/json";
  static final String TOKEN_ID = "ci@pve!deploy";
  static final String TOKEN_SECRET = "3f0b5a6e-0c53-4d7b-9e59-0b1f0d1c2a3b";
  static final String PASSWORD = "hunter2-secret";
  static final String TICKET = "PVE:root@pam:6560F00D::c2lnbmF0dXJl+/==";
  static final String CSRF = "6560F00D:Y3NyZnRva2Vu";

  private WireMockSupport() {}

  static ProxmoxClient.Builder clientBuilder(WireMockExtension server, Authentication auth) {
    return ProxmoxClient.builder()
        .baseUrl(server.baseUrl())
        .authentication(auth)
        .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(4)));
  }

  static ProxmoxClient tokenClient(WireMockExtension server) {
    return clientBuilder(server, Authentication.apiToken(TOKEN_ID, Secret.of(TOKEN_SECRET)))
        .build();
  }

  static String tokenHeader() {
    return "PVEAPIToken=" + TOKEN_ID + "=" + TOKEN_SECRET;
  }

  static ResponseDefinitionBuilder json(String body) {
    return aResponse()
        .withStatus(200)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body);
  }

  static ResponseDefinitionBuilder data(String dataJson) {
    return json("{\"data\":" + dataJson + "}");
  }

  static ResponseDefinitionBuilder error(int status, String reason, String body) {
    return aResponse()
        .withStatus(status)
        .withStatusMessage(reason)
        .withHeader("Content-Type", "application/json;charset=UTF-8")
        .withBody(body);
  }

  static void stubLogin(WireMockExtension server, String ticket, String csrf) {
    server.stubFor(
        post(urlEqualTo(API + "/access/ticket"))
            .withFormParam("password", equalTo(PASSWORD))
            .willReturn(
                data(
                    "{\"username\":\"root@pam\",\"ticket\":\""
                        + ticket
                        + "\",\"CSRFPreventionToken\":\""
                        + csrf
                        + "\",\"cap\":{}}")));
  }
}
