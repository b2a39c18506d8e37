package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import io.pvekit.proxmox.internal.Uploads;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code /nodes/{node}/storage/{storage}}: content, uploads and downloads of one storage. */
public final class StorageApi {
  private static final Set<String> UPLOAD_CONTENT = Set.of("iso", "vztmpl", "import");

  private final Transport transport;
  private final NodeName node;
  private final StorageId storage;

  StorageApi(Transport transport, NodeName node, StorageId storage) {
    this.transport = transport;
    this.node = node;
    this.storage = storage;
  }

  private ApiCall at(ApiCall call) {
    return call.path("node", node).path("storage", storage);
  }

  /**
   * One volume of this storage.
   *
   * @param volumeId the volume id, e.g. {@code local-lvm:vm-100-disk-0}
   * @return the volume
   */
  public StorageVolume volume(String volumeId) {
    return new StorageVolume(transport, node, storage, volumeId);
  }

  /**
   * {@code POST .../oci-registry-pull} (PVE 9.1): pulls an OCI image into this storage as a
   * container template.
   *
   * @param reference e.g. {@code docker.io/library/nginx:latest}
   * @param filename the template's file name, or null for PVE's choice
   * @return the task
   */
  public Task ociRegistryPull(String reference, String filename) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException(
          "reference: give an image like docker.io/library/alpine:3");
    }
    return transport.decode(
        at(ApiCall.post("/nodes/{node}/storage/{storage}/oci-registry-pull"))
            .param("reference", reference)
            .param("filename", filename),
        d -> Task.from(transport, d, "pull " + reference));
  }

  /** {@code GET .../content}: every volume. */
  public List<StorageContent> content() {
    return transport.decode(
        at(ApiCall.get("/nodes/{node}/storage/{storage}/content")),
        d -> Decode.list(d, Decode::content));
  }

  /** {@code GET .../content?content=...}: volumes of one type, e.g. {@code vztmpl}, {@code iso}. */
  public List<StorageContent> content(String contentType) {
    return transport.decode(
        at(ApiCall.get("/nodes/{node}/storage/{storage}/content")).param("content", contentType),
        d -> Decode.list(d, Decode::content));
  }

  /**
   * {@code POST .../upload} (multipart): uploads an ISO, container template or disk image. The
   * server copies it into place in a task ({@code imgcopy}).
   *
   * @param contentType {@code iso}, {@code vztmpl} or {@code import}
   * @param file the local file; its name becomes the target name
   * @return the copy task
   */
  public Task upload(String contentType, Path file) {
    return upload(contentType, file, file.getFileName().toString());
  }

  /**
   * {@code POST .../upload} (multipart) with a target name.
   *
   * @param contentType {@code iso}, {@code vztmpl} or {@code import}
   * @param file the local file
   * @param targetName the file name on the storage
   * @return the copy task
   */
  public Task upload(String contentType, Path file, String targetName) {
    if (!UPLOAD_CONTENT.contains(contentType)) {
      throw new IllegalArgumentException(
          "content: '" + contentType + "' is not one of iso, vztmpl, import");
    }
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException("file: '" + file + "' is not a readable file");
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("content", contentType);
    return transport.decode(
        at(ApiCall.post("/nodes/{node}/storage/{storage}/upload"))
            .params(fields)
            .body(Uploads.multipart(fields, targetName, file)),
        d -> Task.from(transport, d, "upload"));
  }

  /** {@code POST .../download-url}: the node downloads the file itself. */
  public Task downloadUrl(DownloadUrlRequest request) {
    return transport.decode(
        at(ApiCall.post("/nodes/{node}/storage/{storage}/download-url")).params(request.params()),
        d -> Task.from(transport, d, "download-url"));
  }
}
