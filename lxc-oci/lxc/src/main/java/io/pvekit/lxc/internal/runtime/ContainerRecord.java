package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerStatus;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What pvekit remembers about one container, in {@code ROOT/ID/state} as a properties file: loading
 * it costs no JSON library, which keeps {@code state}, {@code kill} and {@code delete} lean.
 * Written atomically (temp file + rename) so a runtime killed mid-write leaves the previous state.
 * The one state store of both backends: what only a backend needs (the Proxmox guest's vmid, node
 * and template) is kept under {@code backend.*} keys.
 */
public final class ContainerRecord {
  /** The file below the container's state directory. */
  public static final String FILE = "state";

  public String id;
  public Path bundle;

  /** The status as last recorded; the live status also looks at the processes. */
  public ContainerStatus status = ContainerStatus.CREATING;

  public Instant created = Instant.EPOCH;
  public String ociVersion = "1.0.2";
  long initPid;
  long initStart;

  /** The process whose exit status is the container's: pvekit's supervisor shell. */
  long supervisorPid;

  long supervisorStart;

  /** liblxc's monitor ({@code lxc-start -F}), the supervisor's child. */
  long monitorPid;

  long monitorStart;
  Map<String, Path> cgroups = new LinkedHashMap<>();
  Map<String, Path> monitorCgroups = new LinkedHashMap<>();
  public Map<String, String> annotations = new TreeMap<>();

  /** What only one backend keeps (for Proxmox: vmid, node, template), as backend.KEY. */
  public final Map<String, String> backend = new TreeMap<>();

  Map<String, List<HookCommand>> hooks = new LinkedHashMap<>();

  /**
   * @param dir the container's state directory
   * @return the record stored there
   * @throws IOException when it cannot be read
   */
  public static ContainerRecord load(Path dir) throws IOException {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(dir.resolve(FILE), StandardCharsets.UTF_8)) {
      p.load(reader);
    }
    ContainerRecord r = new ContainerRecord();
    r.id = p.getProperty("id");
    r.bundle = Path.of(p.getProperty("bundle", ""));
    r.status = ContainerStatus.valueOf(p.getProperty("status", "CREATING"));
    r.created = Instant.ofEpochSecond(number(p, "createdSeconds"), number(p, "createdNanos"));
    r.ociVersion = p.getProperty("ociVersion", r.ociVersion);
    r.initPid = number(p, "initPid");
    r.initStart = number(p, "initStart");
    r.supervisorPid = number(p, "supervisorPid");
    r.supervisorStart = number(p, "supervisorStart");
    r.monitorPid = number(p, "monitorPid");
    r.monitorStart = number(p, "monitorStart");
    for (String key : p.stringPropertyNames()) {
      String value = p.getProperty(key);
      if (key.startsWith("cgroup.")) {
        r.cgroups.put(key.substring(7), Path.of(value));
      } else if (key.startsWith("monitorCgroup.")) {
        r.monitorCgroups.put(key.substring(14), Path.of(value));
      } else if (key.startsWith("annotation.")) {
        r.annotations.put(key.substring(11), value);
      } else if (key.startsWith("backend.")) {
        r.backend.put(key.substring(8), value);
      }
    }
    r.hooks = HookCodec.decode(p);
    return r;
  }

  /**
   * Writes the record atomically.
   *
   * @param dir the container's state directory
   */
  public void save(Path dir) {
    Properties p = new Properties();
    p.setProperty("id", id);
    p.setProperty("bundle", bundle.toString());
    p.setProperty("status", status.name());
    p.setProperty("createdSeconds", Long.toString(created.getEpochSecond()));
    p.setProperty("createdNanos", Integer.toString(created.getNano()));
    p.setProperty("ociVersion", ociVersion);
    p.setProperty("initPid", Long.toString(initPid));
    p.setProperty("initStart", Long.toString(initStart));
    p.setProperty("supervisorPid", Long.toString(supervisorPid));
    p.setProperty("supervisorStart", Long.toString(supervisorStart));
    p.setProperty("monitorPid", Long.toString(monitorPid));
    p.setProperty("monitorStart", Long.toString(monitorStart));
    cgroups.forEach((k, v) -> p.setProperty("cgroup." + k, v.toString()));
    monitorCgroups.forEach((k, v) -> p.setProperty("monitorCgroup." + k, v.toString()));
    annotations.forEach((k, v) -> p.setProperty("annotation." + k, v));
    backend.forEach((k, v) -> p.setProperty("backend." + k, v));
    HookCodec.encode(hooks, p);
    try {
      Map<String, String> sorted = new TreeMap<>();
      p.stringPropertyNames().forEach(k -> sorted.put(k, p.getProperty(k)));
      Path temp = dir.resolve(FILE + ".tmp");
      Files.writeString(temp, PropertiesText.write(sorted), StandardCharsets.UTF_8);
      Files.move(temp, dir.resolve(FILE), StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the state of container " + id, e);
    }
  }

  List<HookCommand> hooks(String stage) {
    return hooks.getOrDefault(stage, List.of());
  }

  private static long number(Properties p, String key) {
    return Long.parseLong(p.getProperty(key, "0"));
  }

  /** Hooks as indexed properties: hook.STAGE.N.path / .timeout / .arg.M / .env.M. */
  static final class HookCodec {
    private HookCodec() {}

    static void encode(Map<String, List<HookCommand>> hooks, Properties p) {
      hooks.forEach(
          (stage, list) -> {
            for (int i = 0; i < list.size(); i++) {
              HookCommand hook = list.get(i);
              String prefix = "hook." + stage + "." + i + ".";
              p.setProperty(prefix + "path", hook.path());
              p.setProperty(prefix + "timeout", Integer.toString(hook.timeoutSeconds()));
              indexed(p, prefix + "arg.", hook.args());
              indexed(p, prefix + "env.", hook.env());
            }
          });
    }

    private static void indexed(Properties p, String prefix, List<String> values) {
      for (int i = 0; i < values.size(); i++) {
        p.setProperty(prefix + i, values.get(i));
      }
    }

    static Map<String, List<HookCommand>> decode(Properties p) {
      Map<String, List<HookCommand>> hooks = new LinkedHashMap<>();
      for (String stage : HookRunner.STAGES) {
        List<HookCommand> list = new ArrayList<>();
        for (int i = 0; p.getProperty("hook." + stage + "." + i + ".path") != null; i++) {
          String prefix = "hook." + stage + "." + i + ".";
          list.add(
              new HookCommand(
                  p.getProperty(prefix + "path"),
                  list(p, prefix + "arg."),
                  list(p, prefix + "env."),
                  Integer.parseInt(p.getProperty(prefix + "timeout", "0"))));
        }
        if (!list.isEmpty()) {
          hooks.put(stage, list);
        }
      }
      return hooks;
    }

    private static List<String> list(Properties p, String prefix) {
      List<String> values = new ArrayList<>();
      for (int i = 0; p.getProperty(prefix + i) != null; i++) {
        values.add(p.getProperty(prefix + i));
      }
      return values;
    }
  }
}
