package io.pvekit.lxc;

import io.pvekit.oci.TestRootfs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** config.json documents for runtime tests, written as text so each test shows what it asks. */
public final class TestBundles {
  private TestBundles() {}

  /** A JSON string literal. */
  public static String q(String value) {
    return io.pvekit.lxc.internal.runtime.Json.quote(value);
  }

  /** A JSON array of strings. */
  public static String array(List<String> values) {
    List<String> quoted = new ArrayList<>();
    for (String v : values) {
      quoted.add(q(v));
    }
    return "[" + String.join(",", quoted) + "]";
  }

  /** Builds a config.json; defaults are a plain busybox container like {@code runc spec}. */
  public static final class Spec {
    private List<String> args = List.of("/bin/true");
    private String user = "{\"uid\":0,\"gid\":0}";
    private String cwd = "/";
    private List<String> env = List.of("PATH=/bin");
    private boolean readonly;
    private String hostname = "box";
    private final List<String> mounts = new ArrayList<>();
    private final List<String> namespaces =
        new ArrayList<>(
            List.of(
                "{\"type\":\"pid\"}",
                "{\"type\":\"mount\"}",
                "{\"type\":\"ipc\"}",
                "{\"type\":\"uts\"}",
                "{\"type\":\"network\"}"));
    private String resources = "";
    private String capabilities = "";
    private String extraLinux = "";
    private String hooks = "";
    private String cgroupsPath = "";
    private String annotations = "";

    public Spec args(String... args) {
      this.args = List.of(args);
      return this;
    }

    public Spec user(int uid, int gid) {
      this.user = "{\"uid\":" + uid + ",\"gid\":" + gid + "}";
      return this;
    }

    /** The user with {@code process.user.umask} (an octal value such as 077). */
    public Spec user(int uid, int gid, int umask) {
      this.user = "{\"uid\":" + uid + ",\"gid\":" + gid + ",\"umask\":" + umask + "}";
      return this;
    }

    public Spec cwd(String cwd) {
      this.cwd = cwd;
      return this;
    }

    public Spec env(String... env) {
      this.env = List.of(env);
      return this;
    }

    public Spec readonly(boolean readonly) {
      this.readonly = readonly;
      return this;
    }

    public Spec hostname(String hostname) {
      this.hostname = hostname;
      return this;
    }

    public Spec mount(String destination, String type, String source, String... options) {
      mounts.add(
          "{\"destination\":"
              + q(destination)
              + ",\"type\":"
              + q(type)
              + ",\"source\":"
              + q(source)
              + ",\"options\":"
              + array(List.of(options))
              + "}");
      return this;
    }

    public Spec networkNamespace(String path) {
      namespaces.removeIf(ns -> ns.contains("network"));
      namespaces.add("{\"type\":\"network\",\"path\":" + q(path) + "}");
      return this;
    }

    /** {@code linux.resources} members without the braces, e.g. {@code "pids":{"limit":5}}. */
    public Spec resources(String members) {
      this.resources = members;
      return this;
    }

    /** Every capability set (bounding, effective, permitted) set to {@code caps}. */
    public Spec capabilities(String... caps) {
      String list = array(List.of(caps));
      this.capabilities =
          "\"capabilities\":{\"bounding\":"
              + list
              + ",\"effective\":"
              + list
              + ",\"permitted\":"
              + list
              + "},";
      return this;
    }

    /** Every capability set, ambient and inheritable too, set to {@code caps}. */
    public Spec ambient(String... caps) {
      String list = array(List.of(caps));
      this.capabilities =
          "\"capabilities\":{\"bounding\":"
              + list
              + ",\"effective\":"
              + list
              + ",\"permitted\":"
              + list
              + ",\"inheritable\":"
              + list
              + ",\"ambient\":"
              + list
              + "},";
      return this;
    }

    /** {@code linux} members added verbatim, e.g. masked paths. */
    public Spec linux(String members) {
      this.extraLinux = members;
      return this;
    }

    /** The {@code hooks} object's members verbatim. */
    public Spec hooks(String members) {
      this.hooks = members;
      return this;
    }

    public Spec cgroupsPath(String path) {
      this.cgroupsPath = path;
      return this;
    }

    /** An annotation besides {@code io.pvekit.test} (the value is written verbatim). */
    public Spec annotation(String key, String value) {
      this.annotations += ",\"" + key + "\":\"" + value + "\"";
      return this;
    }

    public String json() {
      List<String> allMounts = new ArrayList<>();
      allMounts.add("{\"destination\":\"/proc\",\"type\":\"proc\",\"source\":\"proc\"}");
      allMounts.add(
          "{\"destination\":\"/dev\",\"type\":\"tmpfs\",\"source\":\"tmpfs\","
              + "\"options\":[\"nosuid\",\"mode=755\",\"size=65536k\"]}");
      allMounts.add(
          "{\"destination\":\"/sys\",\"type\":\"sysfs\",\"source\":\"sysfs\","
              + "\"options\":[\"nosuid\",\"noexec\",\"nodev\",\"ro\"]}");
      allMounts.addAll(mounts);
      StringBuilder linux = new StringBuilder("{\"namespaces\":[");
      linux.append(String.join(",", namespaces)).append(']');
      if (!resources.isEmpty()) {
        linux.append(",\"resources\":{").append(resources).append('}');
      }
      if (!cgroupsPath.isEmpty()) {
        linux.append(",\"cgroupsPath\":").append(q(cgroupsPath));
      }
      if (!extraLinux.isEmpty()) {
        linux.append(',').append(extraLinux);
      }
      linux.append('}');
      return "{\"ociVersion\":\"1.0.2\","
          + "\"root\":{\"path\":\"rootfs\",\"readonly\":"
          + readonly
          + "},"
          + "\"hostname\":"
          + q(hostname)
          + ","
          + "\"process\":{\"terminal\":false,\"user\":"
          + user
          + ",\"cwd\":"
          + q(cwd)
          + ",\"args\":"
          + array(args)
          + ",\"env\":"
          + array(env)
          + ","
          + capabilities
          + "\"noNewPrivileges\":true},"
          + (hooks.isEmpty() ? "" : "\"hooks\":{" + hooks + "},")
          + "\"annotations\":{\"io.pvekit.test\":\"yes\""
          + annotations
          + "},"
          + "\"mounts\":["
          + String.join(",", allMounts)
          + "],"
          + "\"linux\":"
          + linux
          + "}";
    }

    /** Writes bundle/config.json and a busybox rootfs (if missing); returns the bundle. */
    public Path write(Path bundle) throws IOException {
      if (!Files.exists(bundle.resolve("rootfs"))) {
        TestRootfs.create(bundle.resolve("rootfs"));
      }
      Files.writeString(bundle.resolve("config.json"), json());
      return bundle;
    }
  }
}
