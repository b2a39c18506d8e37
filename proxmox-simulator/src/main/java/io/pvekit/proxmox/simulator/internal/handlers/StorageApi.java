package io.pvekit.proxmox.simulator.internal.handlers;

import static io.pvekit.proxmox.simulator.internal.api.Checks.and;
import static io.pvekit.proxmox.simulator.internal.api.Checks.any;
import static io.pvekit.proxmox.simulator.internal.api.Checks.anyUser;
import static io.pvekit.proxmox.simulator.internal.api.Checks.or;
import static io.pvekit.proxmox.simulator.internal.api.Checks.perm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.api.Call;
import io.pvekit.proxmox.simulator.internal.api.Endpoint;
import io.pvekit.proxmox.simulator.internal.api.Json;
import io.pvekit.proxmox.simulator.internal.api.Router;
import io.pvekit.proxmox.simulator.internal.http.Multipart;
import io.pvekit.proxmox.simulator.internal.state.NodeState;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.StorageState;
import io.pvekit.proxmox.simulator.internal.state.Volume;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Storages: status list, content, template/ISO upload and download-url. */
public final class StorageApi {
  private static final String STORAGE = "/nodes/{node}/storage/{storage}";
  private static final List<String> ISO_EXT = List.of(".iso", ".img");
  private static final List<String> VZTMPL_EXT =
      List.of(".tar.gz", ".tar.xz", ".tar.zst", ".tar.bz2", ".tgz", ".tar");
  private static final List<String> IMPORT_EXT = List.of(".ova", ".qcow2", ".raw", ".vmdk", ".img");

  private StorageApi() {}

  /** Registers the endpoints. */
  public static void register(Router r) {
    r.add(new Endpoint("GET", "/nodes/{node}/storage", anyUser(), StorageApi::list));
    r.add(
        new Endpoint(
            "GET",
            STORAGE + "/content",
            any("/storage/{storage}", "Datastore.Audit", "Datastore.AllocateSpace"),
            StorageApi::content));
    r.add(
        new Endpoint(
            "POST",
            STORAGE + "/upload",
            perm("/storage/{storage}", "Datastore.AllocateTemplate"),
            StorageApi::upload));
    r.add(
        new Endpoint(
            "POST",
            STORAGE + "/download-url",
            and(
                perm("/storage/{storage}", "Datastore.AllocateTemplate"),
                or(
                    perm("/", "Sys.Audit", "Sys.Modify"),
                    perm("/nodes/{node}", "Sys.AccessNetwork"))),
            StorageApi::downloadUrl));
  }

  private static Object list(Call c) {
    NodeState node = c.world().node(c.node());
    String only = c.str("storage");
    Set<String> content = c.has("content") ? Set.of(c.str("content").split("[,;\\s]+")) : Set.of();
    ArrayNode out = Json.array();
    for (StorageState s : node.storages().values()) {
      if ((only != null && !only.equals(s.id()))
          || (!content.isEmpty() && s.content().stream().noneMatch(content::contains))
          || !ClusterApi.visible(c, s.id())) {
        continue;
      }
      ObjectNode entry = out.addObject();
      entry.put("storage", s.id());
      entry.put("type", s.type());
      entry.put("content", s.contentList());
      entry.put("active", 1);
      entry.put("enabled", 1);
      entry.put("shared", 0);
      entry.put("total", s.total());
      entry.put("used", s.used());
      entry.put("avail", s.avail());
      entry.put("used_fraction", s.total() == 0 ? 0.0 : (double) s.used() / s.total());
    }
    return out;
  }

  private static Object content(Call c) {
    StorageState storage = c.world().storage(c.node(), c.str("storage"));
    String content = c.str("content");
    String vmid = c.str("vmid");
    ArrayNode out = Json.array();
    for (Volume v : storage.volumes().values()) {
      if ((content != null && !content.equals(v.content()))
          || (vmid != null && !vmid.equals(Integer.toString(v.vmid())))) {
        continue;
      }
      if (v.vmid() != 0
          && !c.allowed("/vms/" + v.vmid(), "VM.Audit")
          && !c.allowed("/storage/" + storage.id(), "Datastore.Allocate")) {
        continue;
      }
      ObjectNode entry = out.addObject();
      entry.put("volid", v.volid());
      entry.put("content", v.content());
      entry.put("format", v.format());
      entry.put("size", v.size());
      entry.put("ctime", v.ctime());
      if (v.vmid() != 0) {
        entry.put("vmid", v.vmid());
        entry.put("used", v.parent() == null ? v.size() : 0);
      }
      if (v.parent() != null) {
        entry.put("parent", v.parent().substring(v.parent().indexOf(':') + 1));
      }
      BackupApi.describe(entry, storage, v);
    }
    return out;
  }

