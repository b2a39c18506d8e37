package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code mounts}. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciMount.class)
@JsonDeserialize(as = ImmutableOciMount.class)
public interface OciMount {
  /** Absolute path of the mount point inside the container. */
  @JsonProperty("destination")
  String destination();

  /** File system type, for example {@code tmpfs} or {@code bind}. */
  @JsonProperty("type")
  Optional<String> type();

  /** Device name, file system name or host path (bind mounts). */
  @JsonProperty("source")
  Optional<String> source();

  /** Mount options as in mount(8). */
  @JsonProperty("options")
  List<String> options();

  /** User id mapping of an idmapped mount (runtime-spec 1.1). */
  @JsonProperty("uidMappings")
  List<OciIdMapping> uidMappings();

  /** Group id mapping of an idmapped mount (runtime-spec 1.1). */
  @JsonProperty("gidMappings")
  List<OciIdMapping> gidMappings();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciMount}. */
  final class Builder extends ImmutableOciMount.Builder {}
}
