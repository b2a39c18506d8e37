package io.pvekit.lxc.internal.proxmox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateArchiveTest {
  @TempDir Path dir;

  @Test
  void rootfs_becomesATarGzWithModesLinksAndAContentName() throws Exception {
    Path rootfs = Files.createDirectories(dir.resolve("rootfs/usr/bin"));
    Files.writeString(rootfs.resolve("tool"), "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(
        rootfs.resolve("tool"), PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(rootfs.resolve("alias"), Path.of("tool"));
    Path out = Files.createDirectories(dir.resolve("out"));

    TemplateArchive.Result first = TemplateArchive.build(dir.resolve("rootfs"), out);
    assertThat(first.name()).matches("pvekit-[0-9a-f]{16}\\.tar\\.gz");
    assertThat(first.file()).isEqualTo(out.resolve(first.name()));
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    String content = null;
    try (InputStream in = Files.newInputStream(first.file());
        TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        entries.put(e.getName(), e);
        if (e.getName().equals("./usr/bin/tool")) {
          content = new String(tar.readAllBytes());
        }
      }
    }
    assertThat(entries)
        .containsKeys("./", "./usr/", "./usr/bin/", "./usr/bin/tool", "./usr/bin/alias");
    assertThat(entries.get("./usr/bin/tool").getMode() & 07777).isEqualTo(0750);
    assertThat(content).isEqualTo("#!/bin/sh\necho hi\n");
    assertThat(entries.get("./usr/bin/alias").isSymbolicLink()).isTrue();
    assertThat(entries.get("./usr/bin/alias").getLinkName()).isEqualTo("tool");

    TemplateArchive.Result again = TemplateArchive.build(dir.resolve("rootfs"), out);
    assertThat(again.name()).as("same rootfs, same template").isEqualTo(first.name());
    Files.writeString(rootfs.resolve("tool"), "changed\n");
    assertThat(TemplateArchive.build(dir.resolve("rootfs"), out).name()).isNotEqualTo(first.name());
  }
}
