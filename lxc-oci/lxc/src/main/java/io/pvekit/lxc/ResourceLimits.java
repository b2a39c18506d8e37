package io.pvekit.lxc;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * The cgroup limits {@code update} can change on a running container (the subset of OCI {@code
 * linux.resources} runc's update supports). Empty fields stay as they are.
 */
@Value.Immutable
public abstract class ResourceLimits {
  /** Memory limit in bytes (-1 for unlimited). */
  public abstract Optional<Long> memoryLimit();

  /** Memory soft limit in bytes. */
  public abstract Optional<Long> memoryReservation();

  /** Memory plus swap limit in bytes. */
  public abstract Optional<Long> memorySwap();

  /** Relative CPU weight (cgroup v1 shares, 2..262144). */
  public abstract Optional<Long> cpuShares();

  /** CPU time in microseconds per period (-1 for unlimited). */
  public abstract Optional<Long> cpuQuota();

  /** The CPU period in microseconds. */
  public abstract Optional<Long> cpuPeriod();

  /** CPUs the container may use ("0-3,5"). */
  public abstract Optional<String> cpusetCpus();

  /** Memory nodes it may use. */
  public abstract Optional<String> cpusetMems();

  /** Maximum number of processes (-1 or 0 for unlimited). */
  public abstract Optional<Long> pidsLimit();

  /** Block I/O weight (10..1000). */
  public abstract Optional<Integer> blkioWeight();

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ResourceLimits} values. */
  public static final class Builder extends ImmutableResourceLimits.Builder {
    Builder() {}
  }
}
