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

  @Value.Check
  void check() {
    if (args().isEmpty()) {
      throw new IllegalArgumentException("exec: args must not be empty");
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
