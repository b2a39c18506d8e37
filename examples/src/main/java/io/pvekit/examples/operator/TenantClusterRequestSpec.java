package io.pvekit.examples.operator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.PrinterColumn;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code spec} of a {@link TenantClusterRequest}: the inputs of capi-model's {@code
 * TenantCluster.builder()}, checked there (the CRD checks only shapes). A plain data carrier for
 * Jackson and the CRD generator.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class TenantClusterRequestSpec {
  @JsonPropertyDescription("Namespace of the tenant's objects; the request's name when absent.")
  public String namespace;

  @JsonPropertyDescription("capi (Cluster API + Kamaji + CAPMOX workers, default) or kamaji-only.")
  @Pattern("^(capi|kamaji-only)$")
  public String mode;

  @JsonPropertyDescription("Cluster API version written: v1beta2 (default) or v1beta1.")
  @Pattern("^v1beta[12]$")
  public String capiVersion;

  @JsonPropertyDescription("Kubernetes version of the tenant, e.g. v1.34.2.")
  @Required
  @PrinterColumn(name = "Version")
  public String kubernetesVersion;

  @JsonPropertyDescription("Kamaji control-plane replicas.")
  @Min(1)
  public Integer controlPlaneReplicas;

  @JsonPropertyDescription("Service type of the control plane: ClusterIP, NodePort, LoadBalancer.")
  public String serviceType;

  @JsonPropertyDescription("Kamaji DataStore of the control plane.")
  public String dataStore;

  @JsonPropertyDescription("IPv4 address of the tenant's API server.")
  @Required
  public String controlPlaneEndpoint;

  @JsonPropertyDescription("Proxmox nodes the worker VMs may run on (mode capi).")
  public List<String> allowedNodes = new ArrayList<>();

  @JsonPropertyDescription("Addresses of the worker VMs (mode capi).")
  public Ipv4PoolSpec ipv4Pool;

  @JsonPropertyDescription("Worker pools (mode capi).")
  public List<WorkerPoolSpec> workerPools = new ArrayList<>();

  @JsonPropertyDescription("OpenSSH public keys for the workers' root user.")
  public List<String> sshAuthorizedKeys = new ArrayList<>();

  @JsonPropertyDescription("Pod CIDR of the tenant.")
  public String podCidr;

  @JsonPropertyDescription("Service CIDR of the tenant.")
  public String serviceCidr;

  /** {@code spec.ipv4Pool}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public static class Ipv4PoolSpec {
    @JsonPropertyDescription("Ranges a-b, a/n or single addresses.")
    public List<String> ranges = new ArrayList<>();

    @JsonPropertyDescription("Prefix length of the network.")
    @Min(1)
    @Max(30)
    public Integer prefix;

    @JsonPropertyDescription("Gateway address.")
    public String gateway;

    @JsonPropertyDescription("DNS servers.")
    public List<String> dnsServers = new ArrayList<>();
  }

  /** One entry of {@code spec.workerPools}. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public static class WorkerPoolSpec {
    @JsonPropertyDescription("Pool name; objects are named <cluster>-<pool>.")
    @Required
    public String name;

    @JsonPropertyDescription("Worker VMs.")
    @Min(0)
    public Integer replicas;

    @JsonPropertyDescription("Proxmox VM ID of the template the workers are cloned from.")
    public Integer templateId;

    @JsonPropertyDescription("Proxmox node holding the template.")
    public String sourceNode;

    @JsonPropertyDescription("CPU sockets per VM.")
    public Integer sockets;

    @JsonPropertyDescription("Cores per socket.")
    public Integer cores;

    @JsonPropertyDescription("Memory per VM in MiB.")
    public Integer memoryMiB;

    @JsonPropertyDescription("Boot disk per VM in GB.")
    public Integer diskGb;

    @JsonPropertyDescription("Proxmox bridge of net0.")
    public String bridge;

    @JsonPropertyDescription("VLAN tag of net0.")
    public Integer vlan;
  }
}
