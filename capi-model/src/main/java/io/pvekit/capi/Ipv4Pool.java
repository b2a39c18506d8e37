package io.pvekit.capi;

import java.util.List;
import org.immutables.value.Value;

/**
 * The IPv4 addresses of a tenant's worker VMs: ranges inside one network, its gateway and DNS
 * servers. Becomes the ProxmoxCluster's {@code ipv4Config} (CAPMOX turns it into an
 * InClusterIPPool).
 *
 * <pre>{@code
 * Ipv4Pool.builder().addRanges("10.10.0.100-10.10.0.150").prefix(24)
 *     .gateway("10.10.0.1").addDnsServers("10.10.0.1").build();
 * }</pre>
 */
@Value.Immutable
public abstract class Ipv4Pool {
  Ipv4Pool() {}

  /**
   * Address ranges: {@code a.b.c.d-a.b.c.e}, {@code a.b.c.d/n} or single addresses.
   *
   * @return the ranges
   */
  public abstract List<String> ranges();

  /**
   * The network prefix length.
   *
   * @return the prefix, 24 unless set
   */
  @Value.Default
  public int prefix() {
    return 24;
  }

  /**
   * The default gateway.
   *
   * @return the gateway
   */
  public abstract String gateway();

  /**
   * DNS servers.
   *
   * @return at least one is required
   */
  public abstract List<String> dnsServers();

  /**
   * A builder; {@link Builder#gateway} is required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link Ipv4Pool}. */
  public static final class Builder extends ImmutableIpv4Pool.Builder {
    Builder() {}
  }
}
