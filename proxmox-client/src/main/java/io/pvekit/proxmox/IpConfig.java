package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Formats;
import io.pvekit.proxmox.internal.PropertySpec;
import java.util.Optional;

/**
 * A cloud-init IP configuration of a QEMU VM, the value of {@code ipconfig0}, {@code ipconfig1},
 * ...: for example {@code ip=10.0.0.5/24,gw=10.0.0.1} or {@code ip=dhcp,ip6=auto}.
 *
 * <pre>{@code
 * IpConfig.builder().ip("10.0.0.5/24").gateway("10.0.0.1").build().format(); // "gw=10.0.0.1,ip=10.0.0.5/24"
 * IpConfig.dhcp().format();                                                  // "ip=dhcp"
 * }</pre>
 */
public final class IpConfig extends PropertyStringValue {
  private static final PropertySpec SPEC =
      PropertySpec.of("QEMU ipconfigN", null)
          .string("ip", Formats.IPV4_CONFIG, "IPv4/CIDR or dhcp")
          .string("gw", Formats.IPV4, "an IPv4 address")
          .string("ip6", Formats.IPV6_CONFIG, "IPv6/CIDR, auto or dhcp")
          .string("gw6", Formats.IPV6, "an IPv6 address");

  private IpConfig(PropertyString properties) {
    super(properties);
  }

  @Override
  PropertySpec spec() {
    return SPEC;
  }

  /**
   * Parses the value of an {@code ipconfigN} option.
   *
   * @param text the property string
   * @return the value
   * @throws PropertyStringException naming the key and value that PVE would refuse
   */
  public static IpConfig parse(String text) {
    return new IpConfig(SPEC.parse(text));
  }

  /**
   * {@code ip=dhcp}.
   *
   * @return the configuration
   */
  public static IpConfig dhcp() {
    return builder().ip("dhcp").build();
  }

  /**
   * A builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder(null);
  }

  /**
   * A builder that starts from this value and keeps its options in place.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    return new Builder(properties());
  }

  /**
   * The IPv4 configuration.
   *
   * @return CIDR or {@code dhcp} if set
   */
  public Optional<String> ip() {
    return string("ip");
  }

  /**
   * The IPv4 gateway.
   *
   * @return the address if set
   */
  public Optional<String> gateway() {
    return string("gw");
  }

  /**
   * The IPv6 configuration.
   *
   * @return CIDR, {@code auto} or {@code dhcp} if set
   */
  public Optional<String> ip6() {
    return string("ip6");
  }

  /**
   * The IPv6 gateway.
   *
   * @return the address if set
   */
  public Optional<String> gateway6() {
    return string("gw6");
  }

  /** Builds an {@link IpConfig}. */
  public static final class Builder extends PropertyStringValue.Builder<IpConfig, Builder> {
    private Builder(PropertyString start) {
      super(SPEC, start);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    IpConfig create(PropertyString properties) {
      if (properties.entries().isEmpty()) {
        throw SPEC.fail("ip", "", "is missing: set at least one of ip, gw, ip6, gw6");
      }
      return new IpConfig(properties);
    }

    /**
     * Sets the IPv4 configuration.
     *
     * @param ip CIDR such as {@code 10.0.0.5/24}, or {@code dhcp}
     * @return this builder
     */
    public Builder ip(String ip) {
      return option("ip", ip);
    }

    /**
     * Sets the IPv4 gateway.
     *
     * @param gateway the address
     * @return this builder
     */
    public Builder gateway(String gateway) {
      return option("gw", gateway);
    }

    /**
     * Sets the IPv6 configuration.
     *
     * @param ip6 CIDR, {@code auto} or {@code dhcp}
     * @return this builder
     */
    public Builder ip6(String ip6) {
      return option("ip6", ip6);
    }

    /**
     * Sets the IPv6 gateway.
     *
     * @param gateway6 the address
     * @return this builder
     */
    public Builder gateway6(String gateway6) {
      return option("gw6", gateway6);
    }
  }
}
