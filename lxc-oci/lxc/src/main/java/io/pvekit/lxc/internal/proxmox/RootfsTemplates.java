package io.pvekit.lxc.internal.proxmox;

import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.internal.template.TemplateWriter;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciSpec;
import io.pvekit.proxmox.StorageApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Bundle root file systems as Proxmox templates in one storage, named by their content: {@link
 * TemplateWriter} is reproducible, so every container of one image shares one template, uploaded
 * once. Templates are a cache and stay in the storage.
 *
 * @param storage the storage's API
 * @param storageId its name, the prefix of the volume ids
 * @param taskTimeout how long an upload may take
 */
record RootfsTemplates(StorageApi storage, String storageId, Duration taskTimeout) {

  /**
   * The bundle's rootfs as a template, uploaded unless the storage has it.
   *
   * @param work where the archive is written (and removed again)
   * @return the template's volume id, {@code STORAGE:vztmpl/pvekit-<sha256 prefix>.tar.zst}
   */
  String publish(OciSpec spec, Path bundle, Path work) throws IOException {
    String rootPath =
        spec.root()
            .orElseThrow(() -> new LxcRuntimeException(null, "config.json has no root.path"))
            .path();
    OciLinux linux = spec.linux().orElse(OciLinux.builder().build());
    Path archive = work.resolve("template.tar.zst");
    try {
      // an id-shifted rootfs (a user namespace's) goes back to container ids, as templates hold
      TemplateWriter.Written written =
          TemplateWriter.write(
              bundle.resolve(rootPath), archive, linux.uidMappings(), linux.gidMappings());
      String name = "pvekit-" + written.sha256().substring(0, 16) + ".tar.zst";
      String volid = storageId + ":vztmpl/" + name;
      if (storage.content("vztmpl").stream().noneMatch(c -> c.volid().equals(volid))) {
        storage.upload("vztmpl", archive, name).await(taskTimeout);
      }
      return volid;
    } finally {
      Files.deleteIfExists(archive);
    }
  }
}
