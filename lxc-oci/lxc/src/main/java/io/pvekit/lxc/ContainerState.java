package io.pvekit.lxc;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.immutables.value.Value;

/** A container's OCI state, as {@code proxmox-lxcri state ID} prints it. */
@Value.Immutable
public abstract class ContainerState {
  /** The container id. */
  public abstract String id();

  /** Where it is in the lifecycle. */
  public abstract ContainerStatus status();

  /** The host PID of the container's init (the user process after start), 0 when stopped. */
  public abstract long pid();

  /** The bundle directory the container was created from. */
  public abstract Path bundle();

  /** When create ran. */
  public abstract Instant created();

  /** config.json's annotations. */
  public abstract Map<String, String> annotations();

  /** The OCI runtime-spec version of the bundle. */
  @Value.Default
  public String ociVersion() {
    return "1.0.2";
  }

  /**
   * The process whose exit status is the container's: proxmox-lxcri's supervisor, which {@code
   * create --pid-file} reports so that containerd's shim (a subreaper) reaps it. 0 when unknown.
   */
  @Value.Default
  public long supervisorPid() {
    return 0;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ContainerState} values. */
  public static final class Builder extends ImmutableContainerState.Builder {
    Builder() {}
  }
}
