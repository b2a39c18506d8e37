package io.pvekit.checks.internal.platform;

import io.pvekit.checks.CheckContext;
import io.pvekit.checks.CheckNotEvaluatedException;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.NodeSummary;
import io.pvekit.proxmox.StorageStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of the Proxmox VE API shared by checks, cached per run. */
final class Pve {
  static final String NO_NODES =
      "GET /nodes listed no node: the token lacks Sys.Audit on /nodes (PVE filters the list"
          + " instead of answering 403), or the cluster is empty";

  private Pve() {}

  static List<NodeSummary> nodes(CheckContext c) throws Exception {
    return c.cached("pve:nodes", () -> c.proxmox().nodes());
  }

  /** Online nodes; none visible means the token may not see them, so nothing can be judged. */
  static List<String> onlineNodes(CheckContext c) throws Exception {
    if (nodes(c).isEmpty()) {
      throw new CheckNotEvaluatedException(NO_NODES);
    }
    List<String> out = new ArrayList<>();
    for (NodeSummary n : nodes(c)) {
      if (n.status().equals("online")) {
        out.add(n.node().value());
      }
    }
    return out;
  }

  static List<ClusterResource> guests(CheckContext c) throws Exception {
    return c.cached("pve:guests", () -> c.proxmox().cluster().resources(ClusterResource.Kind.VM));
  }

  /** The storages of every online node, by node name. */
  static Map<String, List<StorageStatus>> storages(CheckContext c) throws Exception {
    return c.cached(
        "pve:storages",
        () -> {
          Map<String, List<StorageStatus>> out = new LinkedHashMap<>();
          try {
            List<String> nodes = onlineNodes(c);
            List<List<StorageStatus>> each =
                Parallel.map(nodes, node -> c.proxmox().node(node).storages());
            for (int i = 0; i < nodes.size(); i++) {
              out.put(nodes.get(i), each.get(i));
            }
          } catch (RuntimeException e) {
            throw e;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
          if (out.values().stream().allMatch(List::isEmpty)) {
            throw new CheckNotEvaluatedException(
                "no storage visible on any node: the token lacks Datastore.Audit (PVE filters"
                    + " the list instead of answering 403)");
          }
          return out;
        });
  }
}
