package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** The container process ({@code process}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciProcess.class)
@JsonDeserialize(as = ImmutableOciProcess.class)
public interface OciProcess {
  /** Whether the process gets a pseudo terminal. */
  @JsonProperty("terminal")
  @Value.Default
  default boolean terminal() {
    return false;
  }

  /** Size of the terminal. */
  @JsonProperty("consoleSize")
  Optional<OciConsoleSize> consoleSize();

  /** User the process runs as. */
  @JsonProperty("user")
  OciUser user();

  /** The command and its arguments, like execvp(3). */
  @JsonProperty("args")
  List<String> args();

  /** Windows only: the command line. */
  @JsonProperty("commandLine")
  Optional<String> commandLine();

  /** Environment in {@code KEY=value} form. */
  @JsonProperty("env")
  List<String> env();

  /** Absolute working directory inside the container. */
  @JsonProperty("cwd")
  String cwd();

  /** Capability sets; absent means the runtime does not change them. */
  @JsonProperty("capabilities")
  Optional<OciCapabilities> capabilities();

  /** Resource limits. */
  @JsonProperty("rlimits")
  List<OciRlimit> rlimits();

  /** Whether to set {@code PR_SET_NO_NEW_PRIVS}. */
  @JsonProperty("noNewPrivileges")
  @Value.Default
  default boolean noNewPrivileges() {
    return false;
  }

  /** AppArmor profile name. */
  @JsonProperty("apparmorProfile")
  Optional<String> apparmorProfile();

  /** Value for {@code /proc/self/oom_score_adj}. */
  @JsonProperty("oomScoreAdj")
  OptionalInt oomScoreAdj();

  /** SELinux process label. */
  @JsonProperty("selinuxLabel")
  Optional<String> selinuxLabel();

  /** I/O priority (runtime-spec 1.1). */
  @JsonProperty("ioPriority")
  Optional<OciIoPriority> ioPriority();

  /** Scheduling policy (runtime-spec 1.2). */
  @JsonProperty("scheduler")
  Optional<OciScheduler> scheduler();

  /** CPU affinity while the runtime execs the process (runtime-spec 1.2). */
  @JsonProperty("execCPUAffinity")
  Optional<OciCpuAffinity> execCpuAffinity();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciProcess}. */
  final class Builder extends ImmutableOciProcess.Builder {}
}
