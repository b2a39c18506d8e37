package io.pvekit.lxc.internal.proxmox;

import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.internal.runtime.PropertiesText;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** What the Proxmox backend remembers about one container: {@code ROOT/ID/state}. */
final class ProxmoxRecord {
  static final String FILE = "state";

  String id;
  Path bundle;
  ContainerStatus status = ContainerStatus.CREATING;
  Instant created = Instant.EPOCH;
  String ociVersion = "1.0.2";
  int vmid;
  String node;
  String template;
  Map<String, String> annotations = new TreeMap<>();

  static ProxmoxRecord load(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    ProxmoxRecord r = new ProxmoxRecord();
    r.id = p.getProperty("id");
    r.bundle = Path.of(p.getProperty("bundle", ""));
    r.status = ContainerStatus.valueOf(p.getProperty("status", "CREATING"));
    r.created = Instant.parse(p.getProperty("created", Instant.EPOCH.toString()));
    r.ociVersion = p.getProperty("ociVersion", r.ociVersion);
    r.vmid = Integer.parseInt(p.getProperty("vmid", "0"));
    r.node = p.getProperty("node", "");
    r.template = p.getProperty("template", "");
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("annotation.")) {
        r.annotations.put(key.substring(11), p.getProperty(key));
      }
    }
    return r;
  }

  void save(Path dir) throws IOException {
    Properties p = new Properties();
    p.setProperty("backend", "proxmox");
    p.setProperty("id", id);
    p.setProperty("bundle", bundle.toString());
    p.setProperty("status", status.name());
    p.setProperty("created", created.toString());
    p.setProperty("ociVersion", ociVersion);
    p.setProperty("vmid", Integer.toString(vmid));
    p.setProperty("node", node);
    p.setProperty("template", template == null ? "" : template);
    annotations.forEach((k, v) -> p.setProperty("annotation." + k, v));
    Map<String, String> sorted = new TreeMap<>();
    p.stringPropertyNames().forEach(k -> sorted.put(k, p.getProperty(k)));
    Path temp = dir.resolve(FILE + ".tmp");
    Files.writeString(temp, PropertiesText.write(sorted), StandardCharsets.UTF_8);
    Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
  }
}
