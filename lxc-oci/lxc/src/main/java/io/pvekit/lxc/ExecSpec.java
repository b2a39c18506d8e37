package io.pvekit.lxc;

import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** A process to run inside a running container ({@code proxmox-lxcri exec}). */
@Value.Immutable
public abstract class ExecSpec {
  /** argv; args[0] is resolved with the container's PATH. */
  public abstract List<String> args();

  /** The whole environment, KEY=VALUE. */
  public abstract List<String> env();

  /** Working directory inside the container; the container's root when empty. */
  public abstract Optional<String> cwd();

  /** User id; the container init's user when empty. */
  public abstract Optional<Integer> uid();

  /** Group id; the container init's group when empty. */
  public abstract Optional<Integer> gid();

  /** Supplementary groups. */
  public abstract List<Integer> additionalGids();

  /** Set no_new_privs before exec. */
  @Value.Default
  public boolean noNewPrivileges() {
    return false;
  }

  /** AppArmor profile to exec under; the container's when empty. */
  public abstract Optional<String> apparmorProfile();

  /**
   * Whether the process gets a terminal (a pty as stdin, stdout and stderr, and as its controlling
   * terminal). Its master goes to {@link #consoleSocket()}; without one, this process's own stdio
   * (a terminal) is relayed to it. liblxc's terminal attach applies the container's capabilities,
   * LSM profile and no_new_privs, uid and gid, but no supplementary groups, so {@link
   * #additionalGids()} must be empty or hold only the gid; a {@link #cwd()} other than / needs
   * /bin/sh in the container.
   */
  @Value.Default
  public boolean terminal() {
    return false;
  }

  /**
   * The unix socket to send the pty's master to, as runc's {@code --console-socket} (SCM_RIGHTS,
   * with the pty's path as the message); only with {@link #terminal()}.
   */
  public abstract Optional<java.nio.file.Path> consoleSocket();

  @Value.Check
  void check() {
    if (args().isEmpty()) {
      throw new IllegalArgumentException("exec: args must not be empty");
    }
    // a negative id would reach liblxc as "not set" and run the process as root
    uid().ifPresent(id -> requireId("uid", id));
    gid().ifPresent(id -> requireId("gid", id));
    for (int id : additionalGids()) {
      requireId("additionalGids", id);
    }
    if (consoleSocket().isPresent() && !terminal()) {
      throw new IllegalArgumentException(
          "exec: consoleSocket " + consoleSocket().get() + " is set but terminal is false");
    }
  }

  private static void requireId(String field, int id) {
    if (id < 0) {
      throw new IllegalArgumentException(
          "exec: "
              + field
              + " "
              + id
              + " is negative: liblxc would read it as not set and run as root");
    }
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ExecSpec} values. */
  public static final class Builder extends ImmutableExecSpec.Builder {
    Builder() {}
  }
}
