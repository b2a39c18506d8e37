package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class AccessAdminTest {
  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder().taskDuration(Duration.ofMillis(10)).pool("tenant"));

  private RawHttp root;

  @BeforeEach
  void login() {
    root = RawHttp.to(pve.simulator()).login(pve.simulator());
  }

  private String createToken(String user, String name, boolean privsep) {
    RawHttp.Response r =
        root.post("/access/users/" + user + "/token/" + name, "privsep", privsep ? "1" : "0");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.data().get("full-tokenid").asText()).isEqualTo(user + "!" + name);
    return r.data().get("value").asText();
  }

  @Test
  void privsepTokenWithoutAcl_gets403_untilAnAclGrantsIt() {
    assertThat(root.post("/access/users", "userid", "ci@pve", "password", "secret1").status())
        .isEqualTo(200);
    assertThat(
            root.put("/access/acl", "path", "/", "users", "ci@pve", "roles", "PVEVMAdmin").status())
        .isEqualTo(200);
    String secret = createToken("ci@pve", "capmox", true);
    RawHttp token = RawHttp.to(pve.simulator()).token("ci@pve!capmox", secret);

    RawHttp.Response denied = token.get("/nodes/pve1/qemu/9000/config");
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.reason()).isEqualTo("Permission check failed (/vms/9000, VM.Audit)");
    assertThat(token.get("/nodes/pve1/qemu").data()).isEmpty();

    assertThat(
            root.put(
                    "/access/acl", "path", "/vms", "tokens", "ci@pve!capmox", "roles", "PVEAuditor")
                .status())
        .isEqualTo(200);
    assertThat(token.get("/nodes/pve1/qemu/9000/config").status()).isEqualTo(200);
    // the token never gets more than its user: PVEAuditor has no VM.Allocate
    assertThat(token.delete("/nodes/pve1/qemu/9000").status()).isEqualTo(403);

    JsonNode acl = root.get("/access/acl").data();
    assertThat(acl.findValuesAsText("ugid")).contains("ci@pve", "ci@pve!capmox");
    assertThat(acl.findValuesAsText("type")).contains("user", "token");

    assertThat(
            root.put(
                    "/access/acl",
                    "path",
                    "/vms",
                    "tokens",
                    "ci@pve!capmox",
                    "roles",
                    "PVEAuditor",
                    "delete",
                    "1")
                .status())
        .isEqualTo(200);
    assertThat(token.get("/nodes/pve1/qemu/9000/config").status()).isEqualTo(403);
  }

  @Test
  void tokenWithoutPrivsep_hasItsUsersPrivileges_andIsListed() {
    root.post("/access/users", "userid", "ops@pve");
    root.put("/access/acl", "path", "/vms", "users", "ops@pve", "roles", "PVEAuditor");
    String secret = createToken("ops@pve", "full", false);
    RawHttp token = RawHttp.to(pve.simulator()).token("ops@pve!full", secret);
    assertThat(token.get("/nodes/pve1/qemu/9000/config").status()).isEqualTo(200);
    JsonNode tokens = root.get("/access/users/ops@pve/token").data();
    assertThat(tokens.get(0).get("tokenid").asText()).isEqualTo("full");
    assertThat(tokens.get(0).get("privsep").asInt()).isZero();
    assertThat(root.delete("/access/users/ops@pve/token/full").status()).isEqualTo(200);
    assertThat(token.get("/nodes/pve1/qemu/9000/config").status()).isEqualTo(401);
  }

  @Test
  void oneCharacterTokenName_isRefusedByTheSchemaPattern() {
    RawHttp.Response r = root.post("/access/users/root@pam/token/x");
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().get("errors").get("tokenid").asText())
        .isEqualTo("value does not match the regex pattern");
  }

  @Test
  void userAndTokenErrors_readLikePve() {
    root.post("/access/users", "userid", "dev@pve");
    RawHttp.Response again = root.post("/access/users", "userid", "dev@pve");
    assertThat(again.reason()).isEqualTo("create user failed: user 'dev@pve' already exists");
    createToken("dev@pve", "ci", true);
    assertThat(root.post("/access/users/dev@pve/token/ci").reason())
        .isEqualTo("Token already exists.");
    assertThat(root.get("/access/users/dev@pve").data().get("tokens").has("ci")).isTrue();
    assertThat(root.delete("/access/users/dev@pve").status()).isEqualTo(200);
    assertThat(root.get("/access/users").data().findValuesAsText("userid"))
        .doesNotContain("dev@pve");
  }

  @Test
  void poolMembership_grantsThePoolsAcl() {
    Tasks.run(root, root.post("/nodes/pve1/qemu/9000/clone", "newid", "101"));
    root.post("/access/users", "userid", "tenant@pve", "password", "tenantpw");
    root.put("/access/acl", "path", "/pool/tenant", "users", "tenant@pve", "roles", "PVEVMAdmin");
    RawHttp tenant = RawHttp.to(pve.simulator()).login("tenant@pve", "tenantpw");
    assertThat(tenant.get("/nodes/pve1/qemu/101/config").status()).isEqualTo(403);
    assertThat(root.put("/pools", "poolid", "tenant", "vms", "101").status()).isEqualTo(200);
    assertThat(tenant.get("/nodes/pve1/qemu/101/config").status()).isEqualTo(200);
    assertThat(tenant.get("/nodes/pve1/qemu").data().findValuesAsText("vmid"))
        .containsExactly("101");
    assertThat(root.put("/pools", "poolid", "tenant", "vms", "101", "delete", "1").status())
        .isEqualTo(200);
    assertThat(tenant.get("/nodes/pve1/qemu/101/config").status()).isEqualTo(403);
  }
}
