package io.pvekit.proxmox;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Parameters of {@code POST /nodes/{node}/storage/{storage}/download-url}: the node downloads a
 * file (ISO, container template, disk image to import) itself. Needs {@code Sys.AccessNetwork}.
 */
@Value.Immutable
public abstract class DownloadUrlRequest {
  DownloadUrlRequest() {}

  public abstract String url();

  /** {@code iso}, {@code vztmpl} or {@code import}. */
  public abstract String content();

  /** The target file name on the storage. */
  public abstract String filename();

  public abstract Optional<String> checksum();

  /** E.g. {@code sha256}. */
  public abstract Optional<String> checksumAlgorithm();

  /** E.g. {@code zst}, {@code gz} for a compressed image. */
  public abstract Optional<String> compression();

  public abstract Optional<Boolean> verifyCertificates();

  @Value.Check
  void check() {
    if (!java.util.Set.of("iso", "vztmpl", "import").contains(content())) {
      throw new IllegalArgumentException(
          "content: '" + content() + "' is not one of iso, vztmpl, import");
    }
    if (checksum().isPresent() != checksumAlgorithm().isPresent()) {
      throw new IllegalArgumentException(
          "checksum: give both checksum and checksumAlgorithm, or neither");
    }
  }

  Map<String, Object> params() {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("url", url());
    p.put("content", content());
    p.put("filename", filename());
    checksum().ifPresent(v -> p.put("checksum", v));
    checksumAlgorithm().ifPresent(v -> p.put("checksum-algorithm", v));
    compression().ifPresent(v -> p.put("compression", v));
    verifyCertificates().ifPresent(v -> p.put("verify-certificates", v));
    return p;
  }

  /**
   * A builder; url, content and filename are required.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link DownloadUrlRequest}. */
  public static final class Builder extends ImmutableDownloadUrlRequest.Builder {
    Builder() {}
  }
}
