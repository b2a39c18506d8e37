package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** A seccomp rule ({@code linux.seccomp.syscalls[]}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciSyscall.class)
@JsonDeserialize(as = ImmutableOciSyscall.class)
public interface OciSyscall {
  /** System call names. */
  @JsonProperty("names")
  List<String> names();

  /** Action when the rule matches. */
  @JsonProperty("action")
  String action();

  /** errno for {@code SCMP_ACT_ERRNO}. */
  @JsonProperty("errnoRet")
  OptionalInt errnoRet();

  /** Argument conditions, all of which must match. */
  @JsonProperty("args")
  List<OciSyscallArg> args();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciSyscall}. */
  final class Builder extends ImmutableOciSyscall.Builder {}
}
