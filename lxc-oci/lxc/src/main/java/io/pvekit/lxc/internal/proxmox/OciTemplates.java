package io.pvekit.lxc.internal.proxmox;

import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.oci.OciSpec;
import io.pvekit.proxmox.StorageApi;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Images Proxmox VE 9.1 pulls itself ({@code oci-registry-pull}) into one storage as templates,
 * under a name of their reference: every container of one image shares it, pulled once. The name is
 * chosen here rather than left to Proxmox, so the template is found again without guessing its
 * naming rule.
 *
 * @param storage the storage's API
 * @param storageId its name, the prefix of the volume ids
 * @param taskTimeout how long a pull may take
 */
record OciTemplates(StorageApi storage, String storageId, Duration taskTimeout) {
  /** The annotations containerd's and CRI-O's CRI plugins put the image reference in. */
  static final List<String> REFERENCE_ANNOTATIONS =
      List.of("io.kubernetes.cri.image-name", "io.kubernetes.cri-o.ImageName");

  /** PVE's {@code reference} format: an optional registry, the repository, a tag (no digest). */
  private static final Pattern REFERENCE =
      Pattern.compile(
          "(?:(?:[a-zA-Z\\d]|[a-zA-Z\\d][a-zA-Z\\d-]*[a-zA-Z\\d])(?:\\.(?:[a-zA-Z\\d]|[a-zA-Z\\d]"
              + "[a-zA-Z\\d-]*[a-zA-Z\\d]))*(?::\\d+)?/)?[a-z\\d]+(?:(?:[._]|__|[-]*)[a-z\\d]+)*"
              + "(?:/[a-z\\d]+(?:(?:[._]|__|[-]*)[a-z\\d]+)*)*:\\w[\\w.-]{0,127}");

  /**
   * The image the bundle names, if Proxmox can pull it: a reference by digest (no tag) cannot be,
   * and the bundle's rootfs is used instead.
   */
  static Optional<String> reference(OciSpec spec) {
    return REFERENCE_ANNOTATIONS.stream()
        .map(spec.annotations()::get)
        .filter(r -> r != null && REFERENCE.matcher(r.strip()).matches())
        .map(String::strip)
        .findFirst();
  }

  /**
   * The image as a template, pulled unless the storage has it.
   *
   * @return the template's volume id, {@code STORAGE:vztmpl/pvekit-oci-<reference>.tar}
   */
  String pull(String reference) {
    String name = "pvekit-oci-" + reference.replaceAll("[^A-Za-z0-9._-]", "_");
    Optional<String> existing = find(name);
    if (existing.isPresent()) {
      return existing.get();
    }
    storage.ociRegistryPull(reference, name).await(taskTimeout);
    return find(name)
        .orElseThrow(
            () ->
                new LxcRuntimeException(
                    null,
                    "Proxmox VE pulled "
                        + reference
                        + " but storage "
                        + storageId
                        + " lists no template "
                        + name
                        + ".tar"));
  }

  /** Proxmox adds {@code .tar} to the file name it is given. */
  private Optional<String> find(String name) {
    String prefix = storageId + ":vztmpl/" + name;
    return storage.content("vztmpl").stream()
        .map(c -> c.volid())
        .filter(v -> v.equals(prefix + ".tar") || v.equals(prefix))
        .findFirst();
  }
}
