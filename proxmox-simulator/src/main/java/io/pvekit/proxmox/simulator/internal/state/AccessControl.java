package io.pvekit.proxmox.simulator.internal.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Users, API tokens, ACLs and roles: who may do what where. Privileges follow PVE's rules: a more
 * specific path's ACL replaces what is inherited, {@code propagate} carries an ACL to sub-paths,
 * members of a pool get the pool's privileges, and a token with privilege separation gets the
 * intersection of its user's privileges and its own.
 */
public final class AccessControl {
  /** A user that can log in with a password. */
  public record User(String userid, String password, boolean enabled) {}

  /** An API token. */
  public record Token(String tokenId, String secret, boolean privsep) {
    /** The owning user ({@code root@pam} for {@code root@pam!ci}). */
    public String user() {
      return tokenId.substring(0, tokenId.indexOf('!'));
    }
  }

  /** One ACL entry. */
  public record Acl(String path, String subject, String role, boolean propagate) {}

  /** The superuser; it has every privilege everywhere. */
  public static final String ROOT = "root@pam";

  private static final Set<String> ALL =
      java.util.Collections.unmodifiableSet(new TreeSet<>(Roles.ALL_PRIVILEGES));

  private final Map<String, User> users = new ConcurrentHashMap<>();
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final List<Acl> acls = new ArrayList<>();
  private final Map<String, String> comments = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> customRoles = new java.util.TreeMap<>();

  /** Adds or replaces a user. */
  public void addUser(String userid, String password) {
    users.put(userid, new User(userid, password, true));
  }

  /** Adds or replaces a token; its user must exist. */
  public void addToken(String tokenId, String secret, boolean privsep) {
    Token token = new Token(tokenId, secret, privsep);
    if (!users.containsKey(token.user())) {
      throw new IllegalArgumentException(
          "token " + tokenId + ": user " + token.user() + " does not exist; add the user first");
    }
    tokens.put(tokenId, token);
  }

  /** Grants a role on a path to a user or token. */
  public synchronized void addAcl(String path, String subject, String role, boolean propagate) {
    removeAcl(path, subject, role);
    if (rolePrivileges(role) == null) {
      throw new IllegalArgumentException(
          "acl role: '" + role + "' is not a built-in role; use one of " + Roles.names());
    }
    acls.add(new Acl(normalize(path), subject, role, propagate));
  }

  /** The privileges of a built-in or custom role, or null when there is no such role. */
  public synchronized Set<String> rolePrivileges(String role) {
    Set<String> builtIn = Roles.privileges(role);
    return builtIn != null ? builtIn : customRoles.get(role);
  }

  /** Custom roles ({@code /access/roles}) by name, with their privileges; mutable. */
  public synchronized Map<String, Set<String>> customRoles() {
    return customRoles;
  }

  /** Removes a user with its tokens and ACL entries (users and their tokens). */
  public synchronized void removeUser(String userid) {
    users.remove(userid);
    tokens.keySet().removeIf(t -> t.startsWith(userid + "!"));
    acls.removeIf(a -> a.subject().equals(userid) || a.subject().startsWith(userid + "!"));
  }

  /** Removes a token and its ACL entries. */
  public synchronized void removeToken(String tokenId) {
    tokens.remove(tokenId);
    acls.removeIf(a -> a.subject().equals(tokenId));
  }

  /** Removes one ACL entry (path, subject, role), if present. */
  public synchronized void removeAcl(String path, String subject, String role) {
    String normalized = normalize(path);
    acls.removeIf(
        a -> a.path().equals(normalized) && a.subject().equals(subject) && a.role().equals(role));
  }

  /** Every ACL entry, in the order they were granted. */
  public synchronized List<Acl> acls() {
    return List.copyOf(acls);
  }

  /** Comments of users and tokens, by id. */
  public Map<String, String> comments() {
    return comments;
  }

  /** All tokens, for listing. */
  public Map<String, Token> tokens() {
    return new java.util.TreeMap<>(tokens);
  }

  /** The user, if it exists. */
  public User user(String userid) {
    return users.get(userid);
  }

  /** The token, if it exists. */
  public Token token(String tokenId) {
    return tokens.get(tokenId);
  }

  /**
   * The privileges of a user or token on a path.
   *
   * @param subject {@code user@realm} or {@code user@realm!tokenid}
   * @param path an ACL path such as {@code /vms/100}
   * @param pools the pools the object at {@code path} belongs to
   */
  public Set<String> privileges(String subject, String path, List<String> pools) {
    int bang = subject.indexOf('!');
    if (bang < 0) {
      return subjectPrivileges(subject, path, pools);
    }
    Token token = tokens.get(subject);
    Set<String> user = subjectPrivileges(subject.substring(0, bang), path, pools);
    if (token == null || !token.privsep()) {
      return user;
    }
    Set<String> own = new TreeSet<>(subjectPrivileges(subject, path, pools));
    own.retainAll(user);
    return own;
  }

  private Set<String> subjectPrivileges(String subject, String path, List<String> pools) {
    if (subject.equals(ROOT)) {
      return ALL;
    }
    Set<String> result = new TreeSet<>(pathPrivileges(subject, normalize(path)));
    for (String pool : pools) {
      result.addAll(pathPrivileges(subject, "/pool/" + pool));
    }
    return result;
  }

  private synchronized Set<String> pathPrivileges(String subject, String path) {
    Set<String> current = Set.of();
    for (String prefix : prefixes(path)) {
      Set<String> roles = new HashSet<>();
      for (Acl acl : acls) {
        if (acl.subject().equals(subject)
            && acl.path().equals(prefix)
            && (acl.propagate() || prefix.equals(path))) {
          roles.add(acl.role());
        }
      }
      if (!roles.isEmpty()) {
        Set<String> privileges = new HashSet<>();
        if (!roles.contains("NoAccess")) {
          // an ACL may outlive its custom role (PVE keeps it); such a role grants nothing
          roles.forEach(
              r -> privileges.addAll(rolePrivileges(r) == null ? Set.of() : rolePrivileges(r)));
        }
        current = privileges;
      }
    }
    return current;
  }

  /** The ACL paths, for {@code /access/permissions}. */
  public synchronized Set<String> aclPaths() {
    Set<String> paths = new TreeSet<>();
    acls.forEach(a -> paths.add(a.path()));
    return paths;
  }

  /** Checks a password; never reveals whether the user exists. */
  public boolean passwordMatches(String userid, String password) {
    User user = users.get(userid);
    return user != null && user.enabled() && user.password().equals(password);
  }

  /** Checks a token secret. */
  public boolean tokenMatches(String tokenId, String secret) {
    Token token = tokens.get(tokenId);
    return token != null && token.secret().equals(secret) && users.containsKey(token.user());
  }

  /** All users, for inspection. */
  public Map<String, User> users() {
    return new LinkedHashMap<>(users);
  }

  static List<String> prefixes(String path) {
    List<String> prefixes = new ArrayList<>();
    prefixes.add("/");
    StringBuilder current = new StringBuilder();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        current.append('/').append(part);
        prefixes.add(current.toString());
      }
    }
    return prefixes;
  }

  static String normalize(String path) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return "/";
    }
    String p = path.startsWith("/") ? path : "/" + path;
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
