package io.pvekit.examples;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.oci.ImageUnpacker;
import io.pvekit.oci.OciBundles;
import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageLayout;
import io.pvekit.oci.OciSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;

/**
 * The PostgreSQL bundle the integration test and {@code examples/bench/postgres/run.sh} run: the
 * rootfs of {@link PostgresRootfs} packaged as an OCI image layout, unpacked with pvekit's {@link
 * OciBundles} (as {@code umoci unpack} would), then the deployment's choices added to {@code
 * config.json}: the data directory bound from the host, the port, and the host's network (no
 * network namespace, so the server listens on a loopback port of the host).
 */
final class PostgresBundle {
  static final String TAG = "15";
  private static final ObjectMapper JSON = new ObjectMapper();

  private PostgresBundle() {}

  /**
   * Builds image and bundle under {@code work} ({@code work/rootfs-src}, {@code work/image}, {@code
   * work/bundle}).
   *
   * @param dataDir the host directory bound to {@link PostgresRootfs#HOME}, owned by uid:gid: the
   *     cluster is its subdirectory {@code data}, the server's log {@code startup.log}
   * @return the bundle directory
   */
  static Path create(Path work, Path dataDir, int port, int uid, int gid)
      throws IOException, InterruptedException {
    Path tree = work.resolve("rootfs-src");
    PostgresRootfs.build(tree, uid, gid);
    Path layout = work.resolve("image");
    PostgresImage.write(
        tree,
        layout,
        TAG,
        "postgres",
        List.of(
            "PATH=" + PostgresRootfs.PG_HOME + "/bin:/usr/bin:/bin",
            "PGDATA=" + PostgresRootfs.DATA_DIR,
            "TZ=UTC",
            "LANG=C"),
        PostgresRootfs.ENTRYPOINT);
    OciImage image = OciImageLayout.open(layout).image(TAG, "linux/amd64");
    Path bundle = work.resolve("bundle");
    OciBundles.create(image, bundle, ImageUnpacker.builder().build());
    deploy(bundle.resolve("config.json"), dataDir, port);
    OciSpec.read(bundle.resolve("config.json")); // still a valid runtime spec
    return bundle;
  }

  /** The deployment's part of config.json, as a Kubernetes pod spec would add it. */
  private static void deploy(Path configJson, Path dataDir, int port) throws IOException {
    ObjectNode config = (ObjectNode) JSON.readTree(configJson.toFile());
    ObjectNode process = (ObjectNode) config.get("process");
    process.put("terminal", false);
    ((ArrayNode) process.get("env")).add("PGPORT=" + port);
    ObjectNode data = ((ArrayNode) config.get("mounts")).addObject();
    data.put("destination", PostgresRootfs.HOME)
        .put("type", "bind")
        .put("source", dataDir.toString());
    data.putArray("options").add("rbind").add("rw");
    Iterator<JsonNode> namespaces = config.get("linux").get("namespaces").elements();
    while (namespaces.hasNext()) {
      if ("network".equals(namespaces.next().get("type").asText())) {
        namespaces.remove();
      }
    }
    JSON.writerWithDefaultPrettyPrinter().writeValue(configJson.toFile(), config);
  }

  /**
   * For the benchmark: {@code PostgresBundle WORK DATA_DIR PORT UID GID} prints the bundle path.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: PostgresBundle WORK DATA_DIR PORT UID GID");
      System.exit(2);
    }
    Path bundle =
        create(
            Path.of(args[0]),
            Path.of(args[1]),
            Integer.parseInt(args[2]),
            Integer.parseInt(args[3]),
            Integer.parseInt(args[4]));
    System.out.println(bundle);
  }
}
