package io.pvekit.proxmox.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.pvekit.proxmox.LxcConfig;
import io.pvekit.proxmox.LxcCreateRequest;
import io.pvekit.proxmox.LxcRootFs;
import io.pvekit.proxmox.ProxmoxApiException;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.StorageContent;
import io.pvekit.proxmox.StorageId;
import io.pvekit.proxmox.TaskFailedException;
import io.pvekit.proxmox.VmId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** PVE 9.1's OCI calls: pulling images into templates, tags, containers made from an image. */
class OciTest {
  private static final Duration AWAIT = Duration.ofSeconds(30);

  @RegisterExtension
  final ProxmoxSimulatorExtension pve =
      ProxmoxSimulatorExtension.with(
          ProxmoxSimulator.builder().taskDuration(Duration.ofMillis(10)));

  private ProxmoxClient client;

  @BeforeEach
  void connect() {
    client = pve.simulator().newClient();
  }

  @AfterEach
  void close() {
    client.close();
  }

  private java.util.List<String> templates() {
    return client.node("pve1").storage("local").content("vztmpl").stream()
        .map(StorageContent::volid)
        .toList();
  }

  @Test
  void pull_createsATemplateNamedAfterImageAndTag() {
    client
        .node("pve1")
        .storage("local")
        .ociRegistryPull("docker.io/library/alpine:3.21", null)
        .await(AWAIT);

    assertThat(templates()).contains("local:vztmpl/alpine_3.21.tar");
  }

  @Test
  void pull_withAFilename_addsTar_andRefusesToOverwrite() {
    client.node("pve1").storage("local").ociRegistryPull("nginx:alpine", "web").await(AWAIT);

    assertThat(templates()).contains("local:vztmpl/web.tar");
    assertThatThrownBy(
            () -> client.node("pve1").storage("local").ociRegistryPull("nginx:alpine", "web"))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("refusing to override existing file 'web.tar'");
  }

  @Test
  void pull_ofAnUnknownRepositoryOrTag_failsTheTask() {
    assertThatThrownBy(
            () ->
                client
                    .node("pve1")
                    .storage("local")
                    .ociRegistryPull("docker.io/nobody/nothing:1", null)
                    .await(AWAIT))
        .isInstanceOf(TaskFailedException.class)
        .hasMessageContaining("requested access to the resource is denied");
    assertThatThrownBy(
            () ->
                client
                    .node("pve1")
                    .storage("local")
                    .ociRegistryPull("alpine:2.0", null)
                    .await(AWAIT))
        .isInstanceOf(TaskFailedException.class)
        .hasMessageContaining("manifest unknown");
    assertThat(templates()).noneMatch(v -> v.contains("nothing") || v.contains("alpine_2.0"));
  }

  @Test
  void pull_intoAStorageWithoutTemplates_isRefused() {
    assertThatThrownBy(
            () -> client.node("pve1").storage("local-lvm").ociRegistryPull("alpine:3.21", null))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("content-type 'vztmpl'");
  }

  @Test
  void tags_ofAKnownRepository_byShortOrFullName() {
    assertThat(client.node("pve1").queryOciRepoTags("docker.io/library/alpine"))
        .contains("3.20", "3.21", "latest");
    assertThat(client.node("pve1").queryOciRepoTags("postgres")).contains("16", "17");
  }

  @Test
  void tags_ofAnUnknownRepository_fail() {
    assertThatThrownBy(() -> client.node("pve1").queryOciRepoTags("docker.io/nobody/nothing"))
        .isInstanceOf(ProxmoxApiException.class)
        .hasMessageContaining("docker.io/nobody/nothing")
        .hasMessageContaining("requested access to the resource is denied");
  }

