package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.Formats;
import io.pvekit.proxmox.internal.PropertySpec;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A QEMU network device, the value of {@code net0}, {@code net1}, ...: for example {@code
 * virtio=BC:24:11:30:AD:93,bridge=vmbr0,firewall=1}. The model is the default key; {@code
 * <model>=<mac>} is PVE's short form for model plus {@code macaddr}.
 *
 * <pre>{@code
 * QemuNet net = QemuNet.builder().model("virtio").bridge("vmbr0").tag(20).firewall(true).build();
 * net.format();                                  // "virtio,bridge=vmbr0,firewall=1,tag=20"
 * QemuNet.parse("virtio=BC:24:11:30:AD:93,bridge=vmbr0").macAddress(); // BC:24:11:30:AD:93
 * }</pre>
 */
public final class QemuNet extends PropertyStringValue {
  /** The NIC models PVE 9.1 knows. */
  public static final Set<String> MODELS =
      Set.of(
          "e1000",
          "e1000-82540em",
          "e1000-82544gc",
          "e1000-82545em",
          "e1000e",
          "i82551",
          "i82557b",
          "i82559er",
          "ne2k_isa",
          "ne2k_pci",
          "pcnet",
          "rtl8139",
          "virtio",
          "vmxnet3");

  private static final PropertySpec SPEC = createSpec();

  private static PropertySpec createSpec() {
    PropertySpec spec =
        PropertySpec.of("QEMU netN", "model")
            .oneOf("model", MODELS.toArray(new String[0]))
            .string("macaddr", Formats.MAC, "a MAC address XX:XX:XX:XX:XX:XX")
            .string("bridge", Formats.BRIDGE, "a bridge name")
            .bool("firewall")
            .bool("link_down")
            .integer("mtu", 1, 65520)
            .integer("queues", 0, 64)
            .number("rate")
            .integer("tag", 1, 4094)
            .string("trunks", "\\d+(-\\d+)?(;\\d+(-\\d+)?)*", "a VLAN list like 10;20-30");
    for (String model : MODELS) {
      spec.alias(model, "macaddr").leading(model);
    }
    return spec;
  }

  private QemuNet(PropertyString properties) {
    super(properties);
    long modelSources =
        properties.entries().stream()
            .filter(e -> e.key().equals("model") || MODELS.contains(e.key()))
            .count();
    if (modelSources > 1) {
      throw SPEC.fail(
          "model", properties.format(), "names the model twice (as model= and as <model>=<mac>)");
    }
  }

  @Override
  PropertySpec spec() {
    return SPEC;
  }

  /**
   * Parses the value of a {@code netN} option.
   *
   * @param text the property string
   * @return the value
   * @throws PropertyStringException naming the key and value that PVE would refuse
   */
  public static QemuNet parse(String text) {
    return new QemuNet(SPEC.parse(text));
  }

  /**
   * A builder for a new device; the result is written in PVE's order.
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
   * The NIC model, from {@code model=}, the bare default value or the {@code <model>=<mac>} form.
   *
   * @return the model, e.g. {@code virtio}
   */
  public Optional<String> model() {
    for (PropertyString.Entry entry : properties().entries()) {
      if (MODELS.contains(entry.key())) {
        return Optional.of(entry.key());
      }
    }
    return string("model");
  }

  /**
   * The MAC address, from {@code macaddr=} or the {@code <model>=<mac>} form.
   *
   * @return the MAC address as written
   */
  public Optional<String> macAddress() {
    return string("macaddr");
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
   * Whether the PVE firewall protects this interface.
   *
   * @return the flag if set
   */
  public Optional<Boolean> firewall() {
    return bool("firewall");
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
   * The MTU (VirtIO only; 1 means the bridge's MTU).
   *
   * @return the MTU if set
   */
  public Optional<Integer> mtu() {
    return integer("mtu");
  }

  /**
   * The number of packet queues.
   *
   * @return the count if set
   */
  public Optional<Integer> queues() {
    return integer("queues");
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
   * The VLAN trunks, each a VLAN id or a range {@code a-b}.
   *
   * @return the trunks, empty if not set
   */
  public List<String> trunks() {
    return list("trunks");
  }

  /** Builds a {@link QemuNet}; setters check values like PVE does. */
  public static final class Builder extends PropertyStringValue.Builder<QemuNet, Builder> {
    private Builder(PropertyString start) {
      super(SPEC, start);
    }

    @Override
    Builder self() {
      return this;
    }

    @Override
    QemuNet create(PropertyString properties) {
      return new QemuNet(properties);
    }

    /**
     * Sets the NIC model; with a MAC address it is written {@code <model>=<mac>} as PVE does.
     *
     * @param model one of {@link #MODELS}
     * @return this builder
     */
    public Builder model(String model) {
      SPEC.check("model", model);
      rewrite(model, currentMac());
      return this;
    }

    /**
     * Sets the MAC address (otherwise PVE generates one).
     *
     * @param mac {@code XX:XX:XX:XX:XX:XX}
     * @return this builder
     */
    public Builder macAddress(String mac) {
      SPEC.check("macaddr", mac);
      rewrite(currentModel(), mac);
      return this;
    }

    private String currentModel() {
      for (PropertyString.Entry entry : properties().entries()) {
        if (MODELS.contains(entry.key())) {
          return entry.key();
        }
      }
      return current("model").orElse(null);
    }

    private String currentMac() {
      return current("macaddr").orElse(null);
    }

    private void rewrite(String model, String mac) {
      PropertyString rest = properties();
      for (PropertyString.Entry entry : properties().entries()) {
        if (entry.key().equals("model")
            || entry.key().equals("macaddr")
            || MODELS.contains(entry.key())) {
          rest = rest.without(entry.key());
        }
      }
      PropertyString head = PropertyString.empty(SPEC.kind());
      if (model != null && mac != null) {
        head = head.with(model, mac);
      } else if (model != null) {
        head = head.withDefault("model", model);
      } else if (mac != null) {
        head = head.with("macaddr", mac);
      }
      for (PropertyString.Entry entry : rest.entries()) {
        head = head.with(entry.key(), entry.value());
      }
      replace(head);
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
     * Sets the firewall flag.
     *
     * @param on whether the PVE firewall protects the interface
     * @return this builder
     */
    public Builder firewall(boolean on) {
      return bool("firewall", on);
    }

    /**
     * Sets the link-down flag.
     *
     * @param down whether the link is disconnected
     * @return this builder
     */
    public Builder linkDown(boolean down) {
      return bool("link_down", down);
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
     * @param mtu 1 to 65520
     * @return this builder
     */
    public Builder mtu(int mtu) {
      return option("mtu", Integer.toString(mtu));
    }

    /**
     * Sets the number of packet queues.
     *
     * @param queues 0 to 64
     * @return this builder
     */
    public Builder queues(int queues) {
      return option("queues", Integer.toString(queues));
    }

    /**
     * Sets the VLAN trunks.
     *
     * @param trunks VLAN ids or ranges {@code a-b}
     * @return this builder
     */
    public Builder trunks(String... trunks) {
      return list("trunks", trunks);
    }
  }
}
