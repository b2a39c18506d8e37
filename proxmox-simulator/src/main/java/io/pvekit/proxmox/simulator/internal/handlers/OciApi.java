package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.and;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.state.Guest;
import io.pvekit.proxmox.simulator.internal.state.OciRegistry;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;

/**
 * PVE 9.1's OCI support: pulling an image into a storage as a container template, listing a
 * repository's tags, and the settings {@code pct create} takes from a pulled image.
 */
public final class OciApi {
  private static final String DENIED = "requested access to the resource is denied";

  private OciApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(
        new Endpoint(
            "POST",
            "/nodes/{node}/storage/{storage}/oci-registry-pull",
            and(
                perm("/storage/{storage}", "Datastore.AllocateTemplate"),
                perm("/nodes/{node}", "Sys.AccessNetwork")),
            OciApi::pull));
    r.add(
        new Endpoint(
            "GET",
            "/nodes/{node}/query-oci-repo-tags",
            perm("/nodes/{node}", "Sys.AccessNetwork"),
            OciApi::tags));
  }

  private static Object tags(Call c) {
    World world = c.world();
    world.node(c.node());
    String reference = c.str("reference");
    OciRegistry.Repository repository = world.ociRegistry().repository(reference);
    if (repository == null) {
      throw new SimulatorError(
          "failed to list tags of '" + OciRegistry.normalize(reference) + "': " + DENIED);
    }
    ArrayNode out = Json.array();
    repository.tags().forEach(out::add);
    return out;
  }

  /**
   * The template is {@code vztmpl/<filename>.tar}, by default {@code <image name>_<tag>.tar}; the
   * checks on the storage and the name fail the call, the registry's answer fails the task.
   */
  private static Object pull(Call c) {
    World world = c.world();
    StorageState storage = world.storage(c.node(), c.str("storage"));
    if (!storage.content().contains("vztmpl")) {
      throw new SimulatorError(
          "storage '" + storage.id() + "' is not configured for content-type 'vztmpl'");
    }
    String reference = c.str("reference");
    int colon = reference.lastIndexOf(':');
    String repositoryName = reference.substring(0, colon);
    String tag = reference.substring(colon + 1);
    String base =
        c.has("filename")
            ? c.str("filename")
            : repositoryName.substring(repositoryName.lastIndexOf('/') + 1) + "_" + tag;
    if (base.contains("/") || base.startsWith(".")) {
      throw new SimulatorError("invalid filename '" + base + "'");
    }
    String file = base + ".tar";
    String name = "vztmpl/" + file;
    if (storage.has(name)) {
      throw new SimulatorError("refusing to override existing file '" + file + "'");
    }
    return c.tasks()
        .start(
            c.node(),
            "download",
            // as download-url: the target file names the task, encoded as PVE's encode_text does
            file.replace("\\", "\\x5c").replace(":", "\\x3a"),
            c.subject(),
            null,
            false,
            t -> {
              String normalized = OciRegistry.normalize(repositoryName) + ":" + tag;
              t.log().add("pulling " + normalized + " into " + storage.id() + ":" + name);
              OciRegistry.Repository repository = world.ociRegistry().repository(repositoryName);
              if (repository == null) {
                throw new SimulatorError("unable to pull '" + normalized + "': " + DENIED);
              }
              if (!repository.tags().contains(tag)) {
                throw new SimulatorError("unable to pull '" + normalized + "': manifest unknown");
              }
              Volume volume =
                  new Volume(
                      storage.id(),
                      name,
                      "vztmpl",
                      "tar",
                      repository.image().size(),
                      0,
                      world.clock().epochSecond(),
                      null);
              storage.add(volume);
              world.ociRegistry().pulled().put(volume.volid(), repository.image());
              t.log().add("wrote " + repository.image().size() + " bytes to " + file);
              world.changed();
            })
        .upidText();
  }

  /**
   * A container created from a pulled image starts with the image's entrypoint, environment and
   * distribution and a console as its terminal; what the create call sets itself wins.
   */
  static void applyImage(World world, Guest guest, String ostemplate, Call c) {
    OciRegistry.Image image = world.ociRegistry().pulled().get(ostemplate);
    if (image == null) {
      return;
    }
    guest.config().put("entrypoint", image.entrypoint());
    guest.config().put("env", image.env());
    guest.config().put("cmode", "console");
    if (!c.has("ostype")) {
      guest.config().put("ostype", image.ostype());
    }
  }
}
