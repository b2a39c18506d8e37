package io.pvekit.lxc;

import io.pvekit.lxc.internal.template.TemplateWriter;
import io.pvekit.oci.OciIdMapping;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Proxmox VE container templates (the {@code vztmpl} content type): a root file system packed as
 * {@code .tar.zst} or {@code .tar.gz} with {@code ./}-relative entries, owners, modes, links and
 * device nodes kept. Upload it with the proxmox-client to a storage's {@code vztmpl} content and
 * use it as {@code ostemplate} of {@code POST /nodes/{node}/lxc}.
 *
 * <p>The archive is reproducible: the same tree gives the same bytes (sorted entries, numeric
 * owners only, no time in the gzip header, the root directory dated by its newest content), so its
 * digest can name it and identical root file systems share one template.
 *
 * <pre>{@code
 * VzTemplate.write(bundle.resolve("rootfs"), Path.of("/var/tmp/nginx-1.27_amd64.tar.zst"));
 * }</pre>
 */
public final class VzTemplate {
  private VzTemplate() {}

  /**
   * Writes the template (atomically).
   *
   * @param rootfs the root file system
   * @param archive the target, named {@code *.tar.zst} or {@code *.tar.gz}
   * @return the number of entries written
   * @throws IOException when the rootfs cannot be read or the archive written
   */
  public static long write(Path rootfs, Path archive) throws IOException {
    return TemplateWriter.write(rootfs, archive, List.of(), List.of()).entries();
  }

  /**
   * Writes the template of an id-shifted rootfs (unpacked for an unprivileged container), mapping
   * the owners back to container ids, as Proxmox expects them in a template.
   *
   * @param rootfs the root file system, owned by host ids
   * @param archive the target, named {@code *.tar.zst} or {@code *.tar.gz}
   * @param uidMappings the mappings the rootfs was unpacked with
   * @param gidMappings the mappings the rootfs was unpacked with
   * @return the number of entries written
   * @throws IOException when an owner is outside the mappings or a file fails
   */
  public static long write(
      Path rootfs, Path archive, List<OciIdMapping> uidMappings, List<OciIdMapping> gidMappings)
      throws IOException {
    return TemplateWriter.write(rootfs, archive, uidMappings, gidMappings).entries();
  }

  /**
   * The file name Proxmox's template lists use: {@code <name>_<version>_<arch>.tar.zst}.
   *
   * @param name for example {@code nginx}
   * @param version for example {@code 1.27-1}
   * @param architecture for example {@code amd64}
   * @return the file name
   */
  public static String fileName(String name, String version, String architecture) {
    return (name + "_" + version + "_" + architecture).replaceAll("[^A-Za-z0-9._+-]", "-")
        + ".tar.zst";
  }
}
