package io.pvekit.checks;

import java.time.Duration;
import java.util.List;
import org.immutables.value.Value;

/** What the checks expect of the platform; every value has a default that fits a usual install. */
@Value.Immutable
public abstract class CheckSettings {
  /**
   * The lowest Proxmox VE version accepted.
   *
   * @return a version such as {@code 8.0}
   */
  @Value.Default
  public String minimumPveVersion() {
    return "8.0";
  }

  /**
   * The lowest Kubernetes version accepted for the management cluster.
   *
   * @return a version such as {@code 1.30}
   */
  @Value.Default
  public String minimumKubernetesVersion() {
    return "1.30";
  }

  /**
   * Bridges every node must have.
   *
   * @return bridge names
   */
  @Value.Default
  public List<String> requiredBridges() {
    return List.of("vmbr0");
  }

  /**
   * Below this share of free space a storage fails; below twice this it warns.
   *
   * @return the percentage, 0..100
   */
  @Value.Default
  public int minimumFreeStoragePercent() {
    return 10;
  }

  /**
   * QEMU templates that must exist (by name); empty means at least one.
   *
   * @return template names
   */
  @Value.Default
  public List<String> vmTemplates() {
    return List.of();
  }

  /**
   * Privileges the API token needs on {@code /}.
   *
   * @return privilege names
   */
  @Value.Default
  public List<String> requiredPrivileges() {
    return List.of(
        "VM.Allocate", "VM.Clone", "VM.Config.Disk", "VM.PowerMgmt", "Datastore.AllocateSpace");
  }

  /**
   * The largest clock difference accepted between the nodes and this machine.
   *
   * @return the skew
   */
  @Value.Default
  public Duration maximumTimeSkew() {
    return Duration.ofSeconds(2);
  }

  /**
   * The RuntimeClass of the LXC runtime.
   *
   * @return its name
   */
  @Value.Default
  public String lxcRuntimeClass() {
    return "lxc";
  }

  /**
   * The node label that marks nodes running the LXC runtime.
   *
   * @return the label key
   */
  @Value.Default
  public String lxcNodeLabel() {
    return "pvekit.io/lxc-runtime";
  }

  /**
   * The oldest completed backup accepted.
   *
   * @return the age
   */
  @Value.Default
  public Duration maximumBackupAge() {
    return Duration.ofHours(26);
  }

  /**
   * Restarts of a container above which it counts as unhealthy.
   *
   * @return the count
   */
  @Value.Default
  public int maximumRestarts() {
    return 5;
  }

  /**
   * The defaults.
   *
   * @return settings with every default
   */
  public static CheckSettings defaults() {
    return builder().build();
  }

  /**
   * A builder.
   *
   * @return a new builder
   */
  public static ImmutableCheckSettings.Builder builder() {
    return ImmutableCheckSettings.builder();
  }

  @Value.Check
  void validate() {
    if (minimumFreeStoragePercent() < 0 || minimumFreeStoragePercent() > 100) {
      throw new IllegalArgumentException(
          "minimumFreeStoragePercent: '" + minimumFreeStoragePercent() + "' must be 0..100");
    }
  }
}
