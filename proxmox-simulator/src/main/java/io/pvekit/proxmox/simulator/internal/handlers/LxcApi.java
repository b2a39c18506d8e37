package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.any;
import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.schema.LxcSchema;
import io.pvekit.proxmox.simulator.internal.schema.PropertyStrings;
import io.pvekit.proxmox.simulator.internal.state.AccessControl;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** LXC containers: list, create, config, status, power actions, interfaces, delete. */
public final class LxcApi {
  private static final String BASE = "/nodes/{node}/lxc";
  private static final String CT = BASE + "/{vmid}";
  private static final String[] CONFIG_PRIVS = {
    "VM.Config.Disk", "VM.Config.CPU", "VM.Config.Memory", "VM.Config.Network", "VM.Config.Options"
  };

  private LxcApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", BASE, anyUser(), LxcApi::list));
    r.add(
        new Endpoint(
            "POST",
            BASE,
            anyUser(),
            c ->
                c.flag("restore")
                    ? Restore.lxc(c)
                    : Guests.create(c, GuestType.LXC, "vzcreate", g -> prepareCreate(c, g))));
    r.add(
        new Endpoint(
            "DELETE",
            CT,
            perm("/vms/{vmid}", "VM.Allocate"),
            c -> Guests.destroy(c, GuestType.LXC, "vzdestroy")));
    r.add(
        new Endpoint(
            "GET",
            CT + "/config",
            perm("/vms/{vmid}", "VM.Audit"),
            c -> GuestViews.config(guest(c))));
    r.add(
        new Endpoint(
            "GET",
            CT + "/pending",
            perm("/vms/{vmid}", "VM.Audit"),
            c -> GuestViews.pending(guest(c))));
    r.add(new Endpoint("PUT", CT + "/config", any("/vms/{vmid}", CONFIG_PRIVS), LxcApi::update));
    r.add(
        new Endpoint(
            "GET",
            CT + "/status/current",
            perm("/vms/{vmid}", "VM.Audit"),
            c -> GuestStatus.status(c.world(), guest(c))));
    r.add(
        new Endpoint(
            "POST",
            CT + "/status/start",
            perm("/vms/{vmid}", "VM.PowerMgmt"),
            c -> Guests.power(c, GuestType.LXC, "vzstart", false, true)));
    r.add(
        new Endpoint(
            "POST",
            CT + "/status/stop",
            perm("/vms/{vmid}", "VM.PowerMgmt"),
            c -> Guests.power(c, GuestType.LXC, "vzstop", false, false)));
    r.add(
        new Endpoint(
            "POST",
            CT + "/status/shutdown",
            perm("/vms/{vmid}", "VM.PowerMgmt"),
            c -> Guests.power(c, GuestType.LXC, "vzshutdown", true, false)));
    r.add(
        new Endpoint(
            "GET", CT + "/interfaces", perm("/vms/{vmid}", "VM.Audit"), LxcApi::interfaces));
  }

  private static Guest guest(Call c) {
    return c.world().guest(c.node(), c.vmid(), GuestType.LXC);
  }

  private static Object list(Call c) {
    World world = c.world();
    world.node(c.node());
    ArrayNode out = Json.array();
    for (Guest g : world.guests().values()) {
      if (g.type() == GuestType.LXC
          && g.node().equals(c.node())
          && c.allowed("/vms/" + g.vmid(), "VM.Audit")) {
        out.add(GuestViews.listEntry(world, g));
      }
    }
    return out;
  }

  private static void prepareCreate(Call c, Guest guest) {
    World world = c.world();
    String template = c.str("ostemplate");
    int colon = template.indexOf(':');
    Volume volume =
        colon < 0
            ? null
            : world
                .storage(c.node(), template.substring(0, colon))
                .volumes()
                .get(template.substring(colon + 1));
    if (volume == null || !volume.content().equals("vztmpl")) {
      throw new SimulatorError("volume '" + template + "' does not exist");
    }
    if (!c.flag("unprivileged")) {
      c.require("/", "Sys.Modify");
    }
    checkFeatures(c);
    c.params().putIfAbsent("rootfs", c.str("storage", "local") + ":4");
    Guests.requireSpace(c, guest);
    guest.config().put("arch", c.str("arch", "amd64"));
    guest.config().put("ostype", c.str("ostype", ostype(template)));
    OciApi.applyImage(world, guest, template, c);
  }

  /** Feature flags other than {@code nesting} are for root@pam only, as in pve-container. */
  private static void checkFeatures(Call c) {
    String features = c.str("features");
    if (features == null || c.subject().equals(AccessControl.ROOT)) {
      return;
    }
    Map<String, String> parsed = PropertyStrings.parseLenient(LxcSchema.FEATURES, features);
    for (String key : parsed.keySet()) {
      if (!key.equals("nesting")) {
        throw ApiException.forbidden(
            "changing feature flags (except nesting) is only allowed for root@pam");
      }
    }
  }

  private static String ostype(String template) {
    String name = template.substring(template.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    for (String os :
        new String[] {"debian", "ubuntu", "alpine", "centos", "fedora", "archlinux", "opensuse"}) {
      if (name.startsWith(os)) {
        return os;
      }
    }
    return "unmanaged";
  }

  private static Object update(Call c) {
    Guest guest = guest(c);
    GuestConfig.checkLock(guest, c);
    GuestConfig.checkFileLock(guest);
    checkFeatures(c);
    Guests.requireSpace(c, guest);
    Disks disks = new Disks(c.world(), guest.node());
    Map<String, String> before = new LinkedHashMap<>(guest.config());
    try {
      GuestConfig.apply(c.world(), guest, c, disks);
    } catch (RuntimeException e) {
      disks.rollback();
      guest.config().clear();
      guest.config().putAll(before);
      throw e;
    }
    return null;
  }

  private static Object interfaces(Call c) {
    Guest guest = guest(c);
    if (!guest.running()) {
      throw new SimulatorError("CT " + guest.vmid() + " is not running");
    }
    ArrayNode out = Json.array();
    ObjectNode lo = iface(out, "lo", "00:00:00:00:00:00");
    lo.put("inet", "127.0.0.1/8").put("inet6", "::1/128");
    address(lo, "127.0.0.1", "inet", 8);
    address(lo, "::1", "inet6", 128);
    for (String key : guest.netKeys()) {
      Map<String, String> net =
          PropertyStrings.parseLenient(LxcSchema.NET, guest.config().get(key));
      int index = Integer.parseInt(key.substring(3));
      ObjectNode iface =
          iface(
              out,
              net.getOrDefault("name", "eth" + index),
              net.getOrDefault("hwaddr", "").toLowerCase(Locale.ROOT));
      String[] ip = Addresses.ipv4(guest, index);
      iface.put("inet", ip[0] + "/" + ip[1]);
      address(iface, ip[0], "inet", Integer.parseInt(ip[1]));
    }
    return out;
  }

  private static ObjectNode iface(ArrayNode out, String name, String mac) {
    ObjectNode iface = out.addObject();
    iface.put("name", name);
    iface.put("hwaddr", mac);
    iface.put("hardware-address", mac);
    iface.putArray("ip-addresses");
    return iface;
  }

  private static void address(ObjectNode iface, String ip, String type, int prefix) {
    ((ArrayNode) iface.get("ip-addresses"))
        .addObject()
        .put("ip-address", ip)
        .put("ip-address-type", type)
        .put("prefix", prefix);
  }
}
