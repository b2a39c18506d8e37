package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.AccessControl;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;

/**
 * Users, API tokens and ACLs as pve-access-control manages them. What is granted here is what the
 * permission checks of every other endpoint use, so a privilege-separated token without an ACL of
 * its own gets PVE's 403.
 */
public final class AccessAdminApi {
  private static final String USER = "/access/users/{userid}";
  private static final String TOKEN = USER + "/token/{tokenid}";

  private AccessAdminApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", "/access/acl", anyUser(), AccessAdminApi::acls));
    r.add(new Endpoint("PUT", "/access/acl", anyUser(), AccessAdminApi::updateAcl));
    r.add(new Endpoint("GET", "/access/users", anyUser(), AccessAdminApi::users));
    r.add(new Endpoint("POST", "/access/users", anyUser(), AccessAdminApi::createUser));
    r.add(new Endpoint("GET", USER, anyUser(), AccessAdminApi::user));
    r.add(new Endpoint("DELETE", USER, anyUser(), AccessAdminApi::deleteUser));
    r.add(new Endpoint("GET", USER + "/token", anyUser(), AccessAdminApi::tokens));
    r.add(new Endpoint("POST", TOKEN, anyUser(), AccessAdminApi::createToken));
    r.add(new Endpoint("GET", TOKEN, anyUser(), AccessAdminApi::token));
    r.add(new Endpoint("DELETE", TOKEN, anyUser(), AccessAdminApi::deleteToken));
  }

  private static AccessControl access(Call c) {
    return c.world().access();
  }

  /** {@code ["userid-group", ["User.Modify"]]}: User.Modify on /access/groups. */
  private static void requireUserModify(Call c) {
    c.require("/access/groups", "User.Modify");
  }

  /** {@code ["or", ["userid-param", "self"], ["userid-group", ["User.Modify"]]]}. */
  private static void requireSelfOrUserModify(Call c) {
    if (!c.identity().isToken() && c.subject().equals(c.str("userid"))) {
      return;
    }
    requireUserModify(c);
  }

  private static String existingUser(Call c) {
    String userid = c.str("userid");
    if (access(c).user(userid) == null) {
      throw new SimulatorError("no such user ('" + userid + "')");
    }
    return userid;
  }

  private static Object acls(Call c) {
    ArrayNode out = Json.array();
    for (AccessControl.Acl a : access(c).acls()) {
      if (!c.allowed(a.path(), "Permissions.Modify")) {
        continue;
      }
      ObjectNode entry = out.addObject();
      entry.put("path", a.path());
      entry.put("type", a.subject().contains("!") ? "token" : "user");
      entry.put("ugid", a.subject());
      entry.put("roleid", a.role());
      entry.put("propagate", a.propagate() ? 1 : 0);
    }
    return out;
  }

  private static Object updateAcl(Call c) {
    String path = c.str("path");
    c.require(path, "Permissions.Modify");
    AccessControl access = access(c);
    boolean delete = c.flag("delete");
    boolean propagate = c.flag("propagate", true);
    if (c.has("groups")) {
      throw new SimulatorError(
          "group '" + c.str("groups").split("[,;\\s]+")[0] + "' does not exist");
    }
    if (!c.has("users") && !c.has("tokens")) {
      throw ApiException.parameter("users", "either 'users', 'groups' or 'tokens' is required");
    }
    for (String role : c.str("roles").split("[,;\\s]+")) {
      if (access.rolePrivileges(role) == null) {
        throw new SimulatorError("role '" + role + "' does not exist");
      }
      for (String user : split(c.str("users"))) {
        if (access.user(user) == null) {
          throw new SimulatorError("user '" + user + "' does not exist");
        }
        grant(access, delete, path, user, role, propagate);
      }
      for (String token : split(c.str("tokens"))) {
        if (access.token(token) == null) {
          String[] parts = token.split("!", 2);
          throw new SimulatorError(
              "no such token '"
                  + (parts.length > 1 ? parts[1] : token)
                  + "' for user '"
                  + parts[0]
                  + "'");
        }
        grant(access, delete, path, token, role, propagate);
      }
    }
    c.world().changed();
    return null;
  }

  private static void grant(
      AccessControl access,
      boolean delete,
      String path,
      String subject,
      String role,
      boolean propagate) {
    if (delete) {
      access.removeAcl(path, subject, role);
    } else {
      access.addAcl(path, subject, role, propagate);
    }
  }

  private static String[] split(String list) {
    return list == null || list.isBlank() ? new String[0] : list.split("[,;\\s]+");
  }

  private static Object users(Call c) {
    boolean audit =
        c.allowed("/access/groups", "User.Modify") || c.allowed("/access/groups", "Sys.Audit");
    ArrayNode out = Json.array();
    access(c).users().values().stream()
        .sorted((a, b) -> a.userid().compareTo(b.userid()))
        .filter(u -> audit || u.userid().equals(c.identity().user()))
        .filter(u -> !c.has("enabled") || u.enabled() == c.flag("enabled"))
        .forEach(
            u -> {
              ObjectNode entry = userEntry(c, u.userid());
              entry.put("userid", u.userid());
              entry.put("realm-type", u.userid().substring(u.userid().indexOf('@') + 1));
              if (c.flag("full")) {
                entry.set("tokens", tokenArray(c, u.userid()));
              }
              out.add(entry);
            });
    return out;
  }

  private static ObjectNode userEntry(Call c, String userid) {
    AccessControl.User u = access(c).user(userid);
    ObjectNode entry = Json.object();
    entry.put("enable", u.enabled() ? 1 : 0);
    entry.put("expire", 0);
    String comment = access(c).comments().get(userid);
    if (comment != null) {
      entry.put("comment", comment);
    }
    return entry;
  }

  private static Object createUser(Call c) {
    String userid = c.str("userid");
    c.require("/access/realm/" + userid.substring(userid.indexOf('@') + 1), "Realm.AllocateUser");
    requireUserModify(c);
    AccessControl access = access(c);
    if (access.user(userid) != null) {
      throw new SimulatorError("create user failed: user '" + userid + "' already exists");
    }
    if (c.has("groups")) {
      throw new SimulatorError(
          "create user failed: group '" + c.str("groups") + "' does not exist");
    }
    // a user without a password cannot log in with one (PVE stores none)
    access.addUser(userid, c.str("password", java.util.UUID.randomUUID() + "-no-password"));
    if (c.has("comment")) {
      access.comments().put(userid, c.str("comment"));
    }
    c.world().changed();
    return null;
  }

  private static Object user(Call c) {
    requireUserModifyOrAudit(c);
    String userid = existingUser(c);
    ObjectNode out = userEntry(c, userid);
    out.putArray("groups");
    ObjectNode tokens = out.putObject("tokens");
    for (AccessControl.Token t : access(c).tokens().values()) {
      if (t.user().equals(userid)) {
        tokens.set(t.tokenId().substring(t.tokenId().indexOf('!') + 1), tokenInfo(c, t));
      }
    }
    return out;
  }

  private static void requireUserModifyOrAudit(Call c) {
    c.requireAny("/access/groups", "User.Modify", "Sys.Audit");
  }

  private static Object deleteUser(Call c) {
    String userid = c.str("userid");
    c.require("/access/realm/" + userid.substring(userid.indexOf('@') + 1), "Realm.AllocateUser");
    requireUserModify(c);
    existingUser(c);
    if (userid.equals(AccessControl.ROOT)) {
      throw new SimulatorError("delete user failed: cannot delete user 'root@pam'");
    }
    access(c).removeUser(userid);
    c.world().changed();
    return null;
  }

  private static ArrayNode tokenArray(Call c, String userid) {
    ArrayNode out = Json.array();
    for (AccessControl.Token t : access(c).tokens().values()) {
      if (t.user().equals(userid)) {
        ObjectNode entry = tokenInfo(c, t);
        entry.put("tokenid", t.tokenId().substring(t.tokenId().indexOf('!') + 1));
        out.add(entry);
      }
    }
    return out;
  }

  private static ObjectNode tokenInfo(Call c, AccessControl.Token t) {
    ObjectNode info = Json.object();
    info.put("privsep", t.privsep() ? 1 : 0);
    info.put("expire", 0);
    String comment = access(c).comments().get(t.tokenId());
    if (comment != null) {
      info.put("comment", comment);
    }
    return info;
  }

  private static Object tokens(Call c) {
    requireSelfOrUserModify(c);
    return tokenArray(c, existingUser(c));
  }

  private static String tokenId(Call c) {
    return c.str("userid") + "!" + c.str("tokenid");
  }

  private static AccessControl.Token existingToken(Call c) {
    existingUser(c);
    AccessControl.Token t = access(c).token(tokenId(c));
    if (t == null) {
      throw new SimulatorError(
          "no such token '" + c.str("tokenid") + "' for user '" + c.str("userid") + "'");
    }
    return t;
  }

  private static Object createToken(Call c) {
    requireSelfOrUserModify(c);
    existingUser(c);
    String id = tokenId(c);
    AccessControl access = access(c);
    if (access.token(id) != null) {
      throw new SimulatorError("Token already exists.");
    }
    String secret = java.util.UUID.randomUUID().toString();
    access.addToken(id, secret, c.flag("privsep", true));
    if (c.has("comment")) {
      access.comments().put(id, c.str("comment"));
    }
    c.world().changed();
    ObjectNode out = Json.object();
    out.put("full-tokenid", id);
    out.set("info", tokenInfo(c, access.token(id)));
    out.put("value", secret);
    return out;
  }

  private static Object token(Call c) {
    requireSelfOrUserModify(c);
    return tokenInfo(c, existingToken(c));
  }

  private static Object deleteToken(Call c) {
    requireSelfOrUserModify(c);
    AccessControl.Token t = existingToken(c);
    access(c).removeToken(t.tokenId());
    access(c).comments().remove(t.tokenId());
    c.world().changed();
    return null;
  }
}
