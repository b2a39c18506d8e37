package io.pvekit.oci;

import io.pvekit.oci.internal.image.ImageDocuments;
import io.pvekit.oci.internal.image.VerifiedBlob;
import io.pvekit.oci.internal.json.OciJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/}), as {@code
 * skopeo copy ... oci:DIR:TAG} or {@code umoci} write it.
 *
 * <pre>{@code
 * OciImage image = OciImageLayout.open(Path.of("/images/alpine")).image("3.20", "linux/amd64");
 * }</pre>
 *
 * <p>Every document read is checked against its descriptor's digest and size.
 */
public final class OciImageLayout {
  /** The tag annotation of index entries. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  private static final long MAX_DOCUMENT = 8L * 1024 * 1024;

  private final Path dir;
  private final ImageDocuments.Index index;

  private OciImageLayout(Path dir, ImageDocuments.Index index) {
    this.dir = dir;
    this.index = index;
  }

  /**
   * Opens a layout directory.
   *
   * @param dir the directory
   * @return the layout
   * @throws OciImageException when it is not an OCI image layout
   * @throws IOException when it cannot be read
   */
  public static OciImageLayout open(Path dir) throws IOException {
    Path marker = dir.resolve("oci-layout");
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      throw new OciImageException(dir + " is not an OCI image layout: it has no oci-layout file");
    }
    ImageDocuments.Layout layout =
        document(readBounded(marker), ImageDocuments.Layout.class, marker.toString());
    if (layout.imageLayoutVersion == null || !layout.imageLayoutVersion.startsWith("1.")) {
      throw new OciImageException(
          marker + ": unsupported imageLayoutVersion \"" + layout.imageLayoutVersion + "\"");
    }
    Path indexFile = dir.resolve("index.json");
    if (!Files.exists(indexFile, LinkOption.NOFOLLOW_LINKS)) {
      throw new OciImageException(dir + " has no index.json");
    }
    return new OciImageLayout(
        dir, document(readBounded(indexFile), ImageDocuments.Index.class, indexFile.toString()));
  }

  /**
   * Reads a layout file (oci-layout, index.json) whole, refusing anything but a regular file and
   * more than {@link #MAX_DOCUMENT} bytes: the layout may come from anyone, the heap is ours.
   */
  private static byte[] readBounded(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      throw new OciImageException(
          file + " is not a regular file (a symlink, FIFO or directory is not read)");
    }
    byte[] content;
    try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
      content = in.readNBytes((int) MAX_DOCUMENT + 1);
    }
    if (content.length > MAX_DOCUMENT) {
      throw new OciImageException(
          file
              + " is larger than "
              + MAX_DOCUMENT
              + " bytes, more than a layout document may have");
    }
    return content;
  }

  /**
   * The tags of the layout's top-level index.
   *
   * @return the {@code org.opencontainers.image.ref.name} values, in index order
   */
  public List<String> tags() {
    List<String> tags = new ArrayList<>();
    for (OciDescriptor d : index.manifests) {
      Optional.ofNullable(d.annotations().get(REF_NAME))
          .filter(t -> !tags.contains(t))
          .ifPresent(tags::add);
    }
    return tags;
  }

  /**
   * Resolves an image for a platform.
   *
   * @param tag the tag; empty means "the only image in the layout"
   * @param platform {@code os/architecture[/variant]}, for example {@code linux/amd64}
   * @return the image, its manifest and config verified
   * @throws OciImageException when there is no such tag or platform, or a blob is invalid
   * @throws IOException when a blob cannot be read
   */
  public OciImage image(String tag, String platform) throws IOException {
    String[] wanted = platform.split("/");
    if (wanted.length < 2 || wanted.length > 3) {
      throw new OciImageException(
          "platform \"" + platform + "\": expected os/architecture[/variant]");
    }
    List<OciDescriptor> candidates = new ArrayList<>();
    for (OciDescriptor d : index.manifests) {
      String ref = d.annotations().get(REF_NAME);
      if (tag.isEmpty() || tag.equals(ref)) {
        candidates.add(d);
      }
    }
    if (candidates.isEmpty()) {
      throw new OciImageException(
          dir + " has no image tagged \"" + tag + "\"; its tags: " + String.join(", ", tags()));
    }
    if (tag.isEmpty() && tags().size() > 1) {
      throw new OciImageException(
          dir + " holds several images; name one of: " + String.join(", ", tags()));
    }
    OciDescriptor manifest = select(candidates, wanted, platform, 0);
    ImageDocuments.Manifest m =
        document(
            VerifiedBlob.readAll(dir, manifest, MAX_DOCUMENT),
            ImageDocuments.Manifest.class,
            manifest.digest());
    if (m.config == null) {
      throw new OciImageException("manifest " + manifest.digest() + " has no config");
    }
    OciImageConfig config =
        document(
            VerifiedBlob.readAll(dir, m.config, MAX_DOCUMENT),
            OciImageConfig.class,
            m.config.digest());
    if (!platformMatches(config.os(), config.architecture(), config.variant(), wanted)) {
      throw new OciImageException(
          "image "
              + manifest.digest()
              + " is for "
              + config.os()
              + "/"
              + config.architecture()
              + ", not "
              + platform);
    }
    if (config.rootfs().diffIds().size() != m.layers.size()) {
      throw new OciImageException(
          "image "
              + manifest.digest()
              + ": "
              + m.layers.size()
              + " layers but "
              + config.rootfs().diffIds().size()
              + " diff_ids in its config");
    }
    return OciImage.builder()
        .layout(dir)
        .reference(Optional.ofNullable(manifest.annotations().get(REF_NAME)).orElse(tag))
        .manifest(manifest)
        .config(config)
        .addAllLayers(m.layers)
        .putAllAnnotations(m.annotations)
        .build();
  }

  private OciDescriptor select(
      List<OciDescriptor> candidates, String[] wanted, String platform, int depth)
      throws IOException {
    if (depth > 4) {
      throw new OciImageException("image indexes nested more than 4 deep");
    }
    List<OciDescriptor> manifests = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (OciDescriptor d : candidates) {
      if (d.mediaType().equals(ImageDocuments.OCI_INDEX)
          || d.mediaType().equals(ImageDocuments.DOCKER_LIST)) {
        ImageDocuments.Index nested =
            document(
                VerifiedBlob.readAll(dir, d, MAX_DOCUMENT), ImageDocuments.Index.class, d.digest());
        manifests.add(select(nested.manifests, wanted, platform, depth + 1));
      } else if (d.mediaType().equals(ImageDocuments.OCI_MANIFEST)
          || d.mediaType().equals(ImageDocuments.DOCKER_MANIFEST)) {
        if (d.platform().isEmpty()
            || platformMatches(
                d.platform().get().os(),
                d.platform().get().architecture(),
                d.platform().get().variant(),
                wanted)) {
          manifests.add(d);
        }
      } else {
        others.add(d.digest() + " is a " + d.mediaType());
      }
    }
    if (manifests.isEmpty() && !others.isEmpty()) {
      throw new OciImageException(
          "no image manifest or index for platform "
              + platform
              + " in "
              + dir
              + ": "
              + String.join(", ", others)
              + ", which is not an image manifest or index");
    }
    if (manifests.isEmpty()) {
      throw new OciImageException("no manifest for platform " + platform + " in " + dir);
    }
    return manifests.get(0);
  }

  private static boolean platformMatches(
      String os, String arch, Optional<String> variant, String[] wanted) {
    return os.equals(wanted[0])
        && arch.equals(wanted[1])
        && (wanted.length < 3 || variant.orElse("").equals(wanted[2]));
  }

  static <T> T document(byte[] json, Class<T> type, String where) throws OciImageException {
    try {
      return OciJson.read(new ByteArrayInputStream(json), type);
    } catch (OciSpecException e) {
      throw new OciImageException(where + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new OciImageException(where + ": " + e.getMessage(), e);
    }
  }

  /**
   * The layout directory.
   *
   * @return the directory
   */
  public Path directory() {
    return dir;
  }
}
