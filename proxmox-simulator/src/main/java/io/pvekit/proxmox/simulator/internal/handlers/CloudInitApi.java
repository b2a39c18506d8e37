package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code /nodes/{node}/qemu/{vmid}/cloudinit}: the cloud-init values with what the drive holds,
 * regenerating the drive, and the generated files.
 */
public final class CloudInitApi {
  private static final String BASE = "/nodes/{node}/qemu/{vmid}/cloudinit";
  private static final String MASK = "**********";

  private CloudInitApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(
        new Endpoint("GET", BASE, perm("/vms/{vmid}", "VM.Audit"), c -> pending(QemuApi.guest(c))));
    r.add(
        new Endpoint(
            "PUT", BASE, perm("/vms/{vmid}", "VM.Config.Cloudinit"), CloudInitApi::regenerate));
    r.add(new Endpoint("GET", BASE + "/dump", perm("/vms/{vmid}", "VM.Audit"), CloudInitApi::dump));
  }

  /**
   * Keys added since the drive was generated (pending only), present keys (the drive's value, and
   * the new one where it changed), then removed keys ({@code delete}); passwords masked.
   */
  private static ArrayNode pending(Guest guest) {
    Map<String, String> conf = new TreeMap<>(guest.config());
    Map<String, String> drive = new TreeMap<>(guest.cloudInitChanges());
    TreeSet<String> added = CloudInit.added(drive);
    drive.remove("added");
    conf.computeIfPresent("cipassword", (k, v) -> MASK);
    drive.computeIfPresent("cipassword", (k, v) -> MASK);
    ArrayNode out = Json.array();
    for (String key : added) {
      if (conf.containsKey(key)) {
        out.addObject().put("key", key).put("pending", conf.get(key));
      }
    }
    for (Map.Entry<String, String> e : conf.entrySet()) {
      String key = e.getKey();
      if (!CloudInit.isPendingKey(key) || e.getValue().isEmpty() || added.contains(key)) {
        continue;
      }
      if (drive.containsKey(key)) {
        out.addObject().put("key", key).put("value", drive.get(key)).put("pending", e.getValue());
      } else {
        out.addObject().put("key", key).put("value", e.getValue());
      }
    }
    for (String key : drive.keySet()) {
      if (!conf.containsKey(key)) {
        out.addObject().put("key", key).put("delete", 1);
      }
    }
    return out;
  }

  /** qemu-server regenerates under the config lock; without a drive there is nothing to do. */
  private static Object regenerate(Call c) {
    Guest guest = QemuApi.guest(c);
    GuestConfig.checkLock(guest, c);
    GuestConfig.checkFileLock(guest);
    CloudInit.regenerate(guest);
    c.world().changed();
    return null;
  }

  private static Object dump(Call c) {
    Guest guest = QemuApi.guest(c);
    return switch (c.str("type")) {
      case "user" -> CloudInitFiles.user(guest);
      case "network" -> CloudInitFiles.network(guest);
      default -> CloudInitFiles.meta(guest);
    };
  }
}
