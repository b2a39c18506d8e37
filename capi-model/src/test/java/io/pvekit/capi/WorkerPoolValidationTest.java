package io.pvekit.capi;

import static io.pvekit.capi.ValidationAssert.ipPool;
import static io.pvekit.capi.ValidationAssert.onlyError;
import static io.pvekit.capi.ValidationAssert.pool;
import static io.pvekit.capi.ValidationAssert.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per rule on worker pools and the IPv4 pool. */
class WorkerPoolValidationTest {
  private static final String W = "workers[md-0].";

  @Test
  void poolName_mustBeDns1123Label() {
    onlyError(with(pool().name("MD0")), "workers[MD0].name", "MD0");
  }

  @Test
  void poolName_withClusterNameFitsALabel() {
    String name = "p".repeat(60);
    onlyError(with(pool().name(name)), "workers[" + name + "].name", name);
  }

  @Test
  void poolNames_mustBeUnique() {
    onlyError(with(pool()).addWorkerPool(pool().replicas(1).build()), "workers[md-0].name", "md-0");
  }

  @Test
  void replicas_notNegative() {
    onlyError(with(pool().replicas(-1)), W + "replicas", "-1");
  }

  @Test
  void maxSurge_notNegative() {
    onlyError(with(pool().maxSurge(-1)), W + "maxSurge", "-1");
  }

  @Test
  void template_idAndTagsTogetherAreRefused() {
    ValidationError e = onlyError(with(pool().addTemplateTags("k8s")), W + "templateId", "9000");
    assertThat(e.message()).contains("exactly one").contains("both");
  }

  @Test
  void template_neitherIdNorTagsIsRefused() {
    ValidationError e =
        onlyError(
            with(WorkerPool.builder().name("md-0").sourceNode("pve1")), W + "templateId", "unset");
    assertThat(e.message()).contains("neither");
  }

  @Test
  void templateId_isAProxmoxVmId() {
    onlyError(with(pool().templateId(99)), W + "templateId", "99");
  }

  @Test
  void templateId_needsSourceNode() {
    onlyError(with(WorkerPool.builder().name("md-0").templateId(9000)), W + "sourceNode", "unset");
  }

  @Test
  void sockets_atLeastOne() {
    onlyError(with(pool().sockets(0).cores(4)), W + "sockets", "0");
  }

  @Test
  void cpus_atLeastTwo() {
    onlyError(with(pool().sockets(1).cores(1)), W + "cores", "1");
  }

  @Test
  void memory_atLeast2048MiB() {
    onlyError(with(pool().memoryMiB(1024)), W + "memoryMiB", "1024");
  }

  @Test
  void disk_atLeast20Gb() {
    onlyError(with(pool().diskGb(8)), W + "diskGb", "8");
  }

  @Test
  void bridge_notBlank() {
    onlyError(with(pool().bridge(" ")), W + "bridge", " ");
  }

  @Test
  void vlan_1to4094() {
    onlyError(with(pool().vlan(4095)), W + "vlan", "4095");
  }

  @Test
  void networkModel_isACapmoxModel() {
    onlyError(with(pool().networkModel("ne2k_pci")), W + "networkModel", "ne2k_pci");
  }

  @Test
  void ipv4Pool_isRequiredInCapiMode() {
    onlyError(
        TenantCluster.builder()
            .name("team-a")
            .kubernetesVersion("v1.34.2")
            .controlPlaneEndpoint("10.10.0.50")
            .allowedNodes(java.util.List.of("pve1"))
            .addWorkerPool(pool().build()),
        "ipv4Pool",
        "null");
  }

  @Test
  void gateway_mustBeIpv4() {
    onlyError(with(ipPool().gateway("gw")), "ipv4Pool.gateway", "gw");
  }

  @Test
  void prefix_1to30() {
    onlyError(with(ipPool().prefix(31)), "ipv4Pool.prefix", "31");
  }

  @Test
  void ranges_atLeastOne() {
    onlyError(
        with(Ipv4Pool.builder().prefix(24).gateway("10.10.0.1").addDnsServers("1.1.1.1")),
        "ipv4Pool.ranges",
        "[]");
  }

  @Test
  void dnsServers_atLeastOne() {
    onlyError(
        with(Ipv4Pool.builder().addRanges("10.10.0.100-10.10.0.149").gateway("10.10.0.1")),
        "ipv4Pool.dnsServers",
        "[]");
  }

  @Test
  void dnsServers_mustBeIpv4() {
    onlyError(with(ipPool().addDnsServers("dns.example")), "ipv4Pool.dnsServers", "dns.example");
  }

  @Test
  void range_mustParse() {
    onlyError(
        with(ipPool().addRanges("10.10.0.160-10.10.0.150")),
        "ipv4Pool.ranges",
        "10.10.0.160-10.10.0.150");
  }

  @Test
  void range_insideTheGatewaysNetwork() {
    onlyError(
        with(ipPool().addRanges("10.10.1.10-10.10.1.20")),
        "ipv4Pool.ranges",
        "10.10.1.10-10.10.1.20");
  }

  @Test
  void range_mustNotContainTheGateway() {
    onlyError(
        with(ipPool().addRanges("10.10.0.1-10.10.0.5")), "ipv4Pool.ranges", "10.10.0.1-10.10.0.5");
  }

  @Test
  void range_mustNotContainTheEndpoint() {
    onlyError(
        with(ipPool().addRanges("10.10.0.40-10.10.0.60")),
        "ipv4Pool.ranges",
        "10.10.0.40-10.10.0.60");
  }

  @Test
  void range_mustNotOverlapPodCidr() {
    onlyError(
        with(ipPool().ranges(java.util.List.of("10.10.0.100-10.10.0.149")))
            .podCidr("10.10.0.0/16")
            .serviceCidr("10.96.0.0/12"),
        "ipv4Pool.ranges",
        "10.10.0.100-10.10.0.149");
  }

  @Test
  void range_mustNotOverlapServiceCidr() {
    onlyError(
        with(ipPool()).serviceCidr("10.10.0.128/25"), "ipv4Pool.ranges", "10.10.0.100-10.10.0.149");
  }

  @Test
  void ranges_mustNotOverlapEachOther() {
    onlyError(
        with(ipPool().addRanges("10.10.0.140-10.10.0.160")),
        "ipv4Pool.ranges",
        "10.10.0.140-10.10.0.160");
  }

  @Test
  void ranges_holdReplicasPlusSurge() {
    ValidationError e =
        onlyError(
            with(Ipv4Pool.builder()
                    .addRanges("10.10.0.100-10.10.0.102")
                    .gateway("10.10.0.1")
                    .addDnsServers("10.10.0.1"))
                .addWorkerPool(pool().name("md-1").replicas(1).build()),
            "ipv4Pool.ranges",
            "10.10.0.100-10.10.0.102");
    assertThat(e.message()).contains("hold 3 addresses").contains("need 5");
  }
}