  private static Object upload(Call c) {
    World world = c.world();
    StorageState storage = world.storage(c.node(), c.str("storage"));
    List<Multipart.Part> files = c.files();
    if (files.isEmpty()) {
      throw new SimulatorError("upload failed: no file part named 'filename'");
    }
    Multipart.Part file = files.get(0);
    String content = c.str("content");
    String name = checkTarget(storage, content, c.str("filename"));
    if (c.has("checksum")) {
      String actual = digest(c.str("checksum-algorithm"), file.content());
      if (!actual.equalsIgnoreCase(c.str("checksum").trim())) {
        throw new SimulatorError(
            "checksum mismatch: got '" + actual + "' != expect '" + c.str("checksum") + "'");
      }
    }
    long size = file.content().length;
    return c.tasks()
        .start(
            c.node(),
            "imgcopy",
            "",
            c.subject(),
            null,
            false,
            t -> {
              store(world, storage, content, name, size);
              t.log()
                  .add("starting file import from: /var/tmp/pveupload-" + Long.toHexString(size));
              t.log().add("target node: " + c.node());
              t.log().add("target file: " + name);
              t.log().add("file size is: " + size);
            })
        .upidText();
  }

  private static Object downloadUrl(Call c) {
    World world = c.world();
    StorageState storage = world.storage(c.node(), c.str("storage"));
    String content = c.str("content");
    String name = checkTarget(storage, content, c.str("filename"));
    String url = c.str("url");
    long size = 64 * Sizes.MIB + (Math.abs(url.hashCode()) % 1024) * Sizes.KIB;
    return c.tasks()
        .start(
            c.node(),
            "download",
            "",
            c.subject(),
            null,
            false,
            t -> {
              t.log().add("downloading " + url + " to " + name);
              store(world, storage, content, name, size);
              t.log().add("download of '" + url + "' to '" + name + "' finished");
            })
        .upidText();
  }

  private static String checkTarget(StorageState storage, String content, String filename) {
    if (!storage.content().contains(content)) {
      throw new SimulatorError(
          "storage '" + storage.id() + "' does not support content-type '" + content + "'");
    }
    String lower = filename.toLowerCase(Locale.ROOT);
    List<String> allowed =
        switch (content) {
          case "iso" -> ISO_EXT;
          case "vztmpl" -> VZTMPL_EXT;
          default -> IMPORT_EXT;
        };
    if (allowed.stream().noneMatch(lower::endsWith) || filename.contains("/")) {
      throw new SimulatorError("invalid filename or wrong extension");
    }
    String name = content + "/" + filename;
    if (storage.has(name)) {
      throw new SimulatorError("refusing to override existing file '" + filename + "'");
    }
    return name;
  }

  private static void store(
      World world, StorageState storage, String content, String name, long size) {
    String file = name.substring(name.indexOf('/') + 1);
    String format =
        content.equals("iso")
            ? "iso"
            : Arrays.stream(new String[] {"tar.gz", "tar.xz", "tar.zst", "tar.bz2", "tgz", "tar"})
                .filter(file::endsWith)
                .findFirst()
                .orElse("raw");
    storage.add(
        new Volume(
            storage.id(), name, content, format, size, 0, world.clock().epochSecond(), null));
    world.changed();
  }

  private static String digest(String algorithm, byte[] data) {
    String java =
        switch (algorithm) {
          case "md5" -> "MD5";
          case "sha1" -> "SHA-1";
          case "sha224" -> "SHA-224";
          case "sha384" -> "SHA-384";
          case "sha512" -> "SHA-512";
          default -> "SHA-256";
        };
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance(java).digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
