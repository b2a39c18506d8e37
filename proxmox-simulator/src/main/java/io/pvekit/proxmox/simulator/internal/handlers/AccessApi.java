package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Auth;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.AccessControl;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Login ({@code POST /access/ticket}) and {@code GET /access/permissions}. */
public final class AccessApi {
  private static final List<String> STANDARD_PATHS =
      List.of("/", "/access", "/access/groups", "/nodes", "/pool", "/sdn", "/storage", "/vms");

  private static final Map<String, String[]> CAP_PATHS = new LinkedHashMap<>();

  static {
    CAP_PATHS.put("vms", new String[] {"/vms", "VM."});
    CAP_PATHS.put("storage", new String[] {"/storage", "Datastore."});
    CAP_PATHS.put("access", new String[] {"/access", "User.Modify,Group.Allocate"});
    CAP_PATHS.put("nodes", new String[] {"/nodes", "Sys."});
    CAP_PATHS.put("dc", new String[] {"/", "Sys.Audit,SDN."});
    CAP_PATHS.put("sdn", new String[] {"/sdn", "SDN."});
    CAP_PATHS.put("mapping", new String[] {"/mapping", "Mapping."});
  }

  private AccessApi() {}

  /** Registers the endpoints. */
  public static void register(Router r, Auth auth) {
    r.add(new Endpoint("POST", "/access/ticket", anyUser(), c -> ticket(c, auth)));
    r.add(new Endpoint("GET", "/access/permissions", anyUser(), AccessApi::permissions));
  }

  private static Object ticket(Call c, Auth auth) {
    String username = c.str("username");
    if (!username.contains("@") && c.has("realm")) {
      username = username + "@" + c.str("realm");
    }
    if (c.has("otp") && c.has("tfa-challenge")) {
      throw ApiException.parameter("otp", "'otp' and 'tfa-challenge' are mutually exclusive");
    }
    AccessControl access = c.world().access();
    String password = c.str("password");
    String renewedFor = auth.verifyTicket(password);
    boolean renewal =
        renewedFor != null
            && (renewedFor.equals(username) || renewedFor.equals(AccessControl.ROOT))
            && access.user(username) != null;
    if (!renewal && !access.passwordMatches(username, password)) {
      throw new ApiException(401, "authentication failure");
    }
    ObjectNode out = Json.object();
    out.put("username", username);
    out.put("ticket", auth.ticket(username));
    out.put("CSRFPreventionToken", auth.csrfToken(username));
    // pve-access-control names the cluster only for a cluster member (not a standalone node), and
    // only to users who may audit it
    if (c.world().nodes().size() > 1
        && access.privileges(username, "/", List.of()).contains("Sys.Audit")) {
      out.put("clustername", c.world().clusterName());
    }
    ObjectNode cap = out.putObject("cap");
    for (Map.Entry<String, String[]> e : CAP_PATHS.entrySet()) {
      ObjectNode group = cap.putObject(e.getKey());
      Set<String> privileges = c.world().access().privileges(username, e.getValue()[0], List.of());
      for (String p : privileges) {
        if (p.equals("Permissions.Modify") || matches(p, e.getValue()[1])) {
          group.put(p, 1);
        }
      }
    }
    return out;
  }

  private static boolean matches(String privilege, String patterns) {
    for (String pattern : patterns.split(",")) {
      if (pattern.endsWith(".") ? privilege.startsWith(pattern) : privilege.equals(pattern)) {
        return true;
      }
    }
    return false;
  }

  private static Object permissions(Call c) {
    String subject = c.str("userid", c.subject());
    if (!subject.equals(c.subject())
        && !(subject.startsWith(c.identity().user() + "!") && !c.identity().isToken())) {
      c.require("/access", "Sys.Audit");
    }
    Set<String> paths = new LinkedHashSet<>();
    if (c.has("path")) {
      paths.add(c.str("path"));
    } else {
      paths.addAll(STANDARD_PATHS);
      paths.addAll(c.world().access().aclPaths());
    }
    ObjectNode out = Json.object();
    for (String path : paths) {
      Set<String> privileges = c.world().access().privileges(subject, path, poolsOf(c, path));
      if (!privileges.isEmpty() || c.has("path")) {
        ObjectNode entry = out.putObject(path);
        privileges.forEach(p -> entry.put(p, 1));
      }
    }
    return out;
  }

  private static List<String> poolsOf(Call c, String path) {
    if (path.startsWith("/vms/")) {
      try {
        return c.world().poolsOf(c.world().guests().get(Integer.parseInt(path.substring(5))));
      } catch (NumberFormatException e) {
        return List.of();
      }
    }
    return List.of();
  }
}
