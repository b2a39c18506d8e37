package io.pvekit.lxc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.oci.UmociCompatibilityIT;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VzTemplateTest {
  @TempDir Path dir;

  private Path rootfs() throws Exception {
    Path root = Files.createDirectories(dir.resolve("rootfs"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("etc/os-release"), "ID=debian\nVERSION_ID=12\n");
    Files.createDirectories(root.resolve("usr/bin"));
    Files.writeString(root.resolve("usr/bin/tool"), "#!/bin/sh\n");
    Files.setAttribute(root.resolve("usr/bin/tool"), "unix:mode", 04755);
    Files.createLink(root.resolve("usr/bin/tool2"), root.resolve("usr/bin/tool"));
    Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
    Files.setAttribute(root.resolve("etc"), "unix:mode", 0750);
    return root;
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.tar.zst", "t.tar.gz"})
  void template_extractsToTheSameTree(String name) throws Exception {
    Path root = rootfs();
    Path archive = dir.resolve(name);
    assertThat(VzTemplate.write(root, archive)).isEqualTo(8);
    Path out = Files.createDirectories(dir.resolve("out"));
    Process tar =
        new ProcessBuilder(
                "tar",
                name.endsWith("zst") ? "--zstd" : "-z",
                "-xpf",
                archive.toString(),
                "-C",
                out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(tar.exitValue()).as(log).isZero();
    assertThat(UmociCompatibilityIT.tree(out)).isEqualTo(UmociCompatibilityIT.tree(root));
    Process list = new ProcessBuilder("tar", "-tf", archive.toString()).start();
    String names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    list.waitFor(60, TimeUnit.SECONDS);
    assertThat(names.split("\n")).allMatch(n -> n.startsWith("./"));
  }

  @Test
  void otherNames_areRefused() throws Exception {
    assertThatThrownBy(() -> VzTemplate.write(rootfs(), dir.resolve("t.tar.xz")))
        .hasMessageContaining("*.tar.zst or *.tar.gz");
  }

  @Test
  void fileName_followsProxmoxsPattern() {
    assertThat(VzTemplate.fileName("nginx", "1.27-1", "amd64"))
        .isEqualTo("nginx_1.27-1_amd64.tar.zst");
  }
}
