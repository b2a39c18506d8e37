package io.pvekit.lxcri.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.lxc.TestBundles;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * proxmox-lxcri with {@code --backend-config}: the Proxmox VE backend's lifecycle (pvekit-lxc-oci's
 * {@code ProxmoxBackendTest}) from the command line, against the simulator.
 */
class ProxmoxBackendCliTest {
  @TempDir Path dir;
  private ProxmoxSimulator pve;
  private Path bundle;

  @BeforeEach
  void setUp() throws Exception {
    pve = ProxmoxSimulator.builder().taskDuration(Duration.ZERO).start();
    Path rootfs = Files.createDirectories(dir.resolve("bundle/rootfs/bin"));
    Files.writeString(rootfs.resolve("sh"), "#!not-a-real-shell\n");
    Files.createSymbolicLink(rootfs.resolve("sleep"), Path.of("sh"));
    Files.createDirectories(dir.resolve("bundle/rootfs/tmp"));
    bundle =
        new TestBundles.Spec()
            .args("/bin/sh", "-c", "echo hello world; sleep 600")
            .env("PATH=/bin", "GREETING=hi there")
            .hostname("web_1")
            .resources("\"memory\":{\"limit\":134217728}")
            .write(dir.resolve("bundle"));
  }

  @AfterEach
  void tearDown() {
    pve.close();
  }

  @Test
  void cli_withABackendConfig() throws Exception {
    Path config = dir.resolve("backend.properties");
    Path password = dir.resolve("password");
    Files.writeString(password, pve.password() + "\n");
    Files.writeString(
        config,
        "backend = proxmox\nurl = "
            + pve.httpsUrl()
            + "\nuser = "
            + pve.username()
            + "\npasswordFile = "
            + password
            + "\nfingerprint = "
            + pve.fingerprint()
            + "\nnode = pve1\nrootSizeGib = 2\n");
    String root = dir.resolve("cli-state").toString();
    assertThat(
            cli(
                "--backend-config",
                config.toString(),
                "--root",
                root,
                "create",
                "--bundle",
                bundle.toString(),
                "f"))
        .isZero();
    assertThat(pve.guestConfig(onlyNewGuest()).get("rootfs")).startsWith("local-lvm:");
    assertThat(cli("--backend-config", config.toString(), "--root", root, "start", "f")).isZero();
    assertThat(cli("--backend-config", config.toString(), "--root", root, "kill", "f", "KILL"))
        .isZero();
    pve.awaitIdle(Duration.ofSeconds(10));
    assertThat(cli("--backend-config", config.toString(), "--root", root, "delete", "f")).isZero();
    assertThat(Path.of(root, "f")).doesNotExist();
    Files.writeString(config, "backend = proxmox\nurl = https://x\n");
    assertThat(cli("--backend-config", config.toString(), "--root", root, "list")).isEqualTo(1);
  }

  @Test
  void cli_withAMalformedBackendConfig_exits1_namingKeyAndValue() throws Exception {
    Path config = dir.resolve("bad.properties");
    Files.writeString(
        config,
        "url = "
            + pve.httpsUrl()
            + "\ntokenId = a@pve!b\ntokenSecret = x\nnode = pve1\n"
            + "pullImages = yes\n");
    var out = new java.io.ByteArrayOutputStream();
    var err = new java.io.ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {"--backend-config", config.toString(), "state", "f"},
            new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8),
            new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8),
            java.util.Map.of());
    assertThat(status).isEqualTo(1);
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
    assertThat(err.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains(config + ": pullImages = yes must be true or false");
    assertThat(pve.vmIds())
        .noneMatch(id -> pve.guestConfig(id).getOrDefault("tags", "").contains("proxmox-lxcri"));
  }

  private static int cli(String... args) {
    var sink = new java.io.PrintStream(new java.io.ByteArrayOutputStream());
    return CliAccess.run(args, sink);
  }

  private VmId onlyNewGuest() {
    return pve.vmIds().stream()
        .filter(id -> pve.guestConfig(id).getOrDefault("tags", "").contains("proxmox-lxcri"))
        .reduce((a, b) -> a.value() > b.value() ? a : b)
        .orElseThrow();
  }
}
