package io.pvekit.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.oci.TestLayout.Compression;
import io.pvekit.oci.TestLayout.Layer;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ImageUnpackerTest {
  private static final String RUNTIME = "{\"Cmd\":[\"/bin/sh\"]}";

  @TempDir Path jail;

  private OciImage image(Layer... layers) throws Exception {
    TestLayout layout = new TestLayout(jail.resolve("layout"));
    layout.image("t", RUNTIME, layers);
    return OciImageLayout.open(layout.dir()).image("t", "linux/amd64");
  }

  private static Layer base() {
    return new Layer()
        .dir("etc/")
        .file("etc/hostname", "base\n")
        .dir("usr/")
        .dir("usr/lib/")
        .file("usr/lib/libx.so", "elf", 0755, 0, 0)
        .symlink("lib", "usr/lib")
        .dir("opt/")
        .dir("opt/app/")
        .file("opt/app/old", "old")
        .file("gone", "x");
  }

  @Test
  void layers_applyInOrder_withWhiteoutsLinksModesAndTimes() throws Exception {
    Layer top =
        new Layer()
            .compression(Compression.ZSTD)
            .file(".wh.gone", "")
            .dir("opt/app/")
            .file("opt/app/.wh..wh..opq", "")
            .file("opt/app/new", "new")
            .file("lib/libz.so", "through-symlink", 0600, 1234, 5678)
            .hardlink("etc/hostname-link", "etc/hostname")
            .file("etc/setuid", "s", 04755, 0, 0);
    Layer plain = new Layer().compression(Compression.NONE).file("etc/plain", "p");
    Path rootfs = jail.resolve("rootfs");
    UnpackResult result = ImageUnpacker.builder().build().unpack(image(base(), top, plain), rootfs);

    assertThat(result.layers()).isEqualTo(3);
    assertThat(rootfs.resolve("gone")).doesNotExist();
    assertThat(rootfs.resolve("opt/app/old")).doesNotExist();
    assertThat(rootfs.resolve("opt/app/new")).hasContent("new");
    assertThat(rootfs.resolve("usr/lib/libz.so")).hasContent("through-symlink");
    assertThat(Files.isSymbolicLink(rootfs.resolve("lib"))).isTrue();
    assertThat(rootfs.resolve("etc/plain")).hasContent("p");
    assertThat(Files.getAttribute(rootfs.resolve("etc/hostname-link"), "unix:ino"))
        .isEqualTo(Files.getAttribute(rootfs.resolve("etc/hostname"), "unix:ino"));
    assertThat(Files.getAttribute(rootfs.resolve("etc/setuid"), "unix:mode")).isEqualTo(0104755);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(rootfs.resolve("usr/lib/libz.so"))))
        .isEqualTo("rw-------");
    assertThat(Files.getLastModifiedTime(rootfs.resolve("etc")).toMillis())
        .isEqualTo(1_700_000_000_000L);
  }

  @Test
  @Requires(Prerequisite.ROOT)
  void owners_arePreserved() throws Exception {
    ImageUnpacker unpacker = ImageUnpacker.builder().build();
    assertThat(unpacker.preserveOwnership()).as("root keeps the image's owners").isTrue();
    Path rootfs = jail.resolve("rootfs");
    unpacker.unpack(image(new Layer().file("f", "x", 0600, 1234, 5678)), rootfs);
    assertThat(Files.getAttribute(rootfs.resolve("f"), "unix:uid")).isEqualTo(1234);
    assertThat(Files.getAttribute(rootfs.resolve("f"), "unix:gid")).isEqualTo(5678);
  }

  @Test
  @Requires(Prerequisite.ROOT)
  void idMapping_shiftsOwnership() throws Exception {
    ImageUnpacker unpacker =
        ImageUnpacker.builder()
            .addUidMappings(
                OciIdMapping.builder().containerId(0).hostId(100000).size(65536).build())
            .addGidMappings(
                OciIdMapping.builder().containerId(0).hostId(200000).size(65536).build())
            .build();
    assertThat(unpacker.preserveOwnership()).as("root keeps the image's owners").isTrue();
    Path rootfs = jail.resolve("rootfs");
    unpacker.unpack(image(new Layer().file("f", "x", 0644, 7, 8).dir("d/")), rootfs);
    assertThat(Files.getAttribute(rootfs.resolve("f"), "unix:uid")).isEqualTo(100007);
    assertThat(Files.getAttribute(rootfs.resolve("f"), "unix:gid")).isEqualTo(200008);
    assertThat(Files.getAttribute(rootfs.resolve("d"), "unix:uid")).isEqualTo(100000);
  }

  static Stream<Arguments> maliciousLayers() {
    return Stream.of(
        Arguments.of(
            "dot-dot name", new Layer().file("../outside/pwned", "x"), "would leave the root"),
        Arguments.of(
            "dot-dot inside a name",
            new Layer().dir("a/").file("a/../../outside/pwned", "x"),
            "would leave the root"),
        Arguments.of(
            "symlink parent climbing out",
            new Layer().symlink("evil", "../outside").file("evil/pwned", "x"),
            "climbs above the root"),
        Arguments.of(
            "symlink chain climbing out",
            new Layer()
                .dir("a/")
                .symlink("a/b", "../../outside")
                .symlink("c", "a/b")
                .file("c/pwned", "x"),
            "climbs above the root"),
        Arguments.of(
            "hard link to an outside file",
            new Layer().hardlink("passwd", "../outside/secret"),
            "would leave the root"),
        Arguments.of(
            "hard link through a symlink climbing out",
            new Layer().symlink("evil", "../outside").hardlink("passwd", "evil/secret"),
            "climbs above the root"),
        Arguments.of(
            "whiteout through a symlink climbing out",
            new Layer().symlink("evil", "../outside").file("evil/.wh.secret", ""),
            "climbs above the root"),
        Arguments.of("whiteout of dot-dot", new Layer().file(".wh..", ""), "whiteout of"),
        Arguments.of(
            "symlink loop",
            new Layer().symlink("a", "b").symlink("b", "a").file("a/x", "x"),
            "too many levels"),
        Arguments.of(
            "hard link to a directory",
            new Layer().dir("d/").hardlink("l", "d"),
            "hard link to a directory"),
        Arguments.of(
            "file where a directory is needed",
            new Layer().file("f", "x").file("f/g", "y"),
            "is not a directory"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("maliciousLayers")
  void maliciousLayer_isRefused_andNothingIsLeftBehind(String name, Layer evil, String reason)
      throws Exception {
    Path outside = Files.createDirectories(jail.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "keep");
    Path rootfs = jail.resolve("rootfs");
    OciImage image = image(base(), evil);
    assertThatThrownBy(() -> ImageUnpacker.builder().build().unpack(image, rootfs))
        .isInstanceOf(OciImageException.class)
        .hasMessageContaining("layer 2")
        .hasMessageContaining(reason);
    assertThat(rootfs).doesNotExist();
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).containsExactly(outside.resolve("secret"));
    }
    assertThat(outside.resolve("secret")).hasContent("keep");
  }

  @Test
  void absoluteNamesAndLinkTargets_areTakenInsideTheRoot() throws Exception {
    Path rootfs = jail.resolve("rootfs");
    ImageUnpacker.builder()
        .build()
        .unpack(
            image(
                new Layer()
                    .entry("/abs-file", TarArchiveEntry.LF_NORMAL, "x", 0644, 0, 0)
                    .hardlink("/abs-link", "/abs-file")),
            rootfs);
    assertThat(rootfs.resolve("abs-file")).hasContent("x");
    assertThat(rootfs.resolve("abs-link")).hasContent("x");
    assertThat(Path.of("/abs-file")).doesNotExist();
  }

  @Test
  void absoluteSymlinkInAParent_staysInsideTheRoot() throws Exception {
    Path outside = Files.createDirectories(jail.resolve("outside"));
    Path rootfs = jail.resolve("rootfs");
    ImageUnpacker.builder()
        .build()
        .unpack(
            image(new Layer().symlink("evil", outside.toString()).file("evil/inside", "x")),
            rootfs);
    assertThat(rootfs.resolve(outside.toString().substring(1)).resolve("inside")).hasContent("x");
    try (Stream<Path> files = Files.list(outside)) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void fileReplacingASymlink_doesNotWriteThroughIt() throws Exception {
    Path outside = Files.createDirectories(jail.resolve("outside"));
    Files.writeString(outside.resolve("secret"), "keep");
    Path rootfs = jail.resolve("rootfs");
    ImageUnpacker.builder()
        .build()
        .unpack(
            image(
                new Layer().symlink("x", outside.resolve("secret").toString()),
                new Layer().file("x", "replaced")),
            rootfs);
    assertThat(Files.isSymbolicLink(rootfs.resolve("x"))).isFalse();
    assertThat(rootfs.resolve("x")).hasContent("replaced");
    assertThat(outside.resolve("secret")).hasContent("keep");
  }

  @Test
  void deviceNodes_refusedWhenAskedTo() throws Exception {
    Path rootfs = jail.resolve("rootfs");
    OciImage image = image(new Layer().device("dev/null", 1, 3));
    assertThatThrownBy(
            () ->
                ImageUnpacker.builder()
                    .deviceNodes(ImageUnpacker.DeviceNodes.REFUSE)
                    .build()
                    .unpack(image, rootfs))
        .hasMessageContaining("device nodes are not allowed");
    assertThat(rootfs).doesNotExist();
    UnpackResult skipped =
        ImageUnpacker.builder()
            .deviceNodes(ImageUnpacker.DeviceNodes.SKIP)
            .build()
            .unpack(image, rootfs);
    assertThat(skipped.skippedDeviceNodes()).containsExactly("dev/null");
    assertThat(rootfs.resolve("dev/null")).doesNotExist();
  }

  @Test
  void tamperedBlob_isRefused() throws Exception {
    TestLayout layout = new TestLayout(jail.resolve("layout"));
    layout.image("t", RUNTIME, base());
    OciImage image = OciImageLayout.open(layout.dir()).image("t", "linux/amd64");
    Path blob =
        layout.dir().resolve("blobs/sha256").resolve(image.layers().get(0).digest().substring(7));
    byte[] bytes = Files.readAllBytes(blob);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(blob, bytes);
    Path rootfs = jail.resolve("rootfs");
    assertThatThrownBy(() -> ImageUnpacker.builder().build().unpack(image, rootfs))
        .isInstanceOf(OciImageException.class)
        .hasMessageContaining("layer 1");
    assertThat(rootfs).doesNotExist();
  }

  @Test
  void blobLongerThanItsDescriptor_isRefused() throws Exception {
    TestLayout layout = new TestLayout(jail.resolve("layout"));
    layout.image("t", RUNTIME, base());
    OciImage image = OciImageLayout.open(layout.dir()).image("t", "linux/amd64");
    Path blob =
        layout.dir().resolve("blobs/sha256").resolve(image.layers().get(0).digest().substring(7));
    Files.write(blob, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);
    Path rootfs = jail.resolve("rootfs");
    assertThatThrownBy(() -> ImageUnpacker.builder().build().unpack(image, rootfs))
        .hasMessageContaining("larger than its descriptor's size");
    assertThat(rootfs).doesNotExist();
  }

  @Test
  void existingNonEmptyTarget_isRefusedAndKept() throws Exception {
    Path rootfs = Files.createDirectories(jail.resolve("rootfs"));
    Files.writeString(rootfs.resolve("mine"), "x");
    assertThatThrownBy(() -> ImageUnpacker.builder().build().unpack(image(base()), rootfs))
        .hasMessageContaining("is not empty");
    assertThat(rootfs.resolve("mine")).exists();
    assertThat(Files.exists(rootfs, LinkOption.NOFOLLOW_LINKS)).isTrue();
  }
}
