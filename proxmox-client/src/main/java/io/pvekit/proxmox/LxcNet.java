package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Formats;
import io.pvekit.proxmox.internal.PropertySpec;
import java.util.List;
import java.util.Optional;

/**
 * An LXC network interface, the value of a container's {@code net0}, {@code net1}, ...: for example
 * {@code name=eth0,bridge=vmbr0,firewall=1,ip=dhcp,type=veth}. {@code name} is required.
 *
 * <pre>{@code
 * LxcNet net = LxcNet.builder().name("eth0").bridge("vmbr0").ip("10.0.0.5/24").gateway("10.0.0.1").build();
 * net.format();   // "name=eth0,bridge=vmbr0,gw=10.0.0.1,ip=10.0.0.5/24"
 * }</pre>
 */
public final class LxcNet extends PropertyStringValue {
  private static final PropertySpec SPEC =
      PropertySpec.of("LXC netN", null)
          .requiredString("name", "[-_.\\w]+", "an interface name")
          .string("bridge", Formats.BRIDGE, "a bridge name")
          .bool("firewall")
          .string("gw", Formats.IPV4, "an IPv4 address")
          .string("gw6", Formats.IPV6, "an IPv6 address")
          .bool("host-managed")
          .string("hwaddr", Formats.MAC, "a MAC address XX:XX:XX:XX:XX:XX")
          .string("ip", Formats.IPV4_CONFIG, "IPv4/CIDR, dhcp or manual")
          .string("ip6", Formats.IPV6_CONFIG, "IPv6/CIDR, auto, dhcp or manual")
          .bool("link_down")
          .integer("mtu", 64, 65535)
          .number("rate")
          .integer("tag", 1, 4094)
          .string("trunks", "\\d+(;\\d+)*", "a VLAN list like 10;20")
          .oneOf("type", "veth");

  private LxcNet(PropertyString properties) {
    super(properties);
  }

  @Override
  PropertySpec spec() {
    return SPEC;
  }

  /**
   * Parses the value of an LXC {@code netN} option.
   *
   * @param text the property string
   * @return the value
   * @throws PropertyStringException naming the key and value that PVE would refuse
   */
  public static LxcNet parse(String text) {
    return new LxcNet(SPEC.parse(text));
  }

  /**
   * A builder for a new interface; {@link Builder#name} is required.
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
   * The interface name inside the container.
   *
   * @return e.g. {@code eth0}
   */
  public String name() {
    return string("name").orElseThrow();
  }

  /**
   * The bridge.
   *
   * @return e.g. {@code vmbr0}
   */
  public Optional<String> bridge() {
    return string("bridge");
  }

  /**
   * The IPv4 configuration.
   *
   * @return {@code dhcp}, {@code manual} or an address in CIDR form
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
   * @return {@code auto}, {@code dhcp}, {@code manual} or an address in CIDR form
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

  /**
   * The MAC address.
   *
   * @return the address if set
   */
  public Optional<String> hwaddr() {
    return string("hwaddr");
  }

  /**
   * Whether the PVE firewall protects this interface.
   *
   * @return the flag if set
   */
  public Optional<Boolean> firewall() {
    return bool("firewall");
  }

  /**
   * Whether the host manages the IP configuration (PVE 9.1).
   *
   * @return the flag if set
   */
  public Optional<Boolean> hostManaged() {
    return bool("host-managed");
  }

  /**
   * Whether the link is down.
   *
   * @return the flag if set
   */
  public Optional<Boolean> linkDown() {
    return bool("link_down");
  }

  /**
   * The VLAN tag.
   *
   * @return 1 to 4094 if set
   */
  public Optional<Integer> tag() {
    return integer("tag");
  }

  /**
   * The MTU.
   *
   * @return 64 to 65535 if set
   */
  public Optional<Integer> mtu() {
    return integer("mtu");
  }

  /**
   * The rate limit in MB/s.
   *
   * @return the limit if set
   */
  public Optional<Double> rate() {
    return number("rate");
  }

  /**
   * The VLAN trunks.
   *
   * @return the VLAN ids, empty if not set
   */
  public List<String> trunks() {
    return list("trunks");
  }

  /**
   * The interface type.
   *
   * @return {@code veth} if set
   */
  public Optional<String> type() {
    return string("type");
  }

  /** Builds an {@link LxcNet}; setters check values like PVE does. */
  public static final class Builder extends PropertyStringValue.Builder<LxcNet, Builder> {
    private Builder(PropertyString start) {
      super(SPEC, start);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    LxcNet create(PropertyString properties) {
      return new LxcNet(properties);
    }

    /**
     * Sets the interface name (required).
     *
     * @param name e.g. {@code eth0}
     * @return this builder
     */
    public Builder name(String name) {
      return option("name", name);
    }

    /**
     * Sets the bridge.
     *
     * @param bridge e.g. {@code vmbr0}
     * @return this builder
     */
    public Builder bridge(String bridge) {
      return option("bridge", bridge);
    }

    /**
     * Sets the IPv4 configuration.
     *
     * @param ip {@code dhcp}, {@code manual} or CIDR such as {@code 10.0.0.5/24}
     * @return this builder
     */
    public Builder ip(String ip) {
      return option("ip", ip);
    }

    /**
     * Sets the IPv4 gateway.
     *
     * @param gateway an IPv4 address
     * @return this builder
     */
    public Builder gateway(String gateway) {
      return option("gw", gateway);
    }

    /**
     * Sets the IPv6 configuration.
     *
     * @param ip6 {@code auto}, {@code dhcp}, {@code manual} or CIDR
     * @return this builder
     */
    public Builder ip6(String ip6) {
      return option("ip6", ip6);
    }

    /**
     * Sets the IPv6 gateway.
     *
     * @param gateway6 an IPv6 address
     * @return this builder
     */
    public Builder gateway6(String gateway6) {
      return option("gw6", gateway6);
    }

    /**
     * Sets the MAC address.
     *
     * @param mac {@code XX:XX:XX:XX:XX:XX}
     * @return this builder
     */
    public Builder hwaddr(String mac) {
      return option("hwaddr", mac);
    }

    /**
     * Sets the firewall flag.
     *
     * @param on whether the PVE firewall protects the interface
     * @return this builder
     */
    public Builder firewall(boolean on) {
      return bool("firewall", on);
    }

    /**
     * Lets the host manage the IP configuration (PVE 9.1, for application containers).
     *
     * @param on the flag
     * @return this builder
     */
    public Builder hostManaged(boolean on) {
      return bool("host-managed", on);
    }

    /**
     * Sets the VLAN tag.
     *
     * @param tag 1 to 4094
     * @return this builder
     */
    public Builder tag(int tag) {
      return option("tag", Integer.toString(tag));
    }

    /**
     * Sets the MTU.
     *
     * @param mtu 64 to 65535
     * @return this builder
     */
    public Builder mtu(int mtu) {
      return option("mtu", Integer.toString(mtu));
    }

    /**
     * Sets the interface type.
     *
     * @param type {@code veth}
     * @return this builder
     */
    public Builder type(String type) {
      return option("type", type);
    }
  }
}
