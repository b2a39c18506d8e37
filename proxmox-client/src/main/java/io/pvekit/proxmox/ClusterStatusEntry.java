package io.pvekit.proxmox;

import java.util.Optional;
import org.immutables.value.Value;

/** One entry of {@code GET /cluster/status}: the cluster itself or one node. */
@Value.Immutable
public interface ClusterStatusEntry {
  /** {@code cluster} or {@code node}. */
  String type();

  String name();

  String id();

  /** Node entries: the corosync node id. */
  Optional<Long> nodeId();

  /** Node entries: whether the node is online. */
  Optional<Boolean> online();

  /** Node entries: the node's cluster address. */
  Optional<String> ip();

  /** Node entries: whether this is the node that answered. */
  Optional<Boolean> local();

  /** Cluster entry: whether the cluster has quorum. */
  Optional<Boolean> quorate();

  /** Cluster entry: the number of nodes. */
  Optional<Long> nodes();
}
