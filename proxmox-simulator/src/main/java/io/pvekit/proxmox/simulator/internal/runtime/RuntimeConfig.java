package io.pvekit.proxmox.simulator.internal.runtime;

import io.pvekit.proxmox.simulator.FaultRule;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Everything a simulator is started with.
 *
 * @param bindAddress the address both listeners bind to
 * @param httpsPort the HTTPS port, 0 for a free one
 * @param httpPort the plain HTTP port, 0 for a free one, -1 for none
 * @param users users and passwords ({@code root@pam} among them)
 * @param tokens API tokens
 * @param acls ACL entries
 * @param inventory the initial cluster
 * @param faults fault rules active from the start
 * @param seed seeds every random choice (MACs, PIDs, fault hits)
 * @param clock the clock behind tickets, task times and uptimes
 * @param taskDuration how long each worker task runs
 * @param pveVersion the version reported and whose 401 wording is used
 * @param authFailureDelay how long a 401 is delayed (PVE waits 3 s)
 * @param compression whether bodies over 1 KiB are gzipped when the client accepts it
 */
public record RuntimeConfig(
    InetAddress bindAddress,
    int httpsPort,
    int httpPort,
    List<User> users,
    List<Token> tokens,
    List<AclEntry> acls,
    InventorySpec inventory,
    List<FaultRule> faults,
    long seed,
    Clock clock,
    Duration taskDuration,
    String pveVersion,
    Duration authFailureDelay,
    boolean compression) {

  /** A user with a password. */
  public record User(String userid, String password) {}

  /** An API token. */
  public record Token(String tokenId, String secret, boolean privsep) {}

  /** An ACL entry. */
  public record AclEntry(String path, String subject, String role, boolean propagate) {}
}
