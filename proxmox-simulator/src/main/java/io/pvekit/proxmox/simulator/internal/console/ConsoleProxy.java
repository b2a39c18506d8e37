package io.pvekit.proxmox.simulator.internal.console;

import io.pvekit.proxmox.simulator.internal.http.WebSocket;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.GuestType;
import io.pvekit.proxmox.simulator.internal.state.TaskRecord;

/**
 * One console proxy a {@code vncproxy}, {@code termproxy} or {@code vncshell} call started: the
 * port it listens on, who may connect, its worker task and, once connected, the socket. Mutated
 * under the world's lock.
 */
public final class ConsoleProxy {
  /** What speaks behind the socket. */
  public enum Kind {
    /** {@code termproxy}: the xterm.js protocol in front of a shell or serial console. */
    TERMINAL,
    /** {@code vncproxy}/{@code vncshell}: RFB. */
    VNC
  }

  private final String node;
  private final int port;
  private final Kind kind;
  private final String authPath;
  private final String user;
  private final TaskRecord task;
  private final Guest guest;
  private final String serial;
  private boolean connected;
  private WebSocket socket;

  /**
   * A proxy.
   *
   * @param guest the guest whose console it is, or null for the node's shell
   * @param serial the QEMU serial interface asked for, or null
   */
  public ConsoleProxy(
      String node,
      int port,
      Kind kind,
      String authPath,
      String user,
      TaskRecord task,
      Guest guest,
      String serial) {
    this.node = node;
    this.port = port;
    this.kind = kind;
    this.authPath = authPath;
    this.user = user;
    this.task = task;
    this.guest = guest;
    this.serial = serial;
  }

  public String node() {
    return node;
  }

  public int port() {
    return port;
  }

  public Kind kind() {
    return kind;
  }

  /** The ACL path the ticket is bound to: {@code /vms/100} or {@code /nodes/pve1}. */
  public String authPath() {
    return authPath;
  }

  /** The user or token that asked for the proxy. */
  public String user() {
    return user;
  }

  public TaskRecord task() {
    return task;
  }

  /** The guest, or null for the node's shell. */
  public Guest guest() {
    return guest;
  }

  /** The host name the fake shell reports: the guest's name or the node's. */
  public String hostname() {
    if (guest == null) {
      return node;
    }
    String name = guest.name();
    return name == null || name.isEmpty()
        ? (guest.type() == GuestType.QEMU ? "VM" : "CT") + guest.vmid()
        : name;
  }

  /** The QEMU serial interface, or null. */
  public String serial() {
    return serial;
  }

  /** Whether a client connected (a proxy accepts one connection, as PVE's do). */
  public boolean connected() {
    return connected;
  }

  /** Takes the one connection. */
  public void connect(WebSocket socket) {
    this.connected = true;
    this.socket = socket;
  }

  /** Drops the connection, if there is one (the task was stopped). */
  public void abort() {
    if (socket != null) {
      socket.abort();
    }
  }
}
