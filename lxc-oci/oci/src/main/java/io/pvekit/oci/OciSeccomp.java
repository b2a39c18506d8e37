package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** System call filter ({@code linux.seccomp}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciSeccomp.class)
@JsonDeserialize(as = ImmutableOciSeccomp.class)
public interface OciSeccomp {
  /** Action for system calls no rule matches. */
  @JsonProperty("defaultAction")
  String defaultAction();

  /** errno returned by a default {@code SCMP_ACT_ERRNO}. */
  @JsonProperty("defaultErrnoRet")
  OptionalInt defaultErrnoRet();

  /** Architectures the filter applies to. */
  @JsonProperty("architectures")
  List<String> architectures();

  /** seccomp(2) flags. */
  @JsonProperty("flags")
  List<String> flags();

  /** Unix socket that receives the notify file descriptor. */
  @JsonProperty("listenerPath")
  Optional<String> listenerPath();

  /** Opaque data sent to the listener. */
  @JsonProperty("listenerMetadata")
  Optional<String> listenerMetadata();

  /** Rules. */
  @JsonProperty("syscalls")
  List<OciSyscall> syscalls();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciSeccomp}. */
  final class Builder extends ImmutableOciSeccomp.Builder {}
}
