package io.pvekit.oci.attack;

import static io.pvekit.oci.attack.AttackImages.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pvekit.oci.ImageUnpacker;
import io.pvekit.oci.OciBundles;
import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageException;
import io.pvekit.oci.OciImageLayout;
import io.pvekit.oci.UnpackResult;
import io.pvekit.oci.internal.fs.RootedFs;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The attack corpus of the image unpacker (issue 13): every layer is built here, byte by byte. Each
 * test checks the refusal (or the safe result) and that nothing beside the target changed.
 */
class UnpackAttackTest {
  private static final String RUNTIME = "{\"Cmd\":[\"/bin/sh\"]}";

  @TempDir Path jail;
  private Path target;
  private Map<String, String> before;

  @BeforeEach
  void canaries() throws Exception {
    AttackImages.plantCanaries(jail);
    target = jail.resolve("target");
    before = AttackImages.snapshot(jail, target);
  }

  private OciImage image(byte[]... tars) throws Exception {
    OciImage image = AttackImages.image(jail.resolve("layout"), RUNTIME, tars);
    before = AttackImages.snapshot(jail, target);
    return image;
  }

  /** Through the public type: the generated one is not public. */
  static UnpackResult unpack(ImageUnpacker unpacker, OciImage image, Path target) throws Exception {
    return unpacker.unpack(image, target);
  }

  private void assertRefused(ImageUnpacker unpacker, OciImage image, String... message)
      throws Exception {
    assertThatThrownBy(() -> unpacker.unpack(image, target))
        .isInstanceOf(OciImageException.class)
        .hasMessageContainingAll(message);
    assertThat(target).doesNotExist();
    assertUntouched();
  }

  private void assertUntouched() throws Exception {
    assertThat(AttackImages.snapshot(jail, target)).isEqualTo(before);
  }

