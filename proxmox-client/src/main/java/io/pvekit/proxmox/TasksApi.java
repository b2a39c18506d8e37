package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /nodes/{node}/tasks}: one node's task list, and tasks by UPID. */
public final class TasksApi {
  private final Transport transport;
  private final NodeName node;

  TasksApi(Transport transport, NodeName node) {
    this.transport = transport;
    this.node = node;
  }

  /** {@code GET /nodes/{node}/tasks}: recent tasks (PVE's default page of 50). */
  public List<TaskSummary> list() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/tasks").path("node", node),
        d -> Decode.list(d, Decode::taskSummary));
  }

  /** {@code GET /nodes/{node}/tasks?vmid=&limit=}: recent tasks of one guest. */
  public List<TaskSummary> list(VmId vmid, int limit) {
    return transport.decode(
        ApiCall.get("/nodes/{node}/tasks")
            .path("node", node)
            .param("vmid", vmid)
            .param("limit", limit),
        d -> Decode.list(d, Decode::taskSummary));
  }

  /** A task of this node by its UPID. */
  public Task task(Upid upid) {
    if (!upid.node().equals(node)) {
      throw new IllegalArgumentException(
          "upid: task " + upid + " runs on " + upid.node() + ", not on " + node);
    }
    return new Task(transport, upid);
  }
}
