package io.pvekit.codegen;

import java.util.Map;
import java.util.Set;

/**
 * What the hand-written client already has, so that the generated layer uses it: property-string
 * types for the parameters they model, and the endpoints whose string answer is not a task id.
 */
final class Known {
  private Known() {}

  /**
   * The client's property-string type for a parameter, by guest kind and parameter name; the keys
   * of each type are checked against both schemas by the client's PropertyStringSchemaTest.
   */
  private static final Map<String, String> PROPERTY_TYPES =
      Map.of(
          "qemu net[n]", "QemuNet",
          "qemu scsi[n]", "QemuDisk",
          "qemu virtio[n]", "QemuDisk",
          "qemu sata[n]", "QemuDisk",
          "qemu ide[n]", "QemuDisk",
          "qemu ipconfig[n]", "IpConfig",
          "lxc net[n]", "LxcNet",
          "lxc rootfs", "LxcRootFs",
          "lxc mp[n]", "LxcMountPoint",
          "lxc features", "LxcFeatures");

  /**
   * A string returned by POST, PUT or DELETE is the UPID of the task the call started, except for
   * these endpoints (their answer is a URL, a volume id, a lock token, monitor output or a MAC).
   */
  private static final Set<String> NOT_TASKS =
      Set.of(
          "POST /access/openid/auth-url",
          "POST /cluster/sdn/lock",
          "POST /nodes/{node}/qemu/{vmid}/monitor",
          "POST /nodes/{node}/storage/{storage}/content",
          "POST /nodes/{node}/wakeonlan");

  /** The client type of a property-string parameter, or null. */
  static String propertyType(String path, String param) {
    String kind =
        path.startsWith("/nodes/{node}/qemu")
            ? "qemu"
            : path.startsWith("/nodes/{node}/lxc") ? "lxc" : "";
    return PROPERTY_TYPES.get(kind + " " + param);
  }

  /** Whether a string answer of this endpoint is a task id. */
  static boolean returnsTask(String method, String path) {
    return !method.equals("GET") && !NOT_TASKS.contains(method + " " + path);
  }
}
