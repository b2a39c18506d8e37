package io.pvekit.proxmox;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.immutables.value.Value;

/**
 * An ACL change for {@code PUT /access/acl}: roles on a path for users, API tokens and groups.
 *
 * <pre>{@code
 * AclEntry.builder().path("/pool/tenant-a").addRoles("PVEVMAdmin").addTokens("capmox@pve!capi").build();
 * }</pre>
 */
@Value.Immutable
public abstract class AclEntry {
  AclEntry() {}

  /** The path, e.g. {@code /vms/100}, {@code /pool/tenant-a}, {@code /storage/local}. */
  public abstract String path();

  /** Role ids, e.g. {@code PVEVMAdmin}. */
  public abstract List<String> roles();

  /** Users, e.g. {@code ci@pve}. */
  public abstract List<String> users();

  /** API tokens, e.g. {@code ci@pve!deploy} (privilege-separated tokens need their own ACLs). */
  public abstract List<String> tokens();

  /** Groups. */
  public abstract List<String> groups();

  /** Whether the roles apply below the path too (PVE's default). */
  @Value.Default
  public boolean propagate() {
    return true;
  }

  @Value.Check
  void check() {
    if (!path().startsWith("/")) {
      throw new IllegalArgumentException("path: '" + path() + "' must start with '/'");
    }
    if (roles().isEmpty()) {
      throw new IllegalArgumentException("roles: name at least one role for " + path());
    }
    if (users().isEmpty() && tokens().isEmpty() && groups().isEmpty()) {
      throw new IllegalArgumentException(
          "acl on " + path() + ": name at least one user, token or group");
    }
  }

  Map<String, Object> params(boolean delete) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("path", path());
    p.put("roles", String.join(",", roles()));
    if (!users().isEmpty()) {
      p.put("users", String.join(",", users()));
    }
    if (!tokens().isEmpty()) {
      p.put("tokens", String.join(",", tokens()));
    }
    if (!groups().isEmpty()) {
      p.put("groups", String.join(",", groups()));
    }
    p.put("propagate", propagate());
    if (delete) {
      p.put("delete", true);
    }
    return p;
  }

  /**
   * A builder; {@code path}, a role and a subject are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link AclEntry}. */
  public static final class Builder extends ImmutableAclEntry.Builder {
    Builder() {}
  }
}
