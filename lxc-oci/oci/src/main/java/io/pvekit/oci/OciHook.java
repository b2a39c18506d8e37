package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import java.util.OptionalInt;
import org.immutables.value.Value;

/** One hook: a program run with the container state on its standard input. */
@Value.Immutable
@JsonSerialize(as = ImmutableOciHook.class)
@JsonDeserialize(as = ImmutableOciHook.class)
public interface OciHook {
  /** Absolute path of the program. */
  @JsonProperty("path")
  String path();

  /** Arguments, {@code args[0]} being the program name. */
  @JsonProperty("args")
  List<String> args();

  /** Environment in {@code KEY=value} form. */
  @JsonProperty("env")
  List<String> env();

  /** Seconds before the hook is aborted. */
  @JsonProperty("timeout")
  OptionalInt timeout();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciHook}. */
  final class Builder extends ImmutableOciHook.Builder {}
}
