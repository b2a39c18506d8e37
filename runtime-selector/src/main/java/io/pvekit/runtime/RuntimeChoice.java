package io.pvekit.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a database request asks for in {@code spec.runtime}. */
public enum RuntimeChoice {
  /** A plain pod with the node's default runtime. */
  @JsonProperty("pod")
  POD(Optional.of(WorkloadRuntime.POD)),
  /** LXC containers through the {@code proxmox-lxc} RuntimeClass. */
  @JsonProperty("lxc")
  LXC(Optional.of(WorkloadRuntime.LXC)),
  /** Each pod in its own lightweight VM (the VM RuntimeClass, e.g. Kata). */
  @JsonProperty("vm")
  VM(Optional.of(WorkloadRuntime.VM)),
  /** The policy's default for the engine. */
  @JsonProperty("auto")
  AUTO(Optional.empty());

  private final Optional<WorkloadRuntime> runtime;

  RuntimeChoice(Optional<WorkloadRuntime> runtime) {
    this.runtime = runtime;
  }

  /**
   * The runtime this choice fixes.
   *
   * @return the runtime, or empty for {@link #AUTO}
   */
  public Optional<WorkloadRuntime> runtime() {
    return runtime;
  }

  /**
   * The lower-case value used in YAML and on the command line.
   *
   * @return {@code pod}, {@code lxc}, {@code vm} or {@code auto}
   */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses {@code pod}, {@code lxc}, {@code vm} or {@code auto}, ignoring case.
   *
   * @param value the text
   * @return the choice
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static RuntimeChoice parse(String value) {
    String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(c -> c.value().equals(normalized))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "runtime '"
                        + value
                        + "' is not one of "
                        + Arrays.stream(values())
                            .map(RuntimeChoice::value)
                            .collect(Collectors.joining(", "))));
  }
}
