package io.pvekit.lxc;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.immutables.value.Value;

/** The process user ({@code process.user}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciUser.class)
@JsonDeserialize(as = ImmutableOciUser.class)
public interface OciUser {
  /** User id in the container. */
  @JsonProperty("uid")
  long uid();

  /** Group id in the container. */
  @JsonProperty("gid")
  long gid();

  /** File mode creation mask. */
  @JsonProperty("umask")
  OptionalLong umask();

  /** Supplementary group ids. */
  @JsonProperty("additionalGids")
  List<Long> additionalGids();

  /** Windows only: user name. */
  @JsonProperty("username")
  Optional<String> username();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciUser}. */
  final class Builder extends ImmutableOciUser.Builder {}
}