  @Test
  void container_fromAPulledImage_hasTheEntrypointAndEnvItWasCreatedWith() {
    client.node("pve1").storage("local").ociRegistryPull("alpine:3.21", null).await(AWAIT);

    client
        .node("pve1")
        .lxc()
        .create(
            LxcCreateRequest.builder()
                .vmid(VmId.of(300))
                .osTemplate("local:vztmpl/alpine_3.21.tar")
                .hostname("app")
                .rootFs(LxcRootFs.newVolume(StorageId.of("local-lvm"), 2).build())
                .unprivileged(true)
                .entrypoint("/usr/bin/app --serve")
                .putEnv("PATH", "/usr/bin:/bin")
                .putEnv("MODE", "production")
                .build())
        .await(AWAIT);

    LxcConfig config = client.node("pve1").lxc().container(300).config();
    assertThat(config.entrypoint()).contains("/usr/bin/app --serve");
    assertThat(config.env())
        .containsExactly(entry("PATH", "/usr/bin:/bin"), entry("MODE", "production"));
    assertThat(config.values().get("env")).isEqualTo("PATH=/usr/bin:/bin\0MODE=production");
    assertThat(config.osType()).contains("alpine");
  }

  @Test
  void container_fromAPulledImage_withoutEntrypoint_takesTheImages() {
    client.node("pve1").storage("local").ociRegistryPull("postgres:17", null).await(AWAIT);

    client
        .node("pve1")
        .lxc()
        .create(
            LxcCreateRequest.builder()
                .vmid(VmId.of(301))
                .osTemplate("local:vztmpl/postgres_17.tar")
                .rootFs(LxcRootFs.newVolume(StorageId.of("local-lvm"), 4).build())
                .unprivileged(true)
                .build())
        .await(AWAIT);

    LxcConfig config = client.node("pve1").lxc().container(301).config();
    assertThat(config.entrypoint()).contains("docker-entrypoint.sh postgres");
    assertThat(config.env()).containsEntry("PGDATA", "/var/lib/postgresql/data");
    assertThat(config.values()).containsEntry("cmode", "console");
  }

  @Test
  void anImageTheBuilderAdds_isListedPulledAndRunWithItsEntrypointAndEnv() {
    try (ProxmoxSimulator pve =
            ProxmoxSimulator.builder()
                .taskDuration(Duration.ofMillis(10))
                .ociImage(
                    "ghcr.io/acme/api", List.of("latest", "1.4"), "/app/api", List.of("PORT=8080"))
                .start();
        ProxmoxClient own = pve.newClient()) {
      assertThat(own.node("pve1").queryOciRepoTags("ghcr.io/acme/api"))
          .containsExactly("latest", "1.4");
      own.node("pve1").storage("local").ociRegistryPull("ghcr.io/acme/api:1.4", null).await(AWAIT);
      own.node("pve1")
          .lxc()
          .create(
              LxcCreateRequest.builder()
                  .vmid(VmId.of(302))
                  .osTemplate("local:vztmpl/api_1.4.tar")
                  .rootFs(LxcRootFs.newVolume(StorageId.of("local-lvm"), 2).build())
                  .unprivileged(true)
                  .build())
          .await(AWAIT);
      LxcConfig config = own.node("pve1").lxc().container(302).config();
      assertThat(config.entrypoint()).contains("/app/api");
      assertThat(config.env()).containsExactly(entry("PORT", "8080"));
    }
  }

  @Test
  void anImageTheBuilderCannotOffer_isRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                ProxmoxSimulator.builder()
                    .ociImage("ghcr.io/acme/api:1.4", List.of("1.4"), "/a", List.of()))
        .hasMessage(
            "ociImage repository: 'ghcr.io/acme/api:1.4' must be a repository without tag or digest");
    assertThatThrownBy(
            () ->
                ProxmoxSimulator.builder()
                    .ociImage("localhost:5000/api", List.of(), "/a", List.of()))
        .hasMessage("ociImage tags: [] must be registry tags");
    assertThatThrownBy(
            () ->
                ProxmoxSimulator.builder()
                    .ociImage("localhost:5000/api", List.of("v1"), "/a", List.of("PORT")))
        .hasMessage("ociImage env: 'PORT' must be KEY=value");
  }
}
