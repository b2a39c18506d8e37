package io.pvekit.proxmox.simulator.internal.console;

import io.pvekit.proxmox.simulator.internal.http.WebSocket;
import io.pvekit.proxmox.simulator.internal.http.WebSocketUpgrade;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What runs behind an upgraded {@code vncwebsocket}: termproxy's login line and message protocol in
 * front of a {@link FakeShell}, or an RFB server that sends its version greeting. The proxy's task
 * lives while the socket is open and ends with {@code OK} when the client closes it or leaves the
 * shell; a guest that cannot have a console ends it with the error PVE's worker reports.
 */
public final class ConsoleSession implements WebSocketUpgrade.Session {
  private static final byte[] RFB_VERSION = "RFB 003.008\n".getBytes(StandardCharsets.US_ASCII);

  private final World world;
  private final Consoles consoles;
  private final ConsoleProxy proxy;

  public ConsoleSession(World world, Consoles consoles, ConsoleProxy proxy) {
    this.world = world;
    this.consoles = consoles;
    this.proxy = proxy;
  }

  @Override
  public void run(WebSocket socket) throws IOException {
    synchronized (world) {
      // the proxy takes one connection; a second one finds nothing listening
      if (proxy.connected() || !proxy.task().running()) {
        return;
      }
      proxy.connect(socket);
      proxy.task().onAbort(proxy::abort);
    }
    String failure = null;
    try {
      failure = proxy.kind() == ConsoleProxy.Kind.VNC ? vnc(socket) : terminal(socket);
    } catch (IOException e) {
      failure = null; // the client went away: for the proxy that is the end of the session
    } finally {
      end(failure);
    }
  }

  private String vnc(WebSocket socket) throws IOException {
    String problem;
    synchronized (world) {
      problem = guestProblem();
    }
    if (problem != null) {
      return proxy.guest() != null && proxy.guest().type() == GuestType.QEMU
          ? "Failed to run vncproxy."
          : commandFailed();
    }
    socket.send(RFB_VERSION);
    while (socket.read() != null) {
      // the simulated VNC server has no screen to update; client messages are read and dropped
    }
    return null;
  }

  private String terminal(WebSocket socket) throws IOException {
    TermProtocol protocol = new TermProtocol();
    try {
      String login = null;
      while (login == null) {
        byte[] bytes = socket.read();
        if (bytes == null) {
          return commandFailed();
        }
        protocol.feed(bytes);
        login = protocol.login();
      }
      if (!loginAccepted(login)) {
        return commandFailed();
      }
      socket.send("OK");
      String problem;
      synchronized (world) {
        problem = guestProblem();
      }
      if (problem != null) {
        socket.send(problem + "\r\n");
        return commandFailed();
      }
      FakeShell shell = new FakeShell(proxy.hostname());
      socket.send(shell.prompt());
      while (!shell.exited()) {
        byte[] bytes = socket.read();
        if (bytes == null) {
          return null;
        }
        protocol.feed(bytes);
        for (TermProtocol.Message m : protocol.messages()) {
          if (m.type() == TermProtocol.Message.INPUT) {
            String shown = shell.type(m.data());
            if (!shown.isEmpty()) {
              socket.send(shown);
            }
          } else if (m.type() == TermProtocol.Message.RESIZE) {
            shell.resize(m.columns(), m.rows());
          }
        }
      }
      return null;
    } catch (TermProtocol.Malformed e) {
      return commandFailed();
    }
  }

  /** termproxy checks the line as {@code POST /access/ticket} with the path and privilege would. */
  private boolean loginAccepted(String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      return false;
    }
    String user = line.substring(0, colon);
    String ticket = line.substring(colon + 1);
    synchronized (world) {
      return user.equals(proxy.user())
          && consoles.validTicket(ticket, user, proxy.authPath(), world.clock().epochSecond());
    }
  }

  /** Why the guest has no console now, or null. */
  private String guestProblem() {
    Guest guest = proxy.guest();
    if (guest == null) {
      return null;
    }
    if (guest.type() == GuestType.QEMU) {
      if (proxy.kind() == ConsoleProxy.Kind.TERMINAL) {
        String serial = serialInterface(guest);
        if (serial == null) {
          return proxy.serial() == null
              ? "unable to find a serial interface"
              : "serial interface '" + proxy.serial() + "' is not configured";
        }
      }
      return guest.running() ? null : "VM " + guest.vmid() + " not running";
    }
    return guest.running() ? null : "CT " + guest.vmid() + " not running";
  }

  /**
   * The interface {@code qm terminal} would attach to: the one asked for, else the first socket.
   */
  private String serialInterface(Guest guest) {
    if (proxy.serial() != null) {
      return "socket".equals(guest.config().get(proxy.serial())) ? proxy.serial() : null;
    }
    for (String iface : new String[] {"serial0", "serial1", "serial2", "serial3"}) {
      if ("socket".equals(guest.config().get(iface))) {
        return iface;
      }
    }
    return null;
  }

  /** The worker's error when termproxy or vncterm exits with an error. */
  private String commandFailed() {
    return "command '" + Consoles.command(proxy) + "' failed: exit code 1";
  }

  private void end(String failure) {
    synchronized (world) {
      TaskRecord task = proxy.task();
      if (task.running()) {
        if (failure != null) {
          task.log().add(failure);
        }
        task.finish(failure == null ? "OK" : failure, world.clock().epochSecond());
      }
      consoles.remove(proxy);
      world.changed();
    }
  }
}
