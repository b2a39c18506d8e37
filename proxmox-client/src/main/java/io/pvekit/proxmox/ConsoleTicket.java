package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A console proxy started by {@code vncproxy} or {@code termproxy}: connect to {@code
 * .../vncwebsocket?port=PORT&vncticket=TICKET} within about 10 seconds ({@code openTerminal()} and
 * {@code openVnc()} do both and return a {@link ConsoleSession}). The ticket and the VNC password
 * are {@link Secret}s.
 */
@Value.Immutable
public interface ConsoleTicket {
  /** The port the proxy listens on, for the {@code vncwebsocket} call. */
  long port();

  /** The one-time ticket. */
  Secret ticket();

  /** The user the ticket is for. */
  String user();

  /** The proxy's task. */
  Upid upid();

  /** The node's certificate (vncproxy). */
  @Value.Auxiliary
  Optional<String> cert();

  /** The VNC password, when asked for with {@code generate-password}. */
  Optional<Secret> password();
}
