package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.oci.OciSpec;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.StorageContent;
import io.pvekit.proxmox.StorageId;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Proxmox backend with bundles that name their image (as containerd's and CRI-O's CRI plugins
 * annotate them): Proxmox VE 9.1 pulls the image as the template, once, and the container gets the
 * bundle's process as typed {@code entrypoint} and {@code env}.
 */
class ProxmoxImagePullTest {
  private static final String IMAGE = "docker.io/library/alpine:3.21";
  private static final String TEMPLATE =
      "local:vztmpl/pvekit-oci-docker.io_library_alpine_3.21.tar";

  @TempDir Path dir;
  private ProxmoxSimulator pve;
  private ProxmoxClient client;
  private LxcRuntime runtime;

  @BeforeEach
  void setUp() throws Exception {
    pve = ProxmoxSimulator.builder().taskDuration(Duration.ZERO).start();
    client =
        ProxmoxClient.builder()
            .baseUrl(pve.httpsUrl().toString())
            .pinnedFingerprint(pve.fingerprint())
            .authentication(Authentication.password(pve.username(), Secret.of(pve.password())))
            .build();
    runtime = runtime(true);
    Files.createDirectories(dir.resolve("bundle/rootfs/bin"));
    Files.writeString(dir.resolve("bundle/rootfs/bin/sh"), "#!not-a-real-shell\n");
  }

  private LxcRuntime runtime(boolean pullImages) {
    return LxcRuntime.builder()
        .root(dir.resolve("state"))
        .proxmox(
            ProxmoxBackend.builder()
                .client(client)
                .node("pve1")
                .bridge("vmbr0")
                .pullImages(pullImages)
                .build())
        .build();
  }

  @AfterEach
  void tearDown() {
    client.close();
    pve.close();
  }

  private Path bundle(String annotation, String image) throws Exception {
    return new TestBundles.Spec()
        .args("/bin/sh", "-c", "exec httpd -f")
        .env("PATH=/bin:/usr/bin", "MODE=production")
        .hostname("web")
        .annotation(annotation, image)
        .write(dir.resolve("bundle"));
  }

  private List<String> templates() {
    return client.node("pve1").storage("local").content("vztmpl").stream()
        .map(StorageContent::volid)
        .toList();
  }

  private VmId newestGuest() {
    return pve.vmIds().stream()
        .filter(id -> pve.guestConfig(id).getOrDefault("tags", "").contains("proxmox-lxcri"))
        .reduce((a, b) -> a.value() > b.value() ? a : b)
        .orElseThrow();
  }

  @Test
  void aBundleNamingItsImage_isCreatedFromThePulledImage_withTypedEntrypointAndEnv()
      throws Exception {
    runtime.create("web", bundle("io.kubernetes.cri.image-name", IMAGE));

    assertThat(templates()).contains(TEMPLATE);
    assertThat(templates()).noneMatch(v -> v.matches(".*pvekit-[0-9a-f]{16}\\.tar\\.zst"));
    Map<String, String> config = pve.guestConfig(newestGuest());
    assertThat(config.get("entrypoint")).isEqualTo("/bin/sh -c 'exec httpd -f'");
    assertThat(config.get("env")).isEqualTo("PATH=/bin:/usr/bin\0MODE=production");
    assertThat(config.get("cmode")).isEqualTo("console");
    assertThat(config.get("tags")).contains("proxmox-lxcri");

    runtime.delete("web", true);
    assertThat(templates()).contains(TEMPLATE);
  }

  @Test
  void theSameImage_isPulledOnce() throws Exception {
    Path bundle = bundle("io.kubernetes.cri-o.ImageName", IMAGE);
    runtime.create("a", bundle);
    runtime.create("b", bundle);

    assertThat(templates().stream().filter(TEMPLATE::equals)).hasSize(1);
    long pulls =
        client.cluster().tasks().stream().filter(t -> t.upid().type().equals("download")).count();
    assertThat(pulls).isEqualTo(1);
  }

  @Test
  void anImageProxmoxCannotPull_failsTheCreate_leavingNothing() throws Exception {
    var before = pve.vmIds();

    assertThatThrownBy(
            () ->
                runtime.create(
                    "ghost", bundle("io.kubernetes.cri.image-name", "docker.io/nobody/ghost:1")))
        .isInstanceOf(LxcRuntimeException.class)
        .hasMessageContaining("Proxmox VE could not create")
        .hasMessageContaining("requested access to the resource is denied");
    assertThat(pve.vmIds()).isEqualTo(before);
    assertThat(dir.resolve("state/ghost")).doesNotExist();
  }

  @Test
  void withoutPulling_orWithADigestReference_theRootfsIsUploadedInstead() throws Exception {
    runtime(false).create("local-copy", bundle("io.kubernetes.cri.image-name", IMAGE));
    runtime.create(
        "pinned",
        bundle(
            "io.kubernetes.cri.image-name",
            "docker.io/library/alpine@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"));

    assertThat(templates())
        .doesNotContain(TEMPLATE)
        .anyMatch(v -> v.matches("local:vztmpl/pvekit-[0-9a-f]{16}\\.tar\\.zst"));
  }

  @Test
  void anEnvironmentEntryProxmoxCannotHold_isRefused_namingIt() throws Exception {
    new TestBundles.Spec()
        .env("PATH=/bin", "BAD-NAME=x")
        .annotation("io.kubernetes.cri.image-name", IMAGE)
        .write(dir.resolve("bundle"));

    assertThatThrownBy(() -> runtime.create("bad-env", dir.resolve("bundle")))
        .isInstanceOf(UnsupportedOciFeatureException.class)
        .hasMessageContaining("$.process.env[1]")
        .hasMessageContaining("letters, digits and _");
    assertThat(templates()).doesNotContain(TEMPLATE);
  }

  @Test
  void thePlan_saysWhereTheRootFileSystemComesFrom() throws Exception {
    OciSpec spec =
        OciSpec.read(bundle("io.kubernetes.cri.image-name", IMAGE).resolve("config.json"));
    ProxmoxLxcPlan plan =
        ProxmoxLxc.plan(
            spec,
            ProxmoxLxcOptions.builder()
                .vmid(VmId.of(200))
                .bundle(dir.resolve("bundle"))
                .osTemplate(TEMPLATE)
                .rootfsStorage(StorageId.of("local-lvm"))
                .applicationContainer(true)
                .ociReference(IMAGE)
                .build());

    assertThat(plan.mappings())
        .anySatisfy(
            m -> {
              assertThat(m.key()).isEqualTo(FieldKey.ROOT_PATH);
              assertThat(m.note()).contains("image " + IMAGE + " pulled by Proxmox");
            });
    assertThat(plan.request().entrypoint()).contains("/bin/sh -c 'exec httpd -f'");
    assertThat(plan.request().env())
        .containsExactly(Map.entry("PATH", "/bin:/usr/bin"), Map.entry("MODE", "production"));
  }
}
