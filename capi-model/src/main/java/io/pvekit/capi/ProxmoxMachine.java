package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * CAPMOX's {@code ProxmoxMachine} (v1alpha2): one VM. pvekit reads these; its {@link Spec} is also
 * the template spec of a {@link ProxmoxMachineTemplate}. v1alpha2 replaced v1alpha1's {@code
 * network.default} with {@code network.networkDevices[]}. Exactly one of {@code templateID} (with
 * {@code sourceNode}) and {@code templateSelector} is set.
 */
public final class ProxmoxMachine extends CapiResource<ProxmoxMachine.Spec, ProxmoxMachine.Status> {
  private static final long serialVersionUID = 1L;

  /** An empty ProxmoxMachine. */
  public ProxmoxMachine() {
    super(ProxmoxCluster.API_VERSION, "ProxmoxMachine");
  }

  /**
   * The machine spec.
   *
   * @param providerID {@code proxmox://UUID}, set by CAPMOX
   * @param virtualMachineID the VM ID, set by CAPMOX
   * @param sourceNode the node holding the template VM
   * @param templateID the template VM ID
   * @param templateSelector select the template by tags instead
   * @param allowedNodes nodes the VM may be placed on (overrides the cluster's)
   * @param format disk format of a full clone
   * @param full whether to make a full clone
   * @param storage target storage of a full clone
   * @param numSockets CPU sockets
   * @param numCores cores per socket
   * @param memoryMiB memory
   * @param disks disk sizes
   * @param network network devices
   * @param tags Proxmox tags added to the VM
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      String providerID,
      Long virtualMachineID,
      String sourceNode,
      Integer templateID,
      TemplateSelector templateSelector,
      List<String> allowedNodes,
      String format,
      Boolean full,
      String storage,
      Integer numSockets,
      Integer numCores,
      Integer memoryMiB,
      Disks disks,
      Network network,
      List<String> tags) {}

  /**
   * Select the template VM by tags.
   *
   * @param matchTags tags the template must carry (at least one)
   * @param matchPolicy {@code exact}, {@code uniqueSubset} or {@code bestSubset}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TemplateSelector(List<String> matchTags, String matchPolicy) {}

  /**
   * Disks.
   *
   * @param bootVolume the boot disk
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Disks(BootVolume bootVolume) {}

  /**
   * The boot disk.
   *
   * @param disk the device, for example {@code scsi0}
   * @param sizeGb the size in GB
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record BootVolume(String disk, Integer sizeGb) {}

  /**
   * Network devices.
   *
   * @param networkDevices the devices ({@code net0} takes its address from the cluster's pool)
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Network(List<NetworkDevice> networkDevices) {}

  /**
   * One network device.
   *
   * @param name {@code net0}, {@code net1}, ...
   * @param bridge the Proxmox bridge, for example {@code vmbr0}
   * @param model {@code virtio}, {@code e1000}, {@code rtl8139} or {@code vmxnet3}
   * @param vlan the VLAN tag (1-4094)
   * @param dnsServers DNS servers for this device
   * @param ipPoolRef additional IP pools (InClusterIPPool or GlobalInClusterIPPool)
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NetworkDevice(
      String name,
      String bridge,
      String model,
      Integer vlan,
      List<String> dnsServers,
      List<ContractRef> ipPoolRef) {}

  /**
   * The observed state.
   *
   * @param vmStatus for example {@code ready}
   * @param proxmoxNode the node the VM runs on
   * @param conditions the conditions
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(String vmStatus, String proxmoxNode, List<Condition> conditions) {}
}
