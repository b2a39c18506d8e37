package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.ApiException;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.console.ConsoleProxy;
import io.pvekit.proxmox.simulator.internal.console.ConsoleSession;
import io.pvekit.proxmox.simulator.internal.console.Consoles;
import io.pvekit.proxmox.simulator.internal.http.WebSocketUpgrade;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Consoles: {@code vncproxy}/{@code termproxy} for guests, {@code vncshell}/{@code termproxy} for
 * the node's shell, and {@code vncwebsocket}, which pveproxy upgrades to a WebSocket in front of
 * the proxy. Each proxy is a worker task that waits 10 seconds for its one connection and lives
 * while it is open, as PVE's do; the VNC ticket is bound to the user and the ACL path.
 */
public final class ConsoleApi {
  private static final long CONNECT_TIMEOUT_SECONDS = 10;
  private static final SecureRandom RANDOM = new SecureRandom();

  private ConsoleApi() {}

  /**
   * Registers the endpoints.
   *
   * @param certificatePem what {@code vncproxy} returns as {@code cert} (PVE: the cluster CA)
   */
  public static void register(Router r, String certificatePem) {
    Consoles consoles = new Consoles();
    for (GuestType type : GuestType.values()) {
      String base = "/nodes/{node}/" + type.apiName() + "/{vmid}";
      Endpoint.Check console = perm("/vms/{vmid}", "VM.Console");
      boolean qemu = type == GuestType.QEMU;
      r.add(
          new Endpoint(
              "POST",
              base + "/vncproxy",
              console,
              c -> guestProxy(c, consoles, type, ConsoleProxy.Kind.VNC, certificatePem)));
      r.add(
          new Endpoint(
              "POST",
              base + "/termproxy",
              console,
              c -> guestProxy(c, consoles, type, ConsoleProxy.Kind.TERMINAL, certificatePem)));
      r.add(
          new Endpoint(
              "GET",
              base + "/vncwebsocket",
              console,
              c -> {
                String authPath = "/vms/" + c.vmid();
                checkTicket(c, consoles, authPath);
                c.world().guest(c.node(), c.vmid(), type);
                return upgrade(c, consoles, authPath);
              }));
    }
    Endpoint.Check shell = perm("/nodes/{node}", "Sys.Console");
    r.add(
        new Endpoint(
            "POST",
            "/nodes/{node}/vncshell",
            shell,
            c -> nodeProxy(c, consoles, ConsoleProxy.Kind.VNC, certificatePem)));
    r.add(
        new Endpoint(
            "POST",
            "/nodes/{node}/termproxy",
            shell,
            c -> nodeProxy(c, consoles, ConsoleProxy.Kind.TERMINAL, certificatePem)));
    r.add(
        new Endpoint(
            "GET",
            "/nodes/{node}/vncwebsocket",
            shell,
            c -> {
              String authPath = "/nodes/" + c.node();
              checkTicket(c, consoles, authPath);
              c.world().node(c.node());
              return upgrade(c, consoles, authPath);
            }));
  }

  private static Object guestProxy(
      Call c, Consoles consoles, GuestType type, ConsoleProxy.Kind kind, String pem) {
    Guest guest = c.world().guest(c.node(), c.vmid(), type);
    ObjectNode out =
        start(c, consoles, kind, "/vms/" + guest.vmid(), guest, Integer.toString(guest.vmid()));
    // qemu-server and pve-container answer the port as a string (recorded fixtures agree)
    out.put("port", out.get("port").asText());
    finish(c, out, kind, pem);
    return out;
  }

  private static Object nodeProxy(Call c, Consoles consoles, ConsoleProxy.Kind kind, String pem) {
    c.world().node(c.node());
    ObjectNode out = start(c, consoles, kind, "/nodes/" + c.node(), null, "");
    finish(c, out, kind, pem);
    return out;
  }

  private static ObjectNode start(
      Call c,
      Consoles consoles,
      ConsoleProxy.Kind kind,
      String authPath,
      Guest guest,
      String taskId) {
    World world = c.world();
    long now = world.clock().epochSecond();
    String node = c.node();
    int port = consoles.freePort(node);
    String ticket = consoles.issueTicket(c.subject(), authPath, now);
    String taskType = guest == null ? "vncshell" : "vncproxy";
    TaskRecord task = new TaskRecord(world.newUpid(node, taskType, taskId, c.subject()));
    world.tasks().put(task.upidText(), task);
    task.log().add("starting " + (kind == ConsoleProxy.Kind.VNC ? "vnc" : "term") + " proxy");
    ConsoleProxy proxy =
        new ConsoleProxy(node, port, kind, authPath, c.subject(), task, guest, c.str("serial"));
    consoles.add(proxy);
    task.onAbort(() -> consoles.remove(proxy));
    CompletableFuture.delayedExecutor(CONNECT_TIMEOUT_SECONDS, TimeUnit.SECONDS)
        .execute(() -> timeOut(world, consoles, proxy));
    world.changed();
    ObjectNode out = Json.object();
    out.put("user", c.subject());
    out.put("ticket", ticket);
    out.put("port", port);
    out.put("upid", task.upidText());
    return out;
  }

  private static void finish(Call c, ObjectNode out, ConsoleProxy.Kind kind, String pem) {
    if (kind == ConsoleProxy.Kind.VNC) {
      out.put("cert", pem);
    }
    if (c.flag("generate-password")) {
      out.put("password", password());
    }
  }

  /** Eight printable characters from {@code !} on, as qemu-server's generator makes them. */
  private static String password() {
    StringBuilder out = new StringBuilder(8);
    for (int i = 0; i < 8; i++) {
      out.append((char) ('!' + RANDOM.nextInt(64)));
    }
    return out.toString();
  }

  /** Nobody connected in time: the proxy's accept gives up and the worker fails. */
  private static void timeOut(World world, Consoles consoles, ConsoleProxy proxy) {
    synchronized (world) {
      TaskRecord task = proxy.task();
      if (!proxy.connected() && task.running()) {
        task.log().add("connection timed out");
        task.finish("connection timed out", world.clock().epochSecond());
        consoles.remove(proxy);
        world.changed();
      }
    }
  }

  private static void checkTicket(Call c, Consoles consoles, String authPath) {
    if (!consoles.validTicket(
        c.str("vncticket"), c.subject(), authPath, c.world().clock().epochSecond())) {
      throw new ApiException(401, "permission denied - invalid PVEVNC ticket");
    }
  }

  private static Object upgrade(Call c, Consoles consoles, String authPath) {
    long port = c.integer("port", 0);
    ConsoleProxy proxy = consoles.at(c.node(), port);
    if (proxy == null || !proxy.authPath().equals(authPath) || proxy.connected()) {
      throw new ApiException(500, "connect to 'localhost:" + port + "' failed: Connection refused");
    }
    ObjectNode fallback = Json.object();
    fallback.put("port", Long.toString(port));
    return new WebSocketUpgrade(new ConsoleSession(c.world(), consoles, proxy), fallback);
  }
}
