package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.schema.BackupSchema;
import io.pvekit.proxmox.simulator.internal.state.Roles;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.util.Set;
import java.util.TreeSet;

/**
 * The built-in roles: {@code GET /access/roles} (each with its privileges as a sorted, comma
 * separated list and {@code special=1}) and {@code GET /access/roles/{roleid}} (the privileges as
 * an object of flags), both open to every user as in pve-access-control.
 */
public final class RoleApi {
  private RoleApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", "/access/roles", BackupSchema.NONE, anyUser(), RoleApi::list));
    r.add(
        new Endpoint("GET", "/access/roles/{roleid}", BackupSchema.ROLE, anyUser(), RoleApi::get));
  }

  private static Object list(Call c) {
    ArrayNode out = Json.array();
    for (String role : Roles.names()) {
      ObjectNode entry = out.addObject();
      entry.put("roleid", role);
      entry.put("privs", String.join(",", new TreeSet<>(Roles.privileges(role))));
      entry.put("special", 1);
    }
    return out;
  }

  private static Object get(Call c) {
    String role = c.str("roleid");
    Set<String> privileges = Roles.privileges(role);
    if (privileges == null) {
      throw new SimulatorError("role '" + role + "' does not exist");
    }
    ObjectNode out = Json.object();
    new TreeSet<>(privileges).forEach(p -> out.put(p, 1));
    return out;
  }
}
