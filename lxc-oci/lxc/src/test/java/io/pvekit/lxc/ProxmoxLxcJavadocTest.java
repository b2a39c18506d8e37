package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.OciSpec;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.StorageId;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example in {@link ProxmoxLxc}'s Javadoc, run against the simulator: the lines between the
 * markers below are the ones the Javadoc shows, and the Javadoc must hold them word for word.
 */
class ProxmoxLxcJavadocTest {
  @TempDir Path bundle;

  @Test
  void theJavadocExample_createsTheContainer() throws Exception {
    Files.createDirectories(bundle.resolve("rootfs"));
    OciSpec spec = LxcTranslatorTest.minimal("", "");
    String node = "pve1";
    try (ProxmoxSimulator pve =
            ProxmoxSimulator.builder()
                .taskDuration(Duration.ZERO)
                .file("local", "vztmpl", "nginx_1.27_amd64.tar.zst", 50_000_000L)
                .start();
        ProxmoxClient client =
            ProxmoxClient.builder()
                .baseUrl(pve.httpsUrl().toString())
                .pinnedFingerprint(pve.fingerprint())
                .authentication(Authentication.password(pve.username(), Secret.of(pve.password())))
                .build()) {
      // example:start
      ProxmoxLxcPlan plan =
          ProxmoxLxc.plan(
              spec,
              ProxmoxLxcOptions.builder()
                  .vmid(VmId.of(200))
                  .bundle(bundle)
                  .osTemplate("local:vztmpl/nginx_1.27_amd64.tar.zst")
                  .rootfsStorage(StorageId.of("local-lvm"))
                  .build());
      client.node(node).lxc().create(plan.request()).await(Duration.ofMinutes(1));
      // example:end
      assertThat(pve.vmIds()).contains(VmId.of(200));
    }
  }

  @Test
  void theJavadoc_showsTheTestedExample() throws Exception {
    String test =
        Files.readString(Path.of("src/test/java/io/pvekit/lxc/ProxmoxLxcJavadocTest.java"));
    String example =
        test.substring(
            test.indexOf("// example:start") + "// example:start".length(),
            test.indexOf("      // example:end"));
    String javadoc = Files.readString(Path.of("src/main/java/io/pvekit/lxc/ProxmoxLxc.java"));
    String pre =
        javadoc.substring(javadoc.indexOf("<pre>{@code") + 11, javadoc.indexOf(" * }</pre>"));
    assertThat(stripped(pre.replaceAll("(?m)^ \\*", "")))
        .as("ProxmoxLxc's Javadoc example")
        .isEqualTo(stripped(example));
  }

  private static java.util.List<String> stripped(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