  private static Map<String, byte[]> records(String... keyValues) {
    Map<String, byte[]> map = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], utf8(keyValues[i + 1]));
    }
    return map;
  }

  // hole 3: bundles open to every host user

  @Test
  void bundle_isMode0700_whetherNewOrExisting() throws Exception {
    OciImage image = image(new RawTar().dir("bin/").file("bin/su", "setuid").bytes());
    OciBundles.create(image, target, ImageUnpacker.builder().build());
    assertThat(Files.getAttribute(target, "unix:mode")).isEqualTo(040700);
    assertThat(target.resolve("rootfs/bin/su")).hasContent("setuid");

    Path existing = Files.createDirectory(jail.resolve("existing"));
    Files.setAttribute(existing, "unix:mode", 0755);
    OciBundles.create(image, existing, ImageUnpacker.builder().build());
    assertThat(Files.getAttribute(existing, "unix:mode")).isEqualTo(040700);
    before.put("existing", AttackImages.snapshot(jail, target).get("existing"));
    Map<String, String> after = AttackImages.snapshot(jail, target);
    after.keySet().removeIf(k -> k.startsWith("existing/"));
    assertThat(after).isEqualTo(before);
  }

  // hole 7: sparse entries and size bombs

  @Test
  void sparse_oldGnuEntryOfNearly8GiB_keepsItsHoles() throws Exception {
    // the largest size an octal field holds: commons-compress 1.28 reads no base-256 sparse sizes
    // (it refuses such entries as corrupt, which fails closed)
    long size = (8L << 30) - 1;
    byte[] data = "the only data".repeat(39).getBytes(StandardCharsets.US_ASCII);
    byte[] tar = new RawTar().oldGnuSparse("big", size, size - data.length, data).bytes();
    assertThat(tar.length).isLessThanOrEqualTo(2048);
    UnpackResult result =
        unpack(ImageUnpacker.builder().maxUnpackedBytes(4096).build(), image(tar), target);

    Path big = target.resolve("big");
    assertThat(Files.size(big)).isEqualTo(size);
    assertThat(allocatedBytes(big)).isLessThan(1 << 20);
    assertThat(result.bytes()).isEqualTo(data.length);
    try (RandomAccessFile file = new RandomAccessFile(big.toFile(), "r")) {
      byte[] tail = new byte[data.length];
      file.seek(size - data.length);
      file.readFully(tail);
      assertThat(tail).isEqualTo(data);
      file.seek(size / 2);
      assertThat(file.read()).isZero();
    }
    assertUntouched();
  }

  @Test
  void sparse_pax10Entry_keepsItsHoles() throws Exception {
    long size = 1L << 30;
    byte[] data = utf8("data at one mebibyte");
    byte[] tar = new RawTar().paxSparse("disk.img", size, 1 << 20, data).bytes();
    unpack(ImageUnpacker.builder().build(), image(tar), target);

    Path img = target.resolve("disk.img");
    assertThat(Files.size(img)).isEqualTo(size);
    assertThat(allocatedBytes(img)).isLessThan(1 << 20);
    try (RandomAccessFile file = new RandomAccessFile(img.toFile(), "r")) {
      byte[] read = new byte[data.length];
      file.seek(1 << 20);
      file.readFully(read);
      assertThat(read).isEqualTo(data);
    }
    assertThat(target.resolve("GNUSparseFile.0")).doesNotExist();
    assertUntouched();
  }

  @Test
  void sparse_oldGnuEntryOf8GiBOrMore_isRefusedClearly() throws Exception {
    byte[] tar = new RawTar().oldGnuSparse("big", 8L << 30, 0, utf8("data")).bytes();
    assertRefused(ImageUnpacker.builder().build(), image(tar), "8 GiB or more", "--format=posix");
  }

  @Test
  void sparseMapBeyondTheFileSize_isRefused() throws Exception {
    byte[] tar = new RawTar().oldGnuSparse("big", 4096, 1L << 30, utf8("data")).bytes();
    assertThatThrownBy(() -> unpack(ImageUnpacker.builder().build(), image(tar), target))
        .isInstanceOf(OciImageException.class)
        .hasMessageContaining("Sparse block extends beyond real size");
    assertThat(target).doesNotExist();
    assertUntouched();
  }

  @Test
  void maxUnpackedBytes_stopsTheUnpack_andRemovesEverything() throws Exception {
    byte[] tar = new RawTar().file("a", "x".repeat(3000)).file("b", "y".repeat(3000)).bytes();
    assertRefused(
        ImageUnpacker.builder().maxUnpackedBytes(5000).build(),
        image(tar),
        "entry \"b\"",
        "more than 5000 bytes",
        "maxUnpackedBytes");
  }

  @Test
  void maxExpansionRatio_stopsADecompressionBomb() throws Exception {
    byte[] zeros = new byte[32 << 20];
    byte[] tar = new RawTar().entry(utf8("zeros"), '0', zeros, new byte[0], 0644).bytes();
    OciImage image = image(tar);
    assertRefused(
        ImageUnpacker.builder().maxExpansionRatio(100).build(),
        image,
        "expands more than 100 times",
        "maxExpansionRatio");
    // without the option the same layer unpacks: the limit is what stopped it
    unpack(ImageUnpacker.builder().build(), image, target);
    assertThat(Files.size(target.resolve("zeros"))).isEqualTo(zeros.length);
  }

  @Test
  void limits_mustBePositive() {
    // the README's example
    ImageUnpacker unpacker =
        ImageUnpacker.builder().maxUnpackedBytes(20L << 30).maxExpansionRatio(200).build();
    assertThat(unpacker.maxUnpackedBytes()).hasValue(20L << 30);
    assertThat(unpacker.maxExpansionRatio()).hasValue(200);
    assertThatThrownBy(() -> ImageUnpacker.builder().maxUnpackedBytes(0).build())
        .hasMessageContaining("maxUnpackedBytes 0");
    assertThatThrownBy(() -> ImageUnpacker.builder().maxExpansionRatio(0).build())
        .hasMessageContaining("maxExpansionRatio 0");
  }

  // hole 8: a PAX global header renames later entries

  @ParameterizedTest
  @ValueSource(strings = {"path", "linkpath", "size", "uid", "mtime", "SCHILY.xattr.user.x"})
  void paxGlobalHeader_withAnEntryAttribute_isRefused(String key) throws Exception {
    byte[] tar =
        new RawTar()
            .pax('g', records(key, key.equals("path") ? "bin/sh" : "1"))
            .file("innocent.txt", "#!/bin/evil\n")
            .bytes();
    assertRefused(
        ImageUnpacker.builder().build(), image(tar), "PAX global header sets \"" + key + "\"");
  }

  @Test
  void paxGlobalHeader_withOnlyAComment_isIgnored() throws Exception {
    byte[] tar =
        new RawTar()
            .pax('g', records("comment", "made by git archive"))
            .file("innocent.txt", "text\n")
            .bytes();
    unpack(ImageUnpacker.builder().build(), image(tar), target);
    assertThat(target.resolve("innocent.txt")).hasContent("text");
    assertThat(target.resolve("bin")).doesNotExist();
    assertUntouched();
  }

  @Test
  void twoPaxHeadersForOneEntry_areRefused() throws Exception {
    byte[] tar =
        new RawTar()
            .pax('x', records("path", "innocent.txt"))
            .pax('x', records("path", "bin/sh"))
            .file("x", "#!/bin/evil\n")
            .bytes();
    assertRefused(ImageUnpacker.builder().build(), image(tar), "two PAX headers");
  }

  @Test
  void gnuLongNameBesideAPaxPath_isRefused() throws Exception {
    byte[] tar =
        new RawTar()
            .gnuLong('L', utf8("innocent.txt"))
            .pax('x', records("path", "bin/sh"))
            .file("x", "#!/bin/evil\n")
            .bytes();
    assertRefused(ImageUnpacker.builder().build(), image(tar), "two names");
  }

  @Test
  void metadataHeaderOverOneMebibyte_isRefusedBeforeItIsRead() throws Exception {
    byte[] tar =
        new RawTar().pax('x', records("comment", "a".repeat(2 << 20))).file("x", "x").bytes();
    assertRefused(
        ImageUnpacker.builder().build(), image(tar), "more than the 1048576 bytes allowed");
  }

  // robustness: names are bytes, never re-encoded

  @ParameterizedTest
  @ValueSource(strings = {"ustar name", "pax path", "gnu long name", "symlink target"})
  void namesThatAreNotUtf8_areRefused(String where) throws Exception {
    byte[] latin1 = "caf\u00e9.txt".getBytes(StandardCharsets.ISO_8859_1);
    RawTar tar = new RawTar();
    switch (where) {
      case "ustar name":
        tar.entry(latin1, '0', utf8("x"), new byte[0], 0644);
        break;
      case "pax path":
        tar.pax('x', Map.of("path", latin1)).file("x", "x");
        break;
      case "gnu long name":
        tar.gnuLong('L', latin1).file("x", "x");
        break;
      default:
        tar.symlink("link", latin1);
    }
    assertRefused(
        ImageUnpacker.builder().build(), image(tar.bytes()), "caf\\xe9.txt", "not valid UTF-8");
  }

  @Test
  void nonAsciiNames_underACLocale_failClearly_andUnderUtf8_areExact() throws Exception {
    image(new RawTar().file("caf\u00e9.txt", "x").symlink("lien", utf8("\u00e9t\u00e9")).bytes());
    String refused = unpackInChild(List.of("env", "-i", "PATH=" + System.getenv("PATH")));
    // the name is named in escaped bytes, which any terminal shows as they are
    assertThat(refused).contains("refused:", "caf\\xc3\\xa9.txt", "LC_ALL=C.UTF-8");
    assertThat(target).doesNotExist();
    assertUntouched();

    String done =
        unpackInChild(List.of("env", "-i", "PATH=" + System.getenv("PATH"), "LC_ALL=C.UTF-8"));
    assertThat(done).isEqualTo("unpacked");
    assertThat(target.resolve("caf\u00e9.txt")).hasContent("x");
    assertThat(Files.readSymbolicLink(target.resolve("lien")).toString())
        .isEqualTo("\u00e9t\u00e9");
  }

  private String unpackInChild(List<String> env) throws Exception {
    List<String> command = new ArrayList<>(env);
    command.addAll(
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            UnpackMain.class.getName(),
            jail.resolve("layout").toString(),
            target.toString()));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    // the child prints in its own charset: read the bytes as what they are
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(out, StandardCharsets.UTF_8).trim();
  }

  // robustness: directory whiteouts stay linear

  @Test
  void forgettingDirectories_costsWhatWasForgotten_notWhatIsRemembered() throws Exception {
    RootedFs fs = new RootedFs(Files.createDirectory(jail.resolve("fs")));
    int n = 40_000;
    for (int i = 0; i < n; i++) {
      fs.created("d" + i, true);
      fs.created("d" + i + "/f", false);
      fs.remember("d" + i);
    }
    for (int i = 0; i < n; i++) {
      fs.forget("d" + i, true);
    }
    // three sets, each entry looked at once, plus the directory itself: linear. A scan of what is
    // remembered per whiteout would be about 3 * n * n / 2 = 2.4e9.
    assertThat(fs.forgetWork()).isBetween((long) n, 5L * n);
  }

  @Test
  void manyDirectoryWhiteouts_removeExactlyTheirDirectories() throws Exception {
    int n = 1000;
    RawTar lower = new RawTar().file("keep", "kept");
    RawTar upper = new RawTar();
    for (int i = 0; i < n; i++) {
      lower.dir("d" + i + "/").file("d" + i + "/f", "f");
      upper.file(".wh.d" + i, "");
    }
    UnpackResult result =
        unpack(ImageUnpacker.builder().build(), image(lower.bytes(), upper.bytes()), target);
    try (var left = Files.list(target)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("keep");
    }
    assertThat(result.entries()).isEqualTo(1L + 2L * n + n);
    assertUntouched();
  }

  // robustness: bounded reads of what the image controls

  @Test
  void hugeImagePasswd_failsClearly_andLeavesNoBundle() throws Exception {
    long size = 17L << 20;
    byte[] line = utf8("\napp:x:1000:1000::/home/app:/bin/sh\n");
    byte[] tar =
        new RawTar().dir("etc/").oldGnuSparse("etc/passwd", size, size - line.length, line).bytes();
    OciImage image = AttackImages.image(jail.resolve("layout"), "{\"User\":\"app\"}", tar);
    before = AttackImages.snapshot(jail, target);
    assertThatThrownBy(() -> OciBundles.create(image, target, ImageUnpacker.builder().build()))
        .isInstanceOf(OciImageException.class)
        .hasMessageContaining("/etc/passwd is larger than 16777216 bytes");
    assertThat(target).doesNotExist();
    assertUntouched();
  }

  @Test
  void anErrorWhileUnpacking_stillRemovesTheBundle() throws Exception {
    OciImage image = image(new RawTar().file("a", "a").bytes());
    ImageUnpacker failing =
        new ImageUnpacker() {
          @Override
          public List<io.pvekit.oci.OciIdMapping> uidMappings() {
            return List.of();
          }

          @Override
          public List<io.pvekit.oci.OciIdMapping> gidMappings() {
            return List.of();
          }

          @Override
          public java.util.OptionalLong maxUnpackedBytes() {
            return java.util.OptionalLong.empty();
          }

          @Override
          public java.util.OptionalLong maxExpansionRatio() {
            return java.util.OptionalLong.empty();
          }

          @Override
          public UnpackResult unpack(OciImage i, Path rootfs) throws java.io.IOException {
            Files.createDirectories(rootfs.resolve("half"));
            throw new OutOfMemoryError("simulated");
          }
        };
    assertThatThrownBy(() -> OciBundles.create(image, target, failing))
        .isInstanceOf(OutOfMemoryError.class);
    assertThat(target).doesNotExist();
    assertUntouched();
  }

  @Test
  void hugeIndexJson_isRefusedWithoutReadingIt() throws Exception {
    image(new RawTar().file("a", "a").bytes());
    try (RandomAccessFile index =
        new RandomAccessFile(jail.resolve("layout/index.json").toFile(), "rw")) {
      index.setLength(3L << 30);
    }
    assertThatThrownBy(() -> OciImageLayout.open(jail.resolve("layout")))
        .isInstanceOf(OciImageException.class)
        .hasMessageContaining("index.json is larger than 8388608 bytes");
  }

  @Test
  void indexJsonThatIsAFifo_isRefusedWithoutBlocking() throws Exception {
    image(new RawTar().file("a", "a").bytes());
    Path index = jail.resolve("layout/index.json");
    Files.delete(index);
    mkfifo(index);
    assertThatThrownBy(() -> OciImageLayout.open(jail.resolve("layout")))
        .isInstanceOf(OciImageException.class)
        .hasMessageContaining("index.json is not a regular file");
  }

  // robustness: messages that name the real cause

  @Test
  void blobThatIsAFifo_isNamedAsSuch_notAsMissing() throws Exception {
    byte[] tar = new RawTar().file("a", "a").bytes();
    List<String> layers =
        AttackImages.writeLayout(jail.resolve("layout"), RUNTIME, AttackImages.LAYER_GZIP, tar);
    Path blob = jail.resolve("layout/blobs/sha256").resolve(layers.get(0).substring(7));
    Files.delete(blob);
    mkfifo(blob);
    OciImage image = OciImageLayout.open(jail.resolve("layout")).image("t", "linux/amd64");
    before = AttackImages.snapshot(jail, target);
    assertRefused(ImageUnpacker.builder().build(), image, "is not a regular file", "is a FIFO");
  }

  @Test
  void indexEntryThatIsALayer_isNamedAsSuch() throws Exception {
    Path layout = jail.resolve("layout");
    List<String> layers =
        AttackImages.writeLayout(
            layout, RUNTIME, AttackImages.LAYER_GZIP, new RawTar().file("a", "a").bytes());
    long size = Files.size(layout.resolve("blobs/sha256").resolve(layers.get(0).substring(7)));
    Files.writeString(
        layout.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
            + AttackImages.LAYER_GZIP
            + "\",\"digest\":\""
            + layers.get(0)
            + "\",\"size\":"
            + size
            + ",\"annotations\":{\"org.opencontainers.image.ref.name\":\"t\"}}]}");
    assertThatThrownBy(() -> OciImageLayout.open(layout).image("t", "linux/amd64"))
        .isInstanceOf(OciImageException.class)
        .hasMessageContainingAll(
            layers.get(0) + " is a " + AttackImages.LAYER_GZIP, "not an image manifest or index")
        .hasMessageNotContaining("no manifest for platform");
  }

  private static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }

  /** st_blocks * 512, from stat(1): Java has no attribute for the space a file takes. */
  private static long allocatedBytes(Path file) throws Exception {
    Process p = new ProcessBuilder("stat", "-c", "%b", file.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
    assertThat(p.waitFor()).isZero();
    return Long.parseLong(out) * 512;
  }
}
