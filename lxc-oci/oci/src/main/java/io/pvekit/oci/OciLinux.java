package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** Linux-specific configuration ({@code linux}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciLinux.class)
@JsonDeserialize(as = ImmutableOciLinux.class)
public interface OciLinux {
  /** Namespaces to create or join. */
  @JsonProperty("namespaces")
  List<OciNamespace> namespaces();

  /** User namespace uid mappings. */
  @JsonProperty("uidMappings")
  List<OciIdMapping> uidMappings();

  /** User namespace gid mappings. */
  @JsonProperty("gidMappings")
  List<OciIdMapping> gidMappings();

  /** Time namespace clock offsets, keyed by {@code boottime} or {@code monotonic}. */
  @JsonProperty("timeOffsets")
  Map<String, OciTimeOffset> timeOffsets();

  /** Device nodes to create in the container. */
  @JsonProperty("devices")
  List<OciDevice> devices();

  /** Path of the container cgroup. */
  @JsonProperty("cgroupsPath")
  Optional<String> cgroupsPath();

  /** Cgroup resource limits. */
  @JsonProperty("resources")
  Optional<OciResources> resources();

  /** Propagation of the root mount. */
  @JsonProperty("rootfsPropagation")
  Optional<String> rootfsPropagation();

  /** System call filter. */
  @JsonProperty("seccomp")
  Optional<OciSeccomp> seccomp();

  /** Kernel parameters. */
  @JsonProperty("sysctl")
  Map<String, String> sysctl();

  /** Paths made inaccessible in the container. */
  @JsonProperty("maskedPaths")
  List<String> maskedPaths();

  /** Paths made read-only in the container. */
  @JsonProperty("readonlyPaths")
  List<String> readonlyPaths();

  /** SELinux label of the mounts. */
  @JsonProperty("mountLabel")
  Optional<String> mountLabel();

  /** Intel RDT (resctrl) settings. */
  @JsonProperty("intelRdt")
  Optional<OciIntelRdt> intelRdt();

  /** Execution domain. */
  @JsonProperty("personality")
  Optional<OciPersonality> personality();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciLinux}. */
  final class Builder extends ImmutableOciLinux.Builder {}
}
