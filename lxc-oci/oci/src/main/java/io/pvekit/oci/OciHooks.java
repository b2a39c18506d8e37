package io.pvekit.oci;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/** Lifecycle hooks ({@code hooks}). */
@Value.Immutable
@JsonSerialize(as = ImmutableOciHooks.class)
@JsonDeserialize(as = ImmutableOciHooks.class)
public interface OciHooks {
  /** Deprecated: runs in the runtime namespace after the namespaces are created. */
  @JsonProperty("prestart")
  List<OciHook> prestart();

  /** Runs in the runtime namespace after the environment is created. */
  @JsonProperty("createRuntime")
  List<OciHook> createRuntime();

  /** Runs in the container namespace before pivot_root. */
  @JsonProperty("createContainer")
  List<OciHook> createContainer();

  /** Runs in the container namespace before the user process. */
  @JsonProperty("startContainer")
  List<OciHook> startContainer();

  /** Runs in the runtime namespace after the user process started. */
  @JsonProperty("poststart")
  List<OciHook> poststart();

  /** Runs in the runtime namespace after the container is deleted. */
  @JsonProperty("poststop")
  List<OciHook> poststop();

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link OciHooks}. */
  final class Builder extends ImmutableOciHooks.Builder {}
}
