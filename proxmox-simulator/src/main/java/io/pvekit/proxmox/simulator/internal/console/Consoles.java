package io.pvekit.proxmox.simulator.internal.console;

import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * The console proxies that are listening or connected, by node and port, and the VNC tickets issued
 * for them. Used under the world's lock.
 *
 * <p>A VNC ticket is PVE's short-lived ticket: {@code PVEVNC:<hex time>::<signature>}, bound to a
 * user and an ACL path (not to a port) and accepted from 20 seconds before to 40 seconds after it
 * was made, as {@code PVE::AccessControl::verify_vnc_ticket} accepts it.
 */
public final class Consoles {
  /** The port range of {@code PVE::Tools::next_vnc_port}. */
  public static final int FIRST_PORT = 5900;

  private static final int LAST_PORT = 5999;
  private static final long MIN_AGE = -20;
  private static final long MAX_AGE = 40;

  private record Issued(String user, String authPath, long time) {}

  private final Map<String, ConsoleProxy> proxies = new HashMap<>();
  private final Map<String, Issued> tickets = new HashMap<>();
  private final SecureRandom random = new SecureRandom();

  /** A new VNC ticket for {@code user} on {@code authPath}, made at {@code now}. */
  public String issueTicket(String user, String authPath, long now) {
    forgetExpired(now);
    byte[] signature = new byte[256];
    random.nextBytes(signature);
    String ticket =
        "PVEVNC:"
            + String.format(Locale.ROOT, "%08X", now)
            + "::"
            + Base64.getEncoder().encodeToString(signature);
    tickets.put(ticket, new Issued(user, authPath, now));
    return ticket;
  }

  /** Whether the ticket was issued to this user for this path and is still young enough. */
  public boolean validTicket(String ticket, String user, String authPath, long now) {
    Issued issued = ticket == null ? null : tickets.get(ticket);
    if (issued == null || !issued.user().equals(user) || !issued.authPath().equals(authPath)) {
      return false;
    }
    long age = now - issued.time();
    return age > MIN_AGE && age < MAX_AGE;
  }

  /** The lowest port no live proxy on the node uses. */
  public int freePort(String node) {
    for (int port = FIRST_PORT; port <= LAST_PORT; port++) {
      if (!proxies.containsKey(key(node, port))) {
        return port;
      }
    }
    throw new SimulatorError("unable to find free port (" + FIRST_PORT + "-" + LAST_PORT + ")");
  }

  /** Registers a listening proxy. */
  public void add(ConsoleProxy proxy) {
    proxies.put(key(proxy.node(), proxy.port()), proxy);
  }

  /** The live proxy on that port, or null. */
  public ConsoleProxy at(String node, long port) {
    return proxies.get(key(node, port));
  }

  /** Frees the proxy's port. */
  public void remove(ConsoleProxy proxy) {
    proxies.remove(key(proxy.node(), proxy.port()), proxy);
  }

  /** The command line PVE's worker runs for the proxy, as its task error quotes it. */
  static String command(ConsoleProxy proxy) {
    String target;
    if (proxy.guest() == null) {
      target = "/bin/login -f root";
    } else if (proxy.guest().type() == GuestType.QEMU) {
      int vmid = proxy.guest().vmid();
      target =
          "/usr/sbin/qm terminal "
              + vmid
              + " -escape 0"
              + (proxy.serial() == null ? "" : " -iface " + proxy.serial());
    } else {
      int vmid = proxy.guest().vmid();
      target =
          "/usr/bin/dtach -A /var/run/dtach/vzctlconsole"
              + vmid
              + " -r winch -z lxc-console -n "
              + vmid
              + " -e -1";
    }
    String perm = proxy.guest() == null ? "Sys.Console" : "VM.Console";
    if (proxy.kind() == ConsoleProxy.Kind.TERMINAL) {
      return "/usr/bin/termproxy "
          + proxy.port()
          + " --path "
          + proxy.authPath()
          + " --perm "
          + perm
          + " -- "
          + target;
    }
    return "/usr/bin/vncterm -rfbport "
        + proxy.port()
        + " -timeout 10 -authpath "
        + proxy.authPath()
        + " -perm "
        + perm
        + " -notls -listen localhost -c "
        + target;
  }

  private void forgetExpired(long now) {
    Iterator<Issued> it = tickets.values().iterator();
    while (it.hasNext()) {
      if (now - it.next().time() >= MAX_AGE) {
        it.remove();
      }
    }
  }

  private static String key(String node, long port) {
    return node + ":" + port;
  }
}
