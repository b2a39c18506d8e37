package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.ConsoleSocket;
import io.pvekit.proxmox.internal.Transport;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * An open console: the {@code vncwebsocket} WebSocket behind a {@code termproxy} or {@code
 * vncproxy} ticket, opened through the client's connection settings (TLS trust, timeouts) with its
 * credentials. A terminal speaks termproxy's protocol (login line, framed input, resize), which
 * this class hides: {@link #send} types, {@link #resize} resizes, {@link #read} and {@link
 * #readUntil} return what the terminal shows. A VNC session passes RFB bytes through {@link
 * #sendBytes} and {@link #read}.
 *
 * <p>The proxy's task on the server lives until the session ends; {@link #close} ends it. Reads
 * block; sends do not (OkHttp queues them). Thread-safe for one reader and any number of senders.
 *
 * <pre>{@code
 * try (ConsoleSession shell = client.node("pve1").lxc().container(200).openTerminal()) {
 *   shell.send("hostname\r");
 *   String shown = shell.readUntil("\n", Duration.ofSeconds(5));
 * }
 * }</pre>
 */
public final class ConsoleSession implements AutoCloseable {
  /** What the session speaks. */
  public enum Kind {
    /** A text terminal ({@code termproxy}): a shell, {@code pct enter} or a serial port. */
    TERMINAL,
    /** A VNC framebuffer ({@code vncproxy}, {@code vncshell}): raw RFB. */
    VNC
  }

  /** How long the WebSocket handshake and the terminal's login may take. */
  static final Duration OPEN_TIMEOUT = Duration.ofSeconds(30);

  private final Kind kind;
  private final String path;
  private final ConsoleTicket ticket;
  private final ConsoleSocket socket;
  private byte[] pending = new byte[0];

  private ConsoleSession(Kind kind, String path, ConsoleTicket ticket, ConsoleSocket socket) {
    this.kind = kind;
    this.path = path;
    this.ticket = ticket;
    this.socket = socket;
  }

  /**
   * Opens {@code GET <websocketPath>?port=..&vncticket=..} and, for a terminal, logs in with the
   * ticket.
   */
  static ConsoleSession open(
      Transport transport, ApiCall websocket, ConsoleTicket ticket, Kind kind) {
    ApiCall call =
        websocket.param("port", ticket.port()).param("vncticket", ticket.ticket().reveal());
    ConsoleSocket socket = ConsoleSocket.open(transport, call, OPEN_TIMEOUT);
    ConsoleSession session = new ConsoleSession(kind, call.path(), ticket, socket);
    if (kind == Kind.TERMINAL) {
      session.login();
    }
    return session;
  }

  /** termproxy wants {@code user:ticket\n} first and answers {@code OK}; anything else refuses. */
  private void login() {
    socket.sendText(ticket.user() + ":" + ticket.ticket().reveal() + "\n");
    byte[] first = socket.next(OPEN_TIMEOUT);
    while (first != null && first.length < 2) {
      byte[] more = socket.next(OPEN_TIMEOUT);
      first = more == null ? null : concat(first, more);
    }
    if (first == null || first[0] != 'O' || first[1] != 'K') {
      socket.close();
      throw new ProxmoxAuthenticationException(
          "GET",
          path,
          401,
          "termproxy refused the ticket",
          java.util.Map.of(),
          null,
          "GET "
              + path
              + ": the terminal proxy refused the console ticket of "
              + ticket.user()
              + " ("
              + Objects.requireNonNullElse(socket.closedBecause(), "unexpected answer")
              + "). A ticket is valid 40 seconds and only for the guest or node it was made for.");
    }
    pending = Arrays.copyOfRange(first, 2, first.length);
  }

  /** Terminal or VNC. */
  public Kind kind() {
    return kind;
  }

  /** The proxy's task on the server, which ends when the session does. */
  public Upid upid() {
    return ticket.upid();
  }

  /** Whether the connection is still open. */
  public boolean isOpen() {
    return socket.isOpen();
  }

  /**
   * Types text into the terminal, UTF-8 encoded (Enter is {@code "\r"}, as a terminal sends it).
   *
   * @param input the keystrokes
   * @throws IllegalStateException for a VNC session
   */
  public void send(String input) {
    sendBytes(input.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends bytes: keystrokes for a terminal (framed as termproxy wants), RFB for VNC.
   *
   * @param data the bytes
   */
  public void sendBytes(byte[] data) {
    if (kind == Kind.VNC) {
      socket.sendBinary(data.clone());
      return;
    }
    ByteArrayOutputStream message = new ByteArrayOutputStream(data.length + 16);
    message.writeBytes(("0:" + data.length + ":").getBytes(StandardCharsets.US_ASCII));
    message.writeBytes(data);
    socket.sendBinary(message.toByteArray());
  }

  /**
   * Tells the terminal its new size.
   *
   * @param columns characters per line, at least 1
   * @param rows lines, at least 1
   * @throws IllegalStateException for a VNC session, whose size the server decides
   */
  public void resize(int columns, int rows) {
    if (kind != Kind.TERMINAL) {
      throw new IllegalStateException("resize: a VNC console's size is set by the server");
    }
    if (columns < 1 || rows < 1) {
      throw new IllegalArgumentException(
          "resize: columns and rows must be at least 1, got " + columns + "x" + rows);
    }
    socket.sendText("1:" + columns + ":" + rows + ":");
  }

  /**
   * The next piece of output.
   *
   * @param timeout how long to wait
   * @return the bytes, or an empty array once the session is closed
   * @throws ProxmoxTimeoutException when nothing arrived within {@code timeout}
   */
  public byte[] read(Duration timeout) {
    if (pending.length > 0) {
      byte[] out = pending;
      pending = new byte[0];
      return out;
    }
    byte[] next = socket.next(timeout);
    return next == null ? new byte[0] : next;
  }

  /**
   * Reads output until it contains {@code expected}.
   *
   * @param expected the text to wait for
   * @param timeout how long to wait in all
   * @return the output up to and including {@code expected}; what followed it stays for the next
   *     read
   * @throws ProxmoxTimeoutException when it did not appear in time
   * @throws ProxmoxNoResponseException when the session closed before it appeared
   */
  public String readUntil(String expected, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    while (!seen.toString(StandardCharsets.UTF_8).contains(expected)) {
      long left = deadline - System.nanoTime();
      byte[] chunk;
      try {
        chunk = read(Duration.ofNanos(Math.max(left, 1)));
      } catch (ProxmoxTimeoutException e) {
        throw new ProxmoxTimeoutException(
            "GET",
            path,
            timeout,
            1,
            "GET "
                + path
                + ": the console did not show '"
                + expected
                + "' within "
                + timeout
                + "; it showed: "
                + tail(seen),
            null);
      }
      if (chunk.length == 0) {
        throw new ProxmoxNoResponseException(
            "GET",
            path,
            "GET "
                + path
                + ": the console closed ("
                + socket.closedBecause()
                + ") before showing '"
                + expected
                + "'; it showed: "
                + tail(seen),
            null);
      }
      seen.writeBytes(chunk);
    }
    String text = seen.toString(StandardCharsets.UTF_8);
    int end = text.indexOf(expected) + expected.length();
    // what came after the text stays for the next read
    pending = concat(text.substring(end).getBytes(StandardCharsets.UTF_8), pending);
    return text.substring(0, end);
  }

  /** Closes the connection; the server ends the proxy's task. */
  @Override
  public void close() {
    socket.close();
  }

  /** Kind, path and state; never the ticket. */
  @Override
  public String toString() {
    return "ConsoleSession["
        + kind
        + " "
        + path
        + " port "
        + ticket.port()
        + ", "
        + (isOpen() ? "open" : "closed")
        + "]";
  }

  private static String tail(ByteArrayOutputStream seen) {
    String text = seen.toString(StandardCharsets.UTF_8);
    return "'" + (text.length() > 200 ? "..." + text.substring(text.length() - 200) : text) + "'";
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
