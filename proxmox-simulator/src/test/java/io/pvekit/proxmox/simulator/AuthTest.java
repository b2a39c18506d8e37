package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AuthTest {
  private static final String TOKEN_SECRET = "5f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  private static ProxmoxSimulator sim;

  @BeforeAll
  static void start() {
    sim =
        ProxmoxSimulator.builder()
            .user("root@pam", "SECRET")
            .addUser("alice@pve", "alicepw")
            .acl("/vms", "alice@pve", "PVEVMUser")
            .token("root@pam!ci", TOKEN_SECRET, false)
            .token("alice@pve!sep", TOKEN_SECRET, true)
            .acl("/vms/9000", "alice@pve!sep", "PVEAuditor")
            .start();
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private RawHttp http() {
    return RawHttp.to(sim);
  }

  @Test
  void login_returnsTicketCsrfAndCaps() {
    RawHttp.Response r =
        http().post("/access/ticket", "username", "root@pam", "password", "SECRET");
    JsonNode data = r.data();
    assertThat(data.get("username").asText()).isEqualTo("root@pam");
    assertThat(data.get("ticket").asText()).matches("PVE:root@pam:[0-9A-F]{8}::[A-Za-z0-9+/=]+");
    assertThat(data.get("CSRFPreventionToken").asText()).matches("[0-9A-F]{8}:[A-Za-z0-9+/]{43}");
    assertThat(data.get("cap").get("vms").get("VM.Allocate").asInt()).isEqualTo(1);
  }

  @Test
  void login_withRealmParameter_works() {
    RawHttp.Response r =
        http().post("/access/ticket", "username", "alice", "realm", "pve", "password", "alicepw");
    assertThat(r.data().get("username").asText()).isEqualTo("alice@pve");
  }

  @Test
  void login_withWrongPassword_is401AuthenticationFailure() {
    RawHttp.Response r = http().post("/access/ticket", "username", "root@pam", "password", "nope");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.reason()).isEqualTo("authentication failure");
    assertThat(r.json().get("data").isNull()).isTrue();
    RawHttp.Response unknown =
        http().post("/access/ticket", "username", "bob@pve", "password", "x");
    assertThat(unknown.reason()).isEqualTo("authentication failure");
  }

  @Test
  void noCredentials_is401NoTicket_withEmptyBodyAndConnectionClose() {
    RawHttp.Response r = http().get("/nodes");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.reason()).isEqualTo("No ticket");
    assertThat(r.body()).isEmpty();
    assertThat(r.header("connection")).isEqualTo("close");
  }

  @Test
  void forgedTicket_is401InvalidPveTicket() {
    RawHttp.Response r =
        http()
            .raw(
                "GET",
                "/api2/json/nodes",
                Map.of("Cookie", "PVEAuthCookie=PVE:root@pam:6B000000::Zm9yZ2Vk"),
                null);
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.reason()).isEqualTo("permission denied - invalid PVE ticket");
  }

  @Test
  void writeWithoutCsrfToken_is401() {
    RawHttp http = http().login("root@pam", "SECRET");
    RawHttp.Response r =
        http.raw(
            "POST",
            "/api2/json/pools",
            Map.of(
                "Cookie",
                "PVEAuthCookie="
                    + java.net.URLEncoder.encode(
                        http.ticket(), java.nio.charset.StandardCharsets.UTF_8),
                "Content-Type",
                "application/x-www-form-urlencoded"),
            "poolid=x".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.reason()).isEqualTo("Permission denied - invalid csrf token");
  }

  @Test
  void ticket_expiresAfterTwoHours_andRenewalWithTheTicketWorks() {
    try (ProxmoxSimulator own = ProxmoxSimulator.start()) {
      RawHttp http = RawHttp.to(own).login(own);
      RawHttp.Response renewed =
          http.post("/access/ticket", "username", "root@pam", "password", http.ticket());
      assertThat(renewed.status()).isEqualTo(200);
      own.advanceClock(Duration.ofMinutes(119));
      assertThat(http.get("/version").status()).isEqualTo(200);
      own.advanceClock(Duration.ofMinutes(2));
      RawHttp.Response expired = http.get("/version");
      assertThat(expired.status()).isEqualTo(401);
      assertThat(expired.reason()).isEqualTo("permission denied - invalid PVE ticket");
      assertThat(http.login(own).get("/version").status()).isEqualTo(200);
    }
  }

  @Test
  void expireTickets_forcesReLogin() {
    try (ProxmoxSimulator own = ProxmoxSimulator.start()) {
      RawHttp http = RawHttp.to(own).login(own);
      own.expireTickets();
      assertThat(http.get("/version").status()).isEqualTo(401);
      assertThat(http.login(own).get("/version").status()).isEqualTo(200);
    }
  }

  @Test
  void pve915_answersEveryTicketAndTokenFailureGenerically() {
    try (ProxmoxSimulator own = ProxmoxSimulator.builder().pveVersion("9.1.5").start()) {
      RawHttp.Response noTicket = RawHttp.to(own).get("/nodes");
      assertThat(noTicket.reason()).isEqualTo("Authentication failed!");
      RawHttp.Response badToken = RawHttp.to(own).token("root@pam!nope", "x").get("/nodes");
      assertThat(badToken.reason()).isEqualTo("Authentication failed!");
      assertThat(RawHttp.to(own).login(own).get("/version").data().get("version").asText())
          .isEqualTo("9.1.5");
    }
  }

  @Test
  void apiToken_withoutPrivilegeSeparation_actsAsItsUser_andNeedsNoCsrf() {
    RawHttp http = http().token("root@pam!ci", TOKEN_SECRET);
    assertThat(http.get("/nodes").status()).isEqualTo(200);
    RawHttp.Response pool = http.post("/pools", "poolid", "tokpool");
    assertThat(pool.status()).isEqualTo(200);
    RawHttp.Response wrong = http().token("root@pam!ci", "wrong").get("/nodes");
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.reason()).isEqualTo("invalid token value!");
  }

  @Test
  void tokenWithPrivilegeSeparation_getsIntersectionOfUserAndToken() {
    RawHttp http = http().token("alice@pve!sep", TOKEN_SECRET);
    // alice has PVEVMUser on /vms; the token only PVEAuditor on /vms/9000: VM.Audit is shared
    assertThat(http.get("/nodes/pve1/qemu/9000/config").status()).isEqualTo(200);
    RawHttp.Response start = http.post("/nodes/pve1/qemu/9000/status/start");
    assertThat(start.status()).isEqualTo(403);
    assertThat(start.reason()).isEqualTo("Permission check failed (/vms/9000, VM.PowerMgmt)");
    JsonNode perms = http.get("/access/permissions", "path", "/vms/9000").data();
    assertThat(perms.get("/vms/9000").has("VM.Audit")).isTrue();
    assertThat(perms.get("/vms/9000").has("VM.PowerMgmt")).isFalse();
  }

  @Test
  void userWithoutPrivileges_gets403_andFilteredLists() {
    RawHttp alice = http().login("alice@pve", "alicepw");
    RawHttp.Response status = alice.get("/nodes/pve1/status");
    assertThat(status.status()).isEqualTo(403);
    assertThat(status.reason()).isEqualTo("Permission check failed (/nodes/pve1, Sys.Audit)");
    assertThat(status.json().get("message").asText())
        .isEqualTo("Permission check failed (/nodes/pve1, Sys.Audit)\n");
    JsonNode resources = alice.get("/cluster/resources").data();
    assertThat(resources.findValuesAsText("type")).containsOnly("qemu");
    RawHttp.Response create = alice.post("/nodes/pve1/qemu", "vmid", "500");
    assertThat(create.reason()).isEqualTo("Permission check failed (/vms/500, VM.Allocate)");
  }

  @Test
  void permissions_listsPathsWithPrivileges() {
    JsonNode root = http().login("root@pam", "SECRET").get("/access/permissions").data();
    assertThat(root.get("/").get("Sys.PowerMgmt").asInt()).isEqualTo(1);
    JsonNode alice = http().login("alice@pve", "alicepw").get("/access/permissions").data();
    assertThat(alice.has("/")).isFalse();
    assertThat(alice.get("/vms").has("VM.PowerMgmt")).isTrue();
    assertThat(alice.get("/vms").has("VM.Allocate")).isFalse();
  }
}
