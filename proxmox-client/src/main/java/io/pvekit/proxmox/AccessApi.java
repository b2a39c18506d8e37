package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /access}: what the authenticated user or token may do. */
public final class AccessApi {
  private final Transport transport;

  AccessApi(Transport transport) {
    this.transport = transport;
  }

  /** {@code GET /access/permissions}: the caller's effective privileges on every path. */
  public Permissions permissions() {
    return transport.decode(ApiCall.get("/access/permissions"), Decode::permissions);
  }

  /** {@code GET /access/permissions?path=&userid=}: one path, optionally for another user. */
  public Permissions permissions(String path, String userId) {
    return transport.decode(
        ApiCall.get("/access/permissions").param("path", path).param("userid", userId),
        Decode::permissions);
  }

  /**
   * {@code PUT /access/acl}: grants the entry's roles on its path.
   *
   * @param entry path, roles and subjects
   */
  public void grant(AclEntry entry) {
    transport.call(ApiCall.put("/access/acl").params(entry.params(false)));
  }

  /**
   * {@code PUT /access/acl} with {@code delete=1}: removes the entry's roles from its subjects.
   *
   * @param entry path, roles and subjects
   */
  public void revoke(AclEntry entry) {
    transport.call(ApiCall.put("/access/acl").params(entry.params(true)));
  }

  /**
   * {@code POST /access/users}: creates a user.
   *
   * @param userId {@code NAME@REALM}, e.g. {@code ci@pve}
   * @param password the password for the {@code pve} realm, or null (token-only users)
   * @param comment free text, or null
   */
  public void createUser(String userId, Secret password, String comment) {
    checkUserId(userId);
    transport.call(
        ApiCall.post("/access/users")
            .param("userid", userId)
            .param("password", password)
            .param("comment", comment));
  }

  /**
   * {@code DELETE /access/users/{userid}}: removes a user with its tokens.
   *
   * @param userId the user
   */
  public void deleteUser(String userId) {
    transport.call(ApiCall.delete("/access/users/{userid}").path("userid", checkUserId(userId)));
  }

  /**
   * {@code POST /access/users/{userid}/token/{tokenid}}: creates an API token.
   *
   * @param userId the owner, e.g. {@code ci@pve}
   * @param tokenId the token name, e.g. {@code deploy}
   * @param privilegeSeparated whether the token gets its own ACLs (then grant it roles with {@link
   *     #grant}) instead of its user's privileges
   * @param comment free text, or null
   * @return the token with its secret, shown this once
   */
  public ApiToken createToken(
      String userId, String tokenId, boolean privilegeSeparated, String comment) {
    checkUserId(userId);
    if (tokenId == null || !tokenId.matches("[A-Za-z][A-Za-z0-9.\\-_]+")) {
      throw new IllegalArgumentException(
          "tokenId: '"
              + tokenId
              + "' must start with a letter and have at least 2 letters, digits, '.', '-' or '_'");
    }
    return transport.decode(
        ApiCall.post("/access/users/{userid}/token/{tokenid}")
            .path("userid", userId)
            .path("tokenid", tokenId)
            .param("privsep", privilegeSeparated)
            .param("comment", comment),
        d -> {
          Ergonomics.object(d, "token");
          String value = Json.requiredText(d, "value", "token");
          return ImmutableApiToken.builder()
              .fullTokenId(Json.text(d, "full-tokenid").orElse(userId + "!" + tokenId))
              .secret(Secret.of(value))
              .privilegeSeparated(
                  Json.optionalFlag(d.path("info"), "privsep").orElse(privilegeSeparated))
              .build();
        });
  }

  /**
   * {@code DELETE /access/users/{userid}/token/{tokenid}}.
   *
   * @param userId the owner
   * @param tokenId the token name
   */
  public void deleteToken(String userId, String tokenId) {
    transport.call(
        ApiCall.delete("/access/users/{userid}/token/{tokenid}")
            .path("userid", checkUserId(userId))
            .path("tokenid", tokenId));
  }

  /**
   * {@code GET /access/roles}.
   *
   * @return the roles with their privileges
   */
  public List<RoleInfo> roles() {
    return transport.decode(
        ApiCall.get("/access/roles"),
        d ->
            Decode.list(
                d,
                e ->
                    ImmutableRoleInfo.builder()
                        .roleId(Json.requiredText(e, "roleid", "role"))
                        .privileges(Json.list(e, "privs"))
                        .special(Json.flag(e, "special"))
                        .build()));
  }

  /**
   * {@code GET /access/roles/{roleid}}: one role's privileges.
   *
   * @param roleId e.g. {@code PVEVMAdmin}
   * @return its privileges, sorted
   */
  public java.util.SortedSet<String> rolePrivileges(String roleId) {
    return transport.decode(
        ApiCall.get("/access/roles/{roleid}").path("roleid", checkRoleId(roleId)),
        d -> {
          java.util.SortedSet<String> privileges = new java.util.TreeSet<>();
          if (d != null) {
            d.properties()
                .forEach(
                    e -> {
                      if (Json.flag(e.getValue())) {
                        privileges.add(e.getKey());
                      }
                    });
          }
          return privileges;
        });
  }

  /**
   * {@code POST /access/roles}: a custom role to grant in ACLs.
   *
   * @param roleId the name; PVE reserves names starting with {@code PVE}
   * @param privileges e.g. {@code VM.Audit}, {@code VM.PowerMgmt}
   */
  public void createRole(String roleId, java.util.Collection<String> privileges) {
    transport.call(
        ApiCall.post("/access/roles")
            .param("roleid", checkRoleId(roleId))
            .param("privs", privilegeList(privileges)));
  }

  /**
   * {@code PUT /access/roles/{roleid}}: replaces a custom role's privileges or adds to them.
   *
   * @param roleId the custom role
   * @param privileges the privileges to set or add
   * @param append add to the current privileges instead of replacing them
   */
  public void updateRole(String roleId, java.util.Collection<String> privileges, boolean append) {
    transport.call(
        ApiCall.put("/access/roles/{roleid}")
            .path("roleid", checkRoleId(roleId))
            .param("privs", privilegeList(privileges))
            .param("append", append ? Boolean.TRUE : null));
  }

  /**
   * {@code DELETE /access/roles/{roleid}}: removes a custom role (built-in roles cannot be).
   *
   * @param roleId the custom role
   */
  public void deleteRole(String roleId) {
    transport.call(ApiCall.delete("/access/roles/{roleid}").path("roleid", checkRoleId(roleId)));
  }

  private static String privilegeList(java.util.Collection<String> privileges) {
    if (privileges == null || privileges.isEmpty()) {
      throw new IllegalArgumentException("privileges: name at least one, e.g. VM.Audit");
    }
    for (String p : privileges) {
      if (p == null || !p.matches("[A-Z][A-Za-z]*(\\.[A-Z][A-Za-z]*)+")) {
        throw new IllegalArgumentException(
            "privileges: '" + p + "' is not a privilege name like VM.PowerMgmt");
      }
    }
    return String.join(",", privileges);
  }

  private static String checkRoleId(String roleId) {
    if (roleId == null || !roleId.matches("[A-Za-z0-9.\\-_]+")) {
      throw new IllegalArgumentException(
          "roleId: '" + roleId + "' is not a role name like PVEVMAdmin");
    }
    return roleId;
  }

  private static String checkUserId(String userId) {
    if (userId == null || !userId.matches("[^\\s:/@]+@[A-Za-z][A-Za-z0-9.\\-_]+")) {
      throw new IllegalArgumentException("userId: '" + userId + "' is not NAME@REALM like ci@pve");
    }
    return userId;
  }
}
