package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import io.pvekit.oci.internal.ids.OciIds;
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

  /** Refuses ids liblxc would misread as "not set" and run as root (see the security notes). */
  @Value.Check
  default void check() {
    List<Long> ids = new java.util.ArrayList<>(List.of(uid(), gid()));
    ids.addAll(additionalGids());
    for (long id : ids) {
      if (!OciIds.valid(id)) {
        throw new IllegalArgumentException("process.user: " + OciIds.problem(id));
      }
    }
  }

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
