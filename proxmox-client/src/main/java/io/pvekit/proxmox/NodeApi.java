package io.pvekit.proxmox;

import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.List;

/** {@code /nodes/{node}}: one node's status, network, storage, VMs, containers and tasks. */
public final class NodeApi {
  private final Transport transport;
  private final NodeName node;

  NodeApi(Transport transport, NodeName node) {
    this.transport = transport;
    this.node = node;
  }

  public NodeName name() {
    return node;
  }

  /** {@code GET /nodes/{node}/status}. */
  public NodeStatus status() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/status").path("node", node), Decode::nodeStatus);
  }

  /** {@code GET /nodes/{node}/network}: all interfaces. */
  public List<NetworkInterface> network() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/network").path("node", node),
        d -> Decode.list(d, Decode::network));
  }

  /** {@code GET /nodes/{node}/network?type=bridge}: the bridges VMs and containers attach to. */
  public List<NetworkInterface> bridges() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/network").path("node", node).param("type", "any_bridge"),
        d -> Decode.list(d, Decode::network));
  }

  /** {@code GET /nodes/{node}/storage}: the storages this node can use, with usage. */
  public List<StorageStatus> storages() {
    return transport.decode(
        ApiCall.get("/nodes/{node}/storage").path("node", node),
        d -> Decode.list(d, Decode::storage));
  }

  /** One storage on this node. */
  public StorageApi storage(String storage) {
    return storage(StorageId.of(storage));
  }

  /** One storage on this node. */
  public StorageApi storage(StorageId storage) {
    return new StorageApi(transport, node, storage);
  }

  /** QEMU VMs on this node. */
  public QemuApi qemu() {
    return new QemuApi(transport, node);
  }

  /** LXC containers on this node. */
  public LxcApi lxc() {
    return new LxcApi(transport, node);
  }

  /** Tasks of this node. */
  public TasksApi tasks() {
    return new TasksApi(transport, node);
  }

  /**
   * {@code GET /nodes/{node}/query-url-metadata}: file name, size and type at a URL, as this node
   * sees it (before {@link StorageApi#downloadUrl}).
   *
   * @param url an http(s) URL
   * @param verifyCertificates whether the node checks the server's TLS certificate
   * @return what the server reported
   */
  public UrlMetadata queryUrlMetadata(String url, boolean verifyCertificates) {
    return transport.decode(
        ApiCall.get("/nodes/{node}/query-url-metadata")
            .path("node", node)
            .param("url", url)
            .param("verify-certificates", verifyCertificates),
        d -> {
          Ergonomics.object(d, "url metadata");
          return ImmutableUrlMetadata.builder()
              .filename(Json.text(d, "filename"))
              .size(Json.integer(d, "size"))
              .mimetype(Json.text(d, "mimetype"))
              .build();
        });
  }

  /**
   * {@code GET /nodes/{node}/query-oci-repo-tags} (PVE 9.1): the tags of an OCI repository.
   *
   * @param reference e.g. {@code docker.io/library/alpine}
   * @return the tags
   */
  public List<String> queryOciRepoTags(String reference) {
    return transport.decode(
        ApiCall.get("/nodes/{node}/query-oci-repo-tags")
            .path("node", node)
            .param("reference", reference),
        d -> {
          if (d == null || !d.isArray()) {
            throw new IllegalArgumentException("oci repo tags: expected a list");
          }
          List<String> tags = new java.util.ArrayList<>();
          d.forEach(t -> tags.add(Json.text(t)));
          return tags;
        });
  }

  /**
   * {@code POST /nodes/{node}/migrateall}: moves every guest of this node (e.g. before
   * maintenance).
   *
   * @param target the node to move them to
   * @param maxWorkers how many migrations run at once
   * @param withLocalDisks also copy local disks of VMs
   * @return the task
   */
  public Task migrateAll(NodeName target, int maxWorkers, boolean withLocalDisks) {
    if (maxWorkers < 1) {
      throw new IllegalArgumentException("maxWorkers: " + maxWorkers + " must be at least 1");
    }
    return transport.decode(
        ApiCall.post("/nodes/{node}/migrateall")
            .path("node", node)
            .param("target", target)
            .param("maxworkers", maxWorkers)
            .param("with-local-disks", withLocalDisks),
        d -> Task.from(transport, d, "migrate all guests of " + node));
  }

  /**
   * {@code POST /nodes/{node}/vzdump}: backs up guests of this node.
   *
   * @param request the guests, storage, mode and compression
   * @return the {@code vzdump} task
   */
  public Task backup(BackupRequest request) {
    return transport.decode(
        ApiCall.post("/nodes/{node}/vzdump").path("node", node).params(request.params()),
        d -> Task.from(transport, d, "back up " + request.vmIds()));
  }

  /**
   * {@code GET /nodes/{node}/vzdump/extractconfig}: the guest config a backup archive holds.
   *
   * @param volumeId the archive's volume id, e.g. {@code
   *     local:backup/vzdump-qemu-101-2026_12_07-18_00_00.vma.zst}
   * @return the config keys and values as the guest had them at backup time
   */
  public java.util.Map<String, String> backupConfig(String volumeId) {
    if (volumeId == null || !volumeId.contains(":")) {
      throw new IllegalArgumentException(
          "volumeId: '" + volumeId + "' is not a volume id like local:backup/vzdump-....vma.zst");
    }
    return transport.decode(
        ApiCall.get("/nodes/{node}/vzdump/extractconfig")
            .path("node", node)
            .param("volume", volumeId),
        d -> {
          java.util.Map<String, String> config = new java.util.LinkedHashMap<>();
          String text = Json.text(d);
          for (String line : text == null ? new String[0] : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0 && !line.startsWith("#")) {
              config.put(line.substring(0, colon), line.substring(colon + 2));
            }
          }
          return config;
        });
  }

  /**
   * {@code POST /nodes/{node}/termproxy}: a shell console on the node for {@code vncwebsocket}.
   *
   * @return the ticket and port
   */
  public ConsoleTicket termProxy() {
    return transport.decode(
        ApiCall.post("/nodes/{node}/termproxy").path("node", node), Observing::console);
  }

  /**
   * {@code POST /nodes/{node}/vncshell} with {@code websocket=1}: a VNC console on the node's shell
   * for {@code vncwebsocket}.
   *
   * @return the ticket and port
   */
  public ConsoleTicket vncShell() {
    return transport.decode(
        ApiCall.post("/nodes/{node}/vncshell").path("node", node).param("websocket", true),
        Observing::console);
  }

  /**
   * Opens a shell on the node: {@link #termProxy()}, the {@code vncwebsocket} upgrade and the
   * terminal login. Needs {@code Sys.Console} on {@code /nodes/{node}}.
   *
   * @return the open session; close it to end the proxy's task
   */
  public ConsoleSession openTerminal() {
    return ConsoleSession.open(
        transport,
        ApiCall.get("/nodes/{node}/vncwebsocket").path("node", node),
        termProxy(),
        ConsoleSession.Kind.TERMINAL);
  }

  /**
   * Opens a VNC console on the node's shell: {@link #vncShell()} and the {@code vncwebsocket}
   * upgrade; the session carries raw RFB.
   *
   * @return the open session; close it to end the proxy's task
   */
  public ConsoleSession openVnc() {
    return ConsoleSession.open(
        transport,
        ApiCall.get("/nodes/{node}/vncwebsocket").path("node", node),
        vncShell(),
        ConsoleSession.Kind.VNC);
  }

  /**
   * {@code GET /nodes/{node}/rrddata}: the node's CPU, memory, load and network samples.
   *
   * @param timeframe how far back
   * @param consolidation average or maximum per step
   * @return the samples, oldest first
   */
  public List<RrdPoint> rrdData(
      RrdPoint.Timeframe timeframe, RrdPoint.Consolidation consolidation) {
    return Observing.rrd(
        transport,
        ApiCall.get("/nodes/{node}/rrddata").path("node", node),
        timeframe,
        consolidation);
  }
}
