package io.pvekit.lxc.internal.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdInputStream;
import io.pvekit.oci.OciIdMapping;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemplateWriterTest {
  @TempDir Path dir;

  private Path rootfs() throws Exception {
    Path rootfs = Files.createDirectories(dir.resolve("rootfs/usr/bin")).getParent().getParent();
    Path tool = rootfs.resolve("usr/bin/tool");
    Files.writeString(tool, "#!/bin/sh\necho hi\n");
    Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-x---"));
    Files.createSymbolicLink(rootfs.resolve("usr/bin/alias"), Path.of("tool"));
    Files.createLink(rootfs.resolve("usr/bin/tool2"), tool);
    return rootfs;
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.tar.zst", "t.tar.gz"})
  void entries_keepModesLinksAndContent_withNumericOwnersOnly(String name) throws Exception {
    Path archive = dir.resolve(name);
    TemplateWriter.Written written = TemplateWriter.write(rootfs(), archive, List.of(), List.of());

    assertThat(written.entries()).isEqualTo(6);
    assertThat(written.sha256()).isEqualTo(sha256(archive));
    Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
    String content = null;
    try (TarArchiveInputStream tar = open(archive)) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        entries.put(e.getName(), e);
        if (e.getName().equals("./usr/bin/tool")) {
          content = new String(tar.readAllBytes());
        }
      }
    }
    assertThat(entries)
        .containsOnlyKeys(
            "./", "./usr/", "./usr/bin/", "./usr/bin/alias", "./usr/bin/tool", "./usr/bin/tool2");
    assertThat(List.copyOf(entries.keySet())).as("sorted").isSorted();
    assertThat(entries.get("./usr/bin/tool").getMode() & 07777).isEqualTo(0750);
    assertThat(content).isEqualTo("#!/bin/sh\necho hi\n");
    assertThat(entries.get("./usr/bin/alias").isSymbolicLink()).isTrue();
    assertThat(entries.get("./usr/bin/alias").getLinkName()).isEqualTo("tool");
    assertThat(entries.get("./usr/bin/tool2").isLink()).isTrue();
    assertThat(entries.get("./usr/bin/tool2").getLinkName()).isEqualTo("./usr/bin/tool");
    assertThat(entries.values())
        .allSatisfy(
            e -> {
              assertThat(e.getUserName()).as(e.getName()).isEmpty();
              assertThat(e.getGroupName()).as(e.getName()).isEmpty();
            });
  }

  @ParameterizedTest
  @ValueSource(strings = {"t.tar.zst", "t.tar.gz"})
  void sameTree_sameBytes_wheneverAndWhereverItWasUnpacked(String name) throws Exception {
    Path rootfs = rootfs();
    Path first = dir.resolve("1-" + name);
    String digest = TemplateWriter.write(rootfs, first, List.of(), List.of()).sha256();

    // a copy made later: the same tree, but its root directory is as new as the copy
    Path copy = dir.resolve("copy");
    Process cp = new ProcessBuilder("cp", "-a", rootfs.toString(), copy.toString()).start();
    assertThat(cp.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(cp.exitValue()).isZero();
    Files.setLastModifiedTime(copy, FileTime.from(Instant.now().plusSeconds(3600)));
    Path second = dir.resolve("2-" + name);
    assertThat(TemplateWriter.write(copy, second, List.of(), List.of()).sha256()).isEqualTo(digest);
    assertThat(Files.readAllBytes(second)).isEqualTo(Files.readAllBytes(first));

    Files.writeString(copy.resolve("usr/bin/tool"), "changed\n");
    assertThat(TemplateWriter.write(copy, dir.resolve("3-" + name), List.of(), List.of()).sha256())
        .isNotEqualTo(digest);
  }

  @Test
  void gzipHeader_carriesNoTime() throws Exception {
    Path archive = dir.resolve("t.tar.gz");
    TemplateWriter.write(rootfs(), archive, List.of(), List.of());
    byte[] header = Files.readAllBytes(archive);
    assertThat(new byte[] {header[4], header[5], header[6], header[7]}).containsOnly(0);
  }

  @Test
  void rootDirectory_isDatedByItsNewestContent() throws Exception {
    Path rootfs = rootfs();
    FileTime newest = FileTime.from(Instant.parse("2024-05-01T10:00:00Z"));
    try (Stream<Path> walk = Files.walk(rootfs)) {
      for (Path p : walk.toList()) {
        Files.getFileAttributeView(p, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
            .setTimes(FileTime.fromMillis(0), null, null);
      }
    }
    Files.setLastModifiedTime(rootfs.resolve("usr/bin/tool"), newest);
    Files.setLastModifiedTime(rootfs, FileTime.from(Instant.now()));
    Path archive = dir.resolve("t.tar.zst");
    TemplateWriter.write(rootfs, archive, List.of(), List.of());
    try (TarArchiveInputStream tar = open(archive)) {
      TarArchiveEntry root = tar.getNextEntry();
      assertThat(root.getName()).isEqualTo("./");
      assertThat(root.getLastModifiedTime().toInstant()).isEqualTo(newest.toInstant());
    }
  }

  @Test
  void ownerOutsideTheMapping_isNamedWithItsPath() throws Exception {
    OciIdMapping mapping = OciIdMapping.builder().containerId(0).hostId(100000).size(65536).build();
    Path rootfs = rootfs();
    Path archive = dir.resolve("t.tar.zst");
    assertThatThrownBy(() -> TemplateWriter.write(rootfs, archive, List.of(mapping), List.of()))
        .hasMessageContaining(rootfs.toString())
        .hasMessageContaining("is outside the id mapping 0->100000+65536");
    assertThat(archive).doesNotExist();
    try (var left = Files.list(dir)) {
      assertThat(left).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
    }
  }

  private static TarArchiveInputStream open(Path archive) throws Exception {
    InputStream file = Files.newInputStream(archive);
    return new TarArchiveInputStream(
        archive.toString().endsWith(".zst")
            ? new ZstdInputStream(file)
            : new GZIPInputStream(file));
  }

  private static String sha256(Path file) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
  }
}
