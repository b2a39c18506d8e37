package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.AccessControl;
import io.pvekit.proxmox.simulator.internal.state.Roles;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Roles as pve-access-control keeps them: the built-in ({@code special}) roles the permission
 * checks use, and custom roles that can be created, changed and deleted and then granted in ACLs.
 * Lists carry the privileges sorted and comma separated, a single role its privileges as flags.
 */
public final class RoleApi {
  private static final String ONE = "/access/roles/{roleid}";

  private RoleApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", "/access/roles", anyUser(), RoleApi::list));
    r.add(new Endpoint("POST", "/access/roles", perm("/access", "Sys.Modify"), RoleApi::create));
    r.add(new Endpoint("GET", ONE, anyUser(), RoleApi::get));
    r.add(new Endpoint("PUT", ONE, perm("/access", "Sys.Modify"), RoleApi::update));
    r.add(new Endpoint("DELETE", ONE, perm("/access", "Sys.Modify"), RoleApi::delete));
  }

  private static Object list(Call c) {
    AccessControl access = c.world().access();
    Map<String, Boolean> roles = new TreeMap<>();
    Roles.names().forEach(name -> roles.put(name, true));
    access.customRoles().keySet().forEach(name -> roles.put(name, false));
    ArrayNode out = Json.array();
    roles.forEach(
        (name, special) -> {
          ObjectNode entry = out.addObject();
          entry.put("roleid", name);
          entry.put("privs", String.join(",", new TreeSet<>(access.rolePrivileges(name))));
          entry.put("special", special ? 1 : 0);
        });
    return out;
  }

  private static Object get(Call c) {
    String role = c.str("roleid");
    Set<String> privileges = c.world().access().rolePrivileges(role);
    if (privileges == null) {
      throw new SimulatorError("role '" + role + "' does not exist");
    }
    ObjectNode out = Json.object();
    new TreeSet<>(privileges).forEach(p -> out.put(p, 1));
    return out;
  }

  private static Object create(Call c) {
    String role = c.str("roleid");
    if (role.toUpperCase(Locale.ROOT).startsWith("PVE")) {
      throw ApiException.parameter(
          "roleid", "cannot use role ID starting with the (case-insensitive) 'PVE' namespace");
    }
    AccessControl access = c.world().access();
    Set<String> privileges = privileges(c);
    if (access.rolePrivileges(role) != null) {
      throw new SimulatorError("create role failed: role '" + role + "' already exists");
    }
    access.customRoles().put(role, privileges);
    c.world().changed();
    return null;
  }

  private static Object update(Call c) {
    String role = c.str("roleid");
    if (Roles.privileges(role) != null) {
      throw new SimulatorError("auto-generated role '" + role + "' cannot be modified");
    }
    AccessControl access = c.world().access();
    Set<String> current = access.customRoles().get(role);
    if (current == null) {
      throw new SimulatorError("update role failed: role '" + role + "' does not exist");
    }
    Set<String> privileges = new TreeSet<>(c.flag("append") ? current : Set.of());
    privileges.addAll(privileges(c));
    access.customRoles().put(role, Set.copyOf(privileges));
    c.world().changed();
    return null;
  }

  private static Object delete(Call c) {
    String role = c.str("roleid");
    if (Roles.privileges(role) != null) {
      throw new SimulatorError("auto-generated role '" + role + "' cannot be deleted");
    }
    if (c.world().access().customRoles().remove(role) == null) {
      throw new SimulatorError("delete role failed: role '" + role + "' does not exist");
    }
    c.world().changed();
    return null;
  }

  /** The {@code privs} list; every name must be one PVE knows (the {@code pve-priv} format). */
  private static Set<String> privileges(Call c) {
    Set<String> privileges = new TreeSet<>();
    for (String p : c.str("privs", "").split("[,;\\s]+")) {
      if (p.isEmpty()) {
        continue;
      }
      if (!Roles.ALL_PRIVILEGES.contains(p)) {
        throw ApiException.parameter("privs", "invalid format - invalid privilege '" + p + "'");
      }
      privileges.add(p);
    }
    return Set.copyOf(privileges);
  }
}
