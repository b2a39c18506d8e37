package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pvekit.oci.OciSpec;
import io.pvekit.proxmox.StorageId;
import io.pvekit.proxmox.VmId;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import io.pvekit.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxmoxLxcTest {
  @TempDir Path bundle;

  private static final String SPEC =
      "{\"ociVersion\":\"1.2.0\",\"root\":{\"path\":\"rootfs\"},\"hostname\":\"web-1\","
          + "\"process\":{\"user\":{\"uid\":0,\"gid\":0},\"cwd\":\"/srv\","
          + "\"args\":[\"/usr/sbin/nginx\",\"-g\",\"daemon off;\"],"
          + "\"env\":[\"PATH=/usr/bin:/bin\",\"MODE=prod\"],"
          + "\"capabilities\":{\"bounding\":[\"CAP_CHOWN\"],\"effective\":[\"CAP_CHOWN\"],"
          + "\"permitted\":[\"CAP_CHOWN\"]},"
          + "\"rlimits\":[{\"type\":\"RLIMIT_NOFILE\",\"soft\":1024,\"hard\":1024}]},"
          + "\"mounts\":[{\"destination\":\"/proc\",\"type\":\"proc\",\"source\":\"proc\"},"
          + "{\"destination\":\"/data\",\"type\":\"bind\",\"source\":\"data\",\"options\":[\"rbind\",\"ro\"]}],"
          + "\"linux\":{\"namespaces\":[{\"type\":\"pid\"},{\"type\":\"network\"},{\"type\":\"mount\"},"
          + "{\"type\":\"uts\"},{\"type\":\"user\"}],"
          + "\"uidMappings\":[{\"containerID\":0,\"hostID\":100000,\"size\":65536}],"
          + "\"gidMappings\":[{\"containerID\":0,\"hostID\":100000,\"size\":65536}],"
          + "\"resources\":{\"memory\":{\"limit\":536870912,\"swap\":805306368},"
          + "\"cpu\":{\"quota\":150000,\"period\":100000,\"shares\":512}}}}";

  @BeforeEach
  void bundleDirs() throws Exception {
    Files.createDirectories(bundle.resolve("rootfs"));
    Files.createDirectories(bundle.resolve("data"));
  }

  private ProxmoxLxcOptions.Builder options() {
    return ProxmoxLxcOptions.builder()
        .vmid(VmId.of(200))
        .bundle(bundle)
        .osTemplate("local:vztmpl/nginx_1.27_amd64.tar.zst")
        .rootfsStorage(StorageId.of("local-lvm"))
        .rootfsSizeGib(4);
  }

  @Test
  void vztmplPath_mapsLimitsAndMounts_andListsConfigFileLines() {
    ProxmoxLxcPlan plan = ProxmoxLxc.plan(OciSpec.parse(SPEC), options().build());
    var request = plan.request();
    assertThat(request.hostname()).hasValue("web-1");
    assertThat(request.memoryMib()).hasValue(512L);
    assertThat(request.swapMib()).hasValue(256L);
    assertThat(request.cores()).hasValue(2);
    assertThat(request.extra()).containsEntry("cpulimit", "1.5").containsKey("cpuunits");
    assertThat(request.unprivileged()).hasValue(true);
    assertThat(request.features().orElseThrow().format()).isEqualTo("nesting=1");
    assertThat(request.rootFs().orElseThrow().format()).isEqualTo("local-lvm:4");
    assertThat(request.networks().get(0).format()).isEqualTo("name=eth0,bridge=vmbr0,ip=dhcp");
    assertThat(request.mountPoints().get(0).format())
        .isEqualTo(bundle.resolve("data") + ",mp=/data,ro=1");
    assertThat(request.tags()).containsExactly("oci");
    assertThat(request.extra()).doesNotContainKeys("entrypoint", "env");
    assertThat(plan.configFileLines())
        .contains(
            "lxc.execute.cmd = /usr/sbin/nginx -g 'daemon off;'",
            "lxc.environment = MODE=prod",
            "lxc.init.cwd = /srv",
            "lxc.cap.keep = chown",
            "lxc.prlimit.nofile = 1024:1024");
    assertThat(plan.notExpressible()).isEmpty();
  }

  @Test
  void applicationContainer_handsTheProcessToProxmox() {
    ProxmoxLxcPlan plan =
        ProxmoxLxc.plan(
            OciSpec.parse(SPEC),
            options().osTemplate("local:vztmpl/nginx_1.27.tar").applicationContainer(true).build());
    assertThat(plan.request().entrypoint()).contains("/usr/sbin/nginx -g 'daemon off;'");
    assertThat(plan.request().env())
        .containsExactly(Map.entry("PATH", "/usr/bin:/bin"), Map.entry("MODE", "prod"));
    assertThat(plan.request().extra())
        .doesNotContainKeys("entrypoint", "env")
        .containsEntry("cmode", "console")
        .containsEntry("ostype", "unmanaged");
    assertThat(plan.request().networks().get(0).format()).contains("host-managed=1");
    assertThat(plan.configFileLines()).noneMatch(l -> l.startsWith("lxc.environment"));
  }

  @Test
  void entrypoint_isRefusedWhenAnArgumentCannotBeQuoted() {
    String unquotable = SPEC.replace("\"daemon off;\"", "\"say \\\"it's\\\"\"");
    ProxmoxLxcPlan plan =
        ProxmoxLxc.plan(OciSpec.parse(unquotable), options().applicationContainer(true).build());
    assertThat(plan.notExpressible())
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.field()).isEqualTo("$.process.args");
              assertThat(m.note()).contains("entrypoint is one command line");
            });
    assertThat(plan.request().entrypoint()).isEmpty();
  }

  @Test
  void hostName_becomesADnsLabel_orComesFromTheDefault() {
    ProxmoxLxcPlan named =
        ProxmoxLxc.plan(
            OciSpec.parse(SPEC.replace("\"web-1\"", "\"Web_1.Example\"")), options().build());
    assertThat(named.request().hostname()).hasValue("web-1-example");
    assertThat(named.mappings())
        .filteredOn(m -> m.field().equals("$.hostname"))
        .singleElement()
        .satisfies(m -> assertThat(m.outcome()).isEqualTo(Explanation.Outcome.APPROXIMATED));

    String unnamed = SPEC.replace("\"hostname\":\"web-1\",", "");
    assertThat(
            ProxmoxLxc.plan(OciSpec.parse(unnamed), options().defaultHostname("Job_7").build())
                .request()
                .hostname())
        .hasValue("job-7");
    assertThat(ProxmoxLxc.plan(OciSpec.parse(unnamed), options().build()).request().hostname())
        .isEmpty();
  }

  @Test
  void unprivileged_canBeForced_andProxmoxsMappingReplacesTheSpecs() {
    String otherMapping = SPEC.replace("\"hostID\":100000", "\"hostID\":200000");
    ProxmoxLxcPlan plan =
        ProxmoxLxc.plan(OciSpec.parse(otherMapping), options().unprivileged(true).build());
    assertThat(plan.request().unprivileged()).hasValue(true);
    assertThat(plan.mappings())
        .filteredOn(m -> m.field().startsWith("$.linux.uidMappings"))
        .singleElement()
        .satisfies(m -> assertThat(m.outcome()).isEqualTo(Explanation.Outcome.APPROXIMATED));
    assertThat(plan.configFileLines()).noneMatch(l -> l.startsWith("lxc.idmap"));

    ProxmoxLxcPlan privileged = ProxmoxLxc.plan(OciSpec.parse(otherMapping), options().build());
    assertThat(privileged.request().unprivileged()).hasValue(false);
    assertThat(privileged.configFileLines()).contains("lxc.idmap = u 0 200000 65536");
  }

  @Test
  void withoutNetwork_theNamespaceKeepsLoopbackOnly() {
    ProxmoxLxcPlan plan = ProxmoxLxc.plan(OciSpec.parse(SPEC), options().network(false).build());
    assertThat(plan.request().networks()).isEmpty();
    assertThat(plan.notExpressible()).isEmpty();
  }

  @Test
  void memory_isAtLeastProxmoxsMinimum() {
    String tiny = SPEC.replace("\"limit\":536870912,\"swap\":805306368", "\"limit\":4194304");
    assertThat(ProxmoxLxc.plan(OciSpec.parse(tiny), options().build()).request().memoryMib())
        .hasValue(16L);
  }

  @Test
  void joinedNetworkNamespace_isNotExpressible() {
    String joined =
        SPEC.replace(
            "{\"type\":\"network\"}", "{\"type\":\"network\",\"path\":\"/var/run/netns/x\"}");
    ProxmoxLxcPlan plan = ProxmoxLxc.plan(OciSpec.parse(joined), options().build());
    assertThat(plan.notExpressible())
        .extracting(Explanation.FieldMapping::field)
        .containsExactly("$.linux.namespaces[1]");
  }

  @Test
  void applicationContainers_startWithProxmox91() {
    assertThat(ProxmoxLxcOptions.supportsApplicationContainers("9.1.3")).isTrue();
    assertThat(ProxmoxLxcOptions.supportsApplicationContainers("10.0")).isTrue();
    assertThat(ProxmoxLxcOptions.supportsApplicationContainers("9.0.5")).isFalse();
    assertThat(ProxmoxLxcOptions.supportsApplicationContainers("8.4.1")).isFalse();
  }

  @Test
  @Requires(Prerequisite.SHARED_UPSTREAM)
  void everyParameter_existsInTheProxmoxSchema() throws Exception {
    ProxmoxLxcPlan app =
        ProxmoxLxc.plan(OciSpec.parse(SPEC), options().applicationContainer(true).build());
    ProxmoxLxcPlan classic = ProxmoxLxc.plan(OciSpec.parse(SPEC), options().build());
    Set<String> typed =
        Set.of(
            "vmid",
            "ostemplate",
            "hostname",
            "rootfs",
            "mp[n]",
            "net[n]",
            "features",
            "unprivileged",
            "cores",
            "memory",
            "swap",
            "tags");
    Set<String> v91 = createParameters(SharedData.upstream("pve-api/pve-apidata.json"));
    Set<String> v84 = createParameters(SharedData.upstream("pve-api/pve-apidata-8.4.json"));
    assertThat(v91).containsAll(typed).containsAll(app.request().extra().keySet());
    assertThat(v84).containsAll(typed).containsAll(classic.request().extra().keySet());
    assertThat(v84).doesNotContain("entrypoint", "env");
  }

  private static Set<String> createParameters(Path schema) throws Exception {
    JsonNode lxc = find(new ObjectMapper().readTree(schema.toFile()), "/nodes/{node}/lxc");
    Set<String> names = new HashSet<>();
    lxc.path("info")
        .path("POST")
        .path("parameters")
        .path("properties")
        .fieldNames()
        .forEachRemaining(names::add);
    return names;
  }

  private static JsonNode find(JsonNode nodes, String path) {
    for (JsonNode node : nodes) {
      if (path.equals(node.path("path").asText())) {
        return node;
      }
      JsonNode child = find(node.path("children"), path);
      if (child != null) {
        return child;
      }
    }
    return null;
  }
}
