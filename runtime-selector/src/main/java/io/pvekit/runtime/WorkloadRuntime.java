package io.pvekit.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Where a workload's containers run. */
public enum WorkloadRuntime {
  /** A plain pod with the node's default runtime (runc). */
  POD("pod", Optional.empty()),
  /** Each container as an LXC container, through the {@code proxmox-lxc} RuntimeClass. */
  LXC("lxc", Optional.of("proxmox-lxc")),
  /** Isolated in its own Proxmox VM. */
  VM("vm", Optional.empty());

  /** The annotation a user sets on a database resource to ask for a runtime. */
  public static final String ANNOTATION = "runtime.pvekit.io/runtime";

  private final String annotationValue;
  private final Optional<String> runtimeClassHandler;

  WorkloadRuntime(String annotationValue, Optional<String> runtimeClassHandler) {
    this.annotationValue = annotationValue;
    this.runtimeClassHandler = runtimeClassHandler;
  }

  /**
   * The value of {@link #ANNOTATION} that selects this runtime.
   *
   * @return {@code pod}, {@code lxc} or {@code vm}
   */
  public String annotationValue() {
    return annotationValue;
  }

  /**
   * The containerd RuntimeClass handler pods of this runtime use, if it is not the default one.
   *
   * @return {@code proxmox-lxc} for {@link #LXC}, otherwise empty
   */
  public Optional<String> runtimeClassHandler() {
    return runtimeClassHandler;
  }

  /**
   * Reads the annotation value, ignoring case and surrounding blanks.
   *
   * @param value the annotation's value
   * @return the runtime
   * @throws IllegalArgumentException naming the annotation, the value and the accepted values
   */
  public static WorkloadRuntime fromAnnotation(String value) {
    String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(r -> r.annotationValue.equals(normalized))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    ANNOTATION
                        + ": '"
                        + value
                        + "' is not a runtime; use one of "
                        + Arrays.stream(values())
                            .map(WorkloadRuntime::annotationValue)
                            .collect(Collectors.joining(", "))));
  }
}
