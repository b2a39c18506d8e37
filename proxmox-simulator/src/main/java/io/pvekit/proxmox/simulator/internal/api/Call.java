package io.pvekit.proxmox.simulator.internal.api;

import io.pvekit.proxmox.simulator.internal.http.Multipart;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.TaskRunner;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** One validated API call: who calls, with which parameters, against which world. */
public final class Call {
  private final World world;
  private final TaskRunner tasks;
  private final Identity identity;
  private final Map<String, Object> params;
  private final List<Multipart.Part> files;

  public Call(
      World world,
      TaskRunner tasks,
      Identity identity,
      Map<String, Object> params,
      List<Multipart.Part> files) {
    this.world = world;
    this.tasks = tasks;
    this.identity = identity;
    this.params = params;
    this.files = files;
  }

  public World world() {
    return world;
  }

  public TaskRunner tasks() {
    return tasks;
  }

  public Identity identity() {
    return identity;
  }

  /** The user or token id, as PVE writes it into UPIDs. */
  public String subject() {
    return identity.subject();
  }

  /** The raw parameters. */
  public Map<String, Object> params() {
    return params;
  }

  /** Uploaded file parts (multipart requests only). */
  public List<Multipart.Part> files() {
    return files;
  }

  /** A parameter (validated before handlers run), or null. */
  public String str(String name) {
    Object value = params.get(name);
    return value == null ? null : value.toString();
  }

  /** A list parameter: every value of a repeated parameter, or the single one. */
  public List<String> list(String name) {
    Object value = params.get(name);
    if (value == null) {
      return List.of();
    }
    if (value instanceof List<?> many) {
      return many.stream().map(Object::toString).toList();
    }
    return List.of(value.toString());
  }

  /** A parameter or a default. */
  public String str(String name, String fallback) {
    String value = str(name);
    return value == null ? fallback : value;
  }

  /** Whether a parameter was sent. */
  public boolean has(String name) {
    return params.containsKey(name);
  }

  /** An integer parameter or a default. */
  public long integer(String name, long fallback) {
    String value = str(name);
    return value == null
        ? fallback
        : Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
  }

  /** A boolean parameter ({@code 1}/{@code 0}), false when absent. */
  public boolean flag(String name) {
    return "1".equals(str(name));
  }

  /** A boolean parameter with a default. */
  public boolean flag(String name, boolean fallback) {
    String value = str(name);
    return value == null ? fallback : value.equals("1");
  }

  /** The {@code node} path parameter. */
  public String node() {
    return str("node");
  }

  /** The {@code vmid} path parameter. */
  public int vmid() {
    return Integer.parseInt(str("vmid"));
  }

  /** The caller's privileges on an ACL path (pool memberships included). */
  public Set<String> privileges(String path) {
    List<String> pools = List.of();
    if (path.startsWith("/vms/")) {
      try {
        Guest guest = world.guests().get(Integer.parseInt(path.substring(5)));
        pools = world.poolsOf(guest);
      } catch (NumberFormatException e) {
        pools = List.of();
      }
    } else if (path.startsWith("/storage/")) {
      pools = world.poolsOfStorage(path.substring(9));
    }
    return world.access().privileges(identity.subject(), path, pools);
  }

  /** Whether the caller has a privilege on a path. */
  public boolean allowed(String path, String privilege) {
    return privileges(path).contains(privilege);
  }

  /** Fails with PVE's 403 unless the caller has all the privileges. */
  public void require(String path, String... privileges) {
    Set<String> have = privileges(path);
    for (String p : privileges) {
      if (!have.contains(p)) {
        throw ApiException.forbidden(path + ", " + p);
      }
    }
  }

  /** Fails with PVE's 403 unless the caller has one of the privileges. */
  public void requireAny(String path, String... privileges) {
    Set<String> have = privileges(path);
    for (String p : privileges) {
      if (have.contains(p)) {
        return;
      }
    }
    throw ApiException.forbidden(path + ", " + String.join("|", privileges));
  }
}
