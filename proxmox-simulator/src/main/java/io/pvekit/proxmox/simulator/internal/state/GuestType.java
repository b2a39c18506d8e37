package io.pvekit.proxmox.simulator.internal.state;

/** QEMU VM or LXC container; they share one VMID space. */
public enum GuestType {
  QEMU("qemu", "VM", "qemu-server"),
  LXC("lxc", "CT", "lxc");

  private final String apiName;
  private final String label;
  private final String configDir;

  GuestType(String apiName, String label, String configDir) {
    this.apiName = apiName;
    this.label = label;
    this.configDir = configDir;
  }

  /** {@code qemu} or {@code lxc}, as in paths and resource types. */
  public String apiName() {
    return apiName;
  }

  /** {@code VM} or {@code CT}, as in PVE's messages. */
  public String label() {
    return label;
  }

  /** The directory of the config file under {@code /etc/pve/nodes/<node>/}. */
  public String configDir() {
    return configDir;
  }
}
