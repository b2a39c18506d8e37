package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.StorageContent;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.FaultRule;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import io.pvekit.proxmox.simulator.ProxmoxSimulatorBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link LxcRuntime} with the Proxmox backend, against the in-process Proxmox VE simulator. */
class ProxmoxBackendTest {
  @TempDir Path dir;
  private ProxmoxSimulator pve;
  private ProxmoxClient client;
  private LxcRuntime runtime;
  private Path bundle;

  @BeforeEach
  void setUp() throws Exception {
    start(ProxmoxSimulator.builder().taskDuration(Duration.ZERO));
    // a small rootfs of plain files: the template is built from whatever the bundle holds
    Path rootfs = Files.createDirectories(dir.resolve("bundle/rootfs/bin"));
    Files.writeString(rootfs.resolve("sh"), "#!not-a-real-shell\n");
    Files.createSymbolicLink(rootfs.resolve("sleep"), Path.of("sh"));
    Files.createDirectories(dir.resolve("bundle/rootfs/tmp"));
    bundle = spec().write(dir.resolve("bundle"));
  }

  private static TestBundles.Spec spec() {
    return new TestBundles.Spec()
        .args("/bin/sh", "-c", "echo hello world; sleep 600")
        .env("PATH=/bin", "GREETING=hi there")
        .hostname("web_1")
        .resources("\"memory\":{\"limit\":134217728}");
  }

  private void start(ProxmoxSimulatorBuilder simulator) {
    if (pve != null) {
      client.close();
      pve.close();
    }
    pve = simulator.start();
    client =
        ProxmoxClient.builder()
            .baseUrl(pve.httpsUrl().toString())
            .pinnedFingerprint(pve.fingerprint())
            .authentication(Authentication.password(pve.username(), Secret.of(pve.password())))
            .build();
    runtime =
        LxcRuntime.builder()
            .root(dir.resolve("state"))
            .proxmox(ProxmoxBackend.builder().client(client).node("pve1").bridge("vmbr0").build())
            .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    pve.close();
  }

  @Test
  void lifecycle_createsStartsStopsAndDeletesTheContainerInProxmox() throws Exception {
    ContainerState created = runtime.create("web-1", bundle);
    assertThat(created.status()).isEqualTo(ContainerStatus.CREATED);
    assertThat(created.annotations()).containsEntry("io.pvekit.test", "yes");
    VmId vmid = onlyNewGuest();
    Map<String, String> config = pve.guestConfig(vmid);
    assertThat(config.get("hostname")).isEqualTo("web-1");
    assertThat(config.get("memory")).isEqualTo("128");
    assertThat(config.get("entrypoint")).isEqualTo("/bin/sh -c 'echo hello world; sleep 600'");
    assertThat(config.get("env")).isEqualTo("PATH=/bin\0GREETING=hi there");
    assertThat(config.get("cmode")).isEqualTo("console");
    assertThat(config.get("ostype")).isEqualTo("unmanaged");
    assertThat(config.get("net0"))
        .contains("bridge=vmbr0")
        .contains("ip=dhcp")
        .contains("host-managed=1");
    assertThat(config.get("unprivileged")).isEqualTo("1");
    assertThat(config.get("features")).isEqualTo("nesting=1");
    assertThat(config.get("tags")).contains("oci").contains("proxmox-lxcri");
    assertThat(config.get("description"))
        .startsWith("proxmox-lxcri container web-1 (bundle " + bundle + ")")
        .contains("/etc/pve/lxc/" + vmid.value() + ".conf")
        .contains("lxc.no_new_privs = 1");
    assertThat(pve.guestStatus(vmid)).contains("stopped");
    List<StorageContent> templates = client.node("pve1").storage("local").content("vztmpl");
    assertThat(templates)
        .anyMatch(t -> t.volid().matches("local:vztmpl/pvekit-[0-9a-f]{16}\\.tar\\.zst"));

    assertThat(runtime.start("web-1").status()).isEqualTo(ContainerStatus.RUNNING);
    assertThat(pve.guestStatus(vmid)).contains("running");
    assertThat(runtime.state("web-1").status()).isEqualTo(ContainerStatus.RUNNING);
    assertThatThrownBy(() -> runtime.delete("web-1", false))
        .isInstanceOf(ContainerStateException.class);

    runtime.kill("web-1", "KILL", false);
    pve.awaitIdle(Duration.ofSeconds(10));
    assertThat(runtime.state("web-1").status()).isEqualTo(ContainerStatus.STOPPED);
    runtime.delete("web-1", false);
    pve.awaitIdle(Duration.ofSeconds(10));
    assertThat(pve.vmIds()).doesNotContain(vmid);
    assertThat(dir.resolve("state/web-1")).doesNotExist();
    assertThatThrownBy(() -> runtime.state("web-1")).isInstanceOf(ContainerNotFoundException.class);
  }

  @Test
  void secondContainerOfTheSameImage_reusesTheTemplate() {
    runtime.create("a", bundle);
    runtime.create("b", bundle);
    long templates =
        client.node("pve1").storage("local").content("vztmpl").stream()
            .filter(t -> t.volid().contains("pvekit-"))
            .count();
    assertThat(templates).isEqualTo(1);
    runtime.delete("a", true);
    runtime.delete("b", true);
    assertThat(runtime.list()).isEmpty();
  }

