package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.API;
import static io.pvekit.proxmox.WireMockSupport.CSRF;
import static io.pvekit.proxmox.WireMockSupport.PASSWORD;
import static io.pvekit.proxmox.WireMockSupport.TICKET;
import static io.pvekit.proxmox.WireMockSupport.data;
import static io.pvekit.proxmox.WireMockSupport.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AuthenticationWireTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ProxmoxClient passwordClient(Clock clock) {
    return WireMockSupport.clientBuilder(
            server, Authentication.password("root@pam", Secret.of(PASSWORD)))
        .clock(clock)
        .build();
  }

  @Test
  void apiToken_isSentAsPveApiTokenHeader_withoutCsrfOrCookie() {
    server.stubFor(get(urlEqualTo(API + "/version")).willReturn(data("{\"version\":\"9.1.3\"}")));
    server.stubFor(
        post(urlEqualTo(API + "/nodes/pve1/qemu/100/status/start")).willReturn(data("null")));
    try (ProxmoxClient client = WireMockSupport.tokenClient(server)) {
      client.raw().get("/version");
      client.raw().post("/nodes/pve1/qemu/100/status/start", Map.of());
    }
    server.verify(
        getRequestedFor(urlEqualTo(API + "/version"))
            .withHeader("Authorization", equalTo(WireMockSupport.tokenHeader()))
            .withHeader("Cookie", absent())
            .withHeader("CSRFPreventionToken", absent()));
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/status/start"))
            .withHeader("Authorization", equalTo(WireMockSupport.tokenHeader()))
            .withHeader("CSRFPreventionToken", absent()));
  }

  @Test
  void ticketLogin_sendsCookieOnEveryCall_andCsrfOnlyOnWrites() {
    WireMockSupport.stubLogin(server, TICKET, CSRF);
    server.stubFor(get(urlEqualTo(API + "/version")).willReturn(data("{}")));
    server.stubFor(
        post(urlEqualTo(API + "/nodes/pve1/qemu/100/status/stop")).willReturn(data("null")));
    try (ProxmoxClient client = passwordClient(Clock.systemUTC())) {
      client.raw().get("/version");
      client.raw().get("/version");
      client.raw().post("/nodes/pve1/qemu/100/status/stop", Map.of());
    }
    server.verify(
        1,
        postRequestedFor(urlEqualTo(API + "/access/ticket"))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withFormParam("username", equalTo("root@pam"))
            .withFormParam("password", equalTo(PASSWORD))
            .withHeader("Authorization", absent())
            .withHeader("Cookie", absent()));
    server.verify(
        2,
        getRequestedFor(urlEqualTo(API + "/version"))
            .withHeader("Cookie", equalTo("PVEAuthCookie=" + TICKET))
            .withHeader("CSRFPreventionToken", absent()));
    server.verify(
        postRequestedFor(urlEqualTo(API + "/nodes/pve1/qemu/100/status/stop"))
            .withHeader("Cookie", equalTo("PVEAuthCookie=" + TICKET))
            .withHeader("CSRFPreventionToken", equalTo(CSRF)));
  }

  @Test
  void a401_triggersExactlyOneReLogin_andTheCallIsRepeated() {
    WireMockSupport.stubLogin(server, TICKET, CSRF);
    server.stubFor(
        get(urlEqualTo(API + "/cluster/status"))
            .inScenario("expiry")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(error(401, "permission denied - invalid PVE ticket", "{\"data\":null}"))
            .willSetStateTo("relogged"));
    server.stubFor(
        get(urlEqualTo(API + "/cluster/status"))
            .inScenario("expiry")
            .whenScenarioStateIs("relogged")
            .willReturn(data("[]")));
    try (ProxmoxClient client = passwordClient(Clock.systemUTC())) {
      assertThat(client.raw().get("/cluster/status").isArray()).isTrue();
    }
    server.verify(2, postRequestedFor(urlEqualTo(API + "/access/ticket")));
    server.verify(2, getRequestedFor(urlEqualTo(API + "/cluster/status")));
  }

  @Test
  void a401AfterReLogin_failsWithAuthenticationException_withoutLooping() {
    WireMockSupport.stubLogin(server, TICKET, CSRF);
    server.stubFor(
        get(urlEqualTo(API + "/cluster/status"))
            .willReturn(error(401, "Authentication failed!", "{\"data\":null}")));
    try (ProxmoxClient client = passwordClient(Clock.systemUTC())) {
      assertThatThrownBy(() -> client.raw().get("/cluster/status"))
          .isInstanceOf(ProxmoxAuthenticationException.class)
          .hasMessageContaining("GET /cluster/status: 401 Authentication failed!")
          .hasMessageContaining("#401-authentication-failed")
          .hasMessageNotContaining(PASSWORD)
          .hasMessageNotContaining(TICKET);
    }
    server.verify(2, postRequestedFor(urlEqualTo(API + "/access/ticket")));
    server.verify(2, getRequestedFor(urlEqualTo(API + "/cluster/status")));
  }

  @Test
  void wrongPassword_failsClearly_andNeverShowsThePassword() {
    server.stubFor(
        post(urlEqualTo(API + "/access/ticket"))
            .willReturn(error(401, "authentication failure", "{\"data\":null}")));
    try (ProxmoxClient client = passwordClient(Clock.systemUTC())) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxAuthenticationException.class)
          .hasMessageContaining("POST /access/ticket: 401 authentication failure")
          .hasMessageNotContaining(PASSWORD);
      assertThat(client.toString()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void ticketIsRenewedWithItselfBeforeItExpires() {
    WireMockSupport.stubLogin(server, TICKET, CSRF);
    String renewed = "PVE:root@pam:6560FE1D::cmVuZXdlZA==";
    server.stubFor(
        post(urlEqualTo(API + "/access/ticket"))
            .withFormParam("password", equalTo(TICKET))
            .willReturn(
                data(
                    "{\"username\":\"root@pam\",\"ticket\":\""
                        + renewed
                        + "\",\"CSRFPreventionToken\":\"6560FE1D:bmV3\"}")));
    server.stubFor(get(urlPathEqualTo(API + "/version")).willReturn(data("{}")));
    MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    try (ProxmoxClient client = passwordClient(clock)) {
      client.raw().get("/version");
      clock.advance(Duration.ofMinutes(59));
      client.raw().get("/version");
      clock.advance(Duration.ofMinutes(2));
      client.raw().get("/version");
    }
    server.verify(
        1,
        postRequestedFor(urlEqualTo(API + "/access/ticket"))
            .withFormParam("username", equalTo("root@pam"))
            .withFormParam("password", equalTo(TICKET)));
    server.verify(
        2,
        getRequestedFor(urlEqualTo(API + "/version"))
            .withHeader("Cookie", equalTo("PVEAuthCookie=" + TICKET)));
    server.verify(
        1,
        getRequestedFor(urlEqualTo(API + "/version"))
            .withHeader("Cookie", equalTo("PVEAuthCookie=" + renewed)));
  }

  @Test
  void tfaRealm_withoutCodeSupplier_failsNamingTfa() {
    stubTfaChallenge();
    try (ProxmoxClient client = passwordClient(Clock.systemUTC())) {
      assertThatThrownBy(() -> client.raw().get("/version"))
          .isInstanceOf(ProxmoxTfaRequiredException.class)
          .hasMessageContaining("second factor (TFA)")
          .hasMessageContaining("API token")
          .hasMessageNotContaining("PVE:!tfa!");
    }
  }

  @Test
  void tfaRealm_withTotpSupplier_answersTheChallenge() {
    stubTfaChallenge();
    server.stubFor(
        post(urlEqualTo(API + "/access/ticket"))
            .withFormParam("tfa-challenge", equalTo("PVE:!tfa!challenge"))
            .withFormParam("password", equalTo("totp:123456"))
            .willReturn(
                data(
                    "{\"username\":\"root@pam\",\"ticket\":\""
                        + TICKET
                        + "\",\"CSRFPreventionToken\":\""
                        + CSRF
                        + "\"}")));
    server.stubFor(get(urlEqualTo(API + "/version")).willReturn(data("{}")));
    AtomicReference<Integer> asked = new AtomicReference<>(0);
    try (ProxmoxClient client =
        WireMockSupport.clientBuilder(
                server,
                Authentication.password(
                    "root@pam",
                    Secret.of(PASSWORD),
                    () -> {
                      asked.set(asked.get() + 1);
                      return "123456";
                    }))
            .build()) {
      client.raw().get("/version");
    }
    assertThat(asked.get()).isEqualTo(1);
    server.verify(
        getRequestedFor(urlEqualTo(API + "/version"))
            .withHeader("Cookie", equalTo("PVEAuthCookie=" + TICKET)));
  }

  private static void stubTfaChallenge() {
    server.stubFor(
        post(urlEqualTo(API + "/access/ticket"))
            .withFormParam("password", equalTo(PASSWORD))
            .willReturn(
                data(
                    "{\"username\":\"root@pam\",\"ticket\":\"PVE:!tfa!challenge\","
                        + "\"CSRFPreventionToken\":\"x\",\"NeedTFA\":1}")));
  }

  @Test
  void authentication_toStringNeverShowsSecrets_andValidatesIds() {
    assertThat(Authentication.apiToken("ci@pve!deploy", Secret.of("tok-secret")).toString())
        .contains("ci@pve!deploy")
        .doesNotContain("tok-secret");
    assertThat(Authentication.password("root@pam", Secret.of("pw-secret")).toString())
        .contains("root@pam")
        .doesNotContain("pw-secret");
    assertThatThrownBy(() -> Authentication.apiToken("ci@pve", Secret.of("x")))
        .hasMessageContaining("tokenId: 'ci@pve'");
    assertThatThrownBy(() -> Authentication.password("root", Secret.of("x")))
        .hasMessageContaining("user: 'root'");
  }

  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
