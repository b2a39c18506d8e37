package io.pvekit.runtime;

import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A tenant namespace: the runtimes an administrator allows it (the namespace annotation {@value
 * #ALLOWED_RUNTIMES_ANNOTATION}) and its ResourceQuota for requests.
 */
@Value.Immutable
public abstract class Tenant {
  /** Namespace annotation listing the runtimes the tenant may use, e.g. {@code pod,lxc}. */
  public static final String ALLOWED_RUNTIMES_ANNOTATION = "runtime.pvekit.io/allowed-runtimes";

  Tenant() {}

  public abstract String namespace();

  /** The runtimes allowed; empty means the policy's default set. */
  public abstract Set<WorkloadRuntime> allowedRuntimes();

  /** {@code requests.cpu} hard limit in millicores. */
  public abstract Optional<Long> quotaCpuMillis();

  /** {@code requests.memory} hard limit in bytes. */
  public abstract Optional<Long> quotaMemoryBytes();

  /** {@code requests.storage} hard limit in bytes. */
  public abstract Optional<Long> quotaStorageBytes();

  @Value.Default
  public long usedCpuMillis() {
    return 0;
  }

  @Value.Default
  public long usedMemoryBytes() {
    return 0;
  }

  @Value.Default
  public long usedStorageBytes() {
    return 0;
  }

  /**
   * A builder; the namespace is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link Tenant}. */
  public static final class Builder extends ImmutableTenant.Builder {
    Builder() {}
  }
}