  @Test
  void limitsAndBindMounts_reachTheGuestConfig() throws Exception {
    Path data = Files.createDirectories(dir.resolve("data"));
    spec()
        .resources(
            "\"memory\":{\"limit\":268435456,\"swap\":402653184},"
                + "\"cpu\":{\"quota\":150000,\"period\":100000,\"shares\":512}")
        .mount("/data", "bind", data.toString(), "rbind", "ro")
        .write(bundle);
    runtime.create("limits", bundle);
    Map<String, String> config = pve.guestConfig(onlyNewGuest());
    assertThat(config.get("memory")).isEqualTo("256");
    assertThat(config.get("swap")).isEqualTo("128");
    assertThat(config.get("cores")).isEqualTo("2");
    assertThat(config.get("cpulimit")).isEqualTo("1.5");
    assertThat(config.get("cpuunits")).isEqualTo("20");
    assertThat(config.get("mp0")).isEqualTo(data + ",mp=/data,ro=1");
    runtime.delete("limits", true);
  }

  @Test
  void noHostName_takesTheId_andNoBridge_meansLoopbackOnly() throws Exception {
    editSpec("\"hostname\":\"web_1\",", "");
    LxcRuntime noBridge =
        LxcRuntime.builder()
            .root(dir.resolve("state"))
            .proxmox(ProxmoxBackend.builder().client(client).node("pve1").build())
            .build();
    noBridge.create("Cache.1", bundle);
    Map<String, String> config = pve.guestConfig(onlyNewGuest());
    assertThat(config.get("hostname")).isEqualTo("cache-1");
    assertThat(config).doesNotContainKey("net0");
    noBridge.delete("Cache.1", true);
  }

  @Test
  void whatProxmoxCannotExpress_refusesTheCreate_namingTheField() throws Exception {
    spec().networkNamespace("/var/run/netns/sandbox").write(bundle);
    var before = pve.vmIds();
    assertThatThrownBy(() -> runtime.create("joined", bundle))
        .isInstanceOf(UnsupportedOciFeatureException.class)
        .hasMessageContaining("Proxmox VE cannot run this config.json")
        .hasMessageContaining("$.linux.namespaces[4]")
        .satisfies(
            e ->
                assertThat(((UnsupportedOciFeatureException) e).field())
                    .isEqualTo("$.linux.namespaces[4]"));
    assertThat(pve.vmIds()).isEqualTo(before);
    assertThat(client.node("pve1").storage("local").content("vztmpl"))
        .noneMatch(t -> t.volid().contains("pvekit-"));
    assertThat(dir.resolve("state/joined")).doesNotExist();
  }

  @Test
  void proxmoxBefore91_isRefusedClearly() throws Exception {
    start(ProxmoxSimulator.builder().taskDuration(Duration.ZERO).pveVersion("8.4.1"));
    var before = pve.vmIds();
    assertThatThrownBy(() -> runtime.create("old", bundle))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("Proxmox VE 8.4.1 cannot run an OCI process")
        .hasMessageContaining("9.1");
    assertThat(pve.vmIds()).isEqualTo(before);
    assertThat(dir.resolve("state/old")).doesNotExist();
  }

  @Test
  void forceDelete_stopsARunningContainer() throws Exception {
    runtime.create("c", bundle);
    runtime.start("c");
    VmId vmid = onlyNewGuest();
    runtime.delete("c", true);
    pve.awaitIdle(Duration.ofSeconds(10));
    assertThat(pve.vmIds()).doesNotContain(vmid);
  }

  @Test
  void proxmoxRefusingTheCreate_leavesNothingAndSaysWhy() throws Exception {
    pve.addFault(FaultRule.on("POST", "/nodes/pve1/lxc").withTaskFailure("storage full"));
    var before = pve.vmIds();
    assertThatThrownBy(() -> runtime.create("bad", bundle))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("Proxmox VE could not create")
        .hasMessageContaining("storage full");
    pve.awaitIdle(Duration.ofSeconds(10));
    assertThat(pve.vmIds()).isEqualTo(before);
    assertThat(dir.resolve("state/bad")).doesNotExist();
  }

  @Test
  void liveOperations_areRefusedClearly() {
    runtime.create("d", bundle);
    assertThatThrownBy(() -> runtime.pause("d"))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("pause is not supported by the ProxmoxEngine backend");
    runtime.delete("d", true);
  }

  @Test
  void hostNames_becomeDnsLabels() throws Exception {
    editSpec("web_1", "Web_1.Example");
    runtime.create("e", bundle);
    assertThat(pve.guestConfig(onlyNewGuest()).get("hostname")).isEqualTo("web-1-example");
    runtime.delete("e", true);
  }

  private void editSpec(String from, String to) throws Exception {
    Path config = bundle.resolve("config.json");
    Files.writeString(config, Files.readString(config).replace(from, to));
  }

  private VmId onlyNewGuest() {
    return pve.vmIds().stream()
        .filter(id -> pve.guestConfig(id).getOrDefault("tags", "").contains("proxmox-lxcri"))
        .reduce((a, b) -> a.value() > b.value() ? a : b)
        .orElseThrow();
  }
}
