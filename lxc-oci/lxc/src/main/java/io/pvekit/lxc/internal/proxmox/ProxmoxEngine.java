package io.pvekit.lxc.internal.proxmox;

import io.pvekit.lxc.ContainerExistsException;
import io.pvekit.lxc.ContainerNotFoundException;
import io.pvekit.lxc.ContainerState;
import io.pvekit.lxc.ContainerStateException;
import io.pvekit.lxc.ContainerStatus;
import io.pvekit.lxc.LxcRuntimeException;
import io.pvekit.lxc.ProxmoxBackend;
import io.pvekit.lxc.ProxmoxLxc;
import io.pvekit.lxc.ProxmoxLxcOptions;
import io.pvekit.lxc.ProxmoxLxcPlan;
import io.pvekit.lxc.UnsupportedOciFeatureException;
import io.pvekit.lxc.internal.runtime.ContainerEngine;
import io.pvekit.lxc.internal.runtime.ContainerId;
import io.pvekit.lxc.internal.runtime.ContainerRecord;
import io.pvekit.lxc.internal.runtime.Signals;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.internal.fs.Trees;
import io.pvekit.proxmox.LxcCreateRequest;
import io.pvekit.proxmox.NodeApi;
import io.pvekit.proxmox.ProxmoxException;
import io.pvekit.proxmox.ProxmoxVersion;
import io.pvekit.proxmox.StorageApi;
import io.pvekit.proxmox.StorageId;
import io.pvekit.proxmox.VmId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The OCI lifecycle on Proxmox VE: create = the rootfs as a template ({@link RootfsTemplates},
 * uploaded once per content digest; or the image the bundle names, pulled by Proxmox once, {@link
 * OciTemplates}) + {@code POST /nodes/{node}/lxc} with the request {@link ProxmoxLxc#plan} makes
 * for a PVE 9.1 application container; start/kill/state/delete = the container's status calls. What
 * the plan cannot express at all refuses the create; its config-file lines are listed in the
 * container's notes. The container records live under the runtime's state root like local ones, so
 * {@code state} and {@code list} work the same way.
 */
public final class ProxmoxEngine implements ContainerEngine {
  /** The tag that marks the containers this runtime created. */
  static final String TAG = "proxmox-lxcri";

  /** Proxmox's limit for {@code description}. */
  private static final int MAX_DESCRIPTION = 8191;

  private final Path root;
  private final ProxmoxBackend backend;
  private final NodeApi node;
  private final RootfsTemplates templates;
  private final OciTemplates images;
  private final ProxmoxGuests guests;

  public ProxmoxEngine(Path root, ProxmoxBackend backend) {
    this.root = root.toAbsolutePath();
    this.backend = backend;
    this.node = backend.client().node(backend.node());
    StorageApi storage = node.storage(backend.templateStorage());
    this.templates = new RootfsTemplates(storage, backend.templateStorage(), backend.taskTimeout());
    this.images = new OciTemplates(storage, backend.templateStorage(), backend.taskTimeout());
    this.guests = new ProxmoxGuests(backend);
  }

  @Override
  public Path root() {
    return root;
  }

  @Override
  public ContainerState create(ContainerId id, Path bundle) {
    Path dir = root.resolve(id.value());
    try {
      Files.createDirectories(root);
      Files.createDirectory(dir);
    } catch (FileAlreadyExistsException e) {
      throw new ContainerExistsException(id.value(), root.toString());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir, e);
    }
    ContainerRecord record = new ContainerRecord();
    record.id = id.value();
    record.bundle = bundle.toAbsolutePath();
    record.created = Instant.now();
    record.backend.put("node", backend.node());
    try {
      record.save(dir);
      OciSpec spec = OciSpec.read(record.bundle.resolve("config.json"));
      record.ociVersion = spec.ociVersion();
      record.annotations.putAll(spec.annotations());
      requireApplicationContainers(id);
      VmId vmid = backend.client().cluster().nextId();
      Optional<String> image =
          backend.pullImages() ? OciTemplates.reference(spec) : Optional.empty();
      ProxmoxLxcPlan plan = ProxmoxLxc.plan(spec, options(id, record.bundle, vmid, image));
      if (!plan.notExpressible().isEmpty()) {
        throw new UnsupportedOciFeatureException("Proxmox VE", plan.notExpressible());
      }
      image.ifPresent(ref -> record.backend.put("image", ref));
      record.backend.put(
          "template",
          image.isPresent()
              ? images.pull(image.get())
              : templates.publish(spec, record.bundle, dir));
      record.backend.put("vmid", Integer.toString(vmid.value()));
      record.save(dir);
      LxcCreateRequest request =
          LxcCreateRequest.builder()
              .from(plan.request())
              .osTemplate(ProxmoxGuests.template(record))
              .description(description(record, plan))
              .build();
      try {
        node.lxc().create(request).await(backend.taskTimeout());
      } catch (ProxmoxException e) {
        guests.remove(record);
        throw e;
      }
      record.status = ContainerStatus.CREATED;
      record.save(dir);
      return state(record, ContainerStatus.CREATED, 0);
    } catch (IOException | RuntimeException e) {
      removeDir(dir);
      if (e instanceof ProxmoxException) {
        throw failure(id, "create in Proxmox VE node " + backend.node(), (ProxmoxException) e);
      }
      if (e instanceof RuntimeException) {
        throw (RuntimeException) e;
      }
      throw new UncheckedIOException((IOException) e);
    }
  }

  /**
   * The process becomes the container's init through {@code entrypoint} and {@code env}, which
   * Proxmox VE has since 9.1; before that a container always boots its template's init.
   */
  private void requireApplicationContainers(ContainerId id) {
    ProxmoxVersion version = backend.client().version();
    if (!ProxmoxLxcOptions.supportsApplicationContainers(version)) {
      throw new LxcRuntimeException(
          id.value(),
          "Proxmox VE "
              + version.version()
              + " cannot run an OCI process as a container's init (the entrypoint and env"
              + " container options came with 9.1): upgrade the cluster or use the local backend");
    }
  }

  /**
   * What the plan needs; the template's volume comes later, as its name is the digest of the
   * archive: planning first means a refused config.json costs no archive.
   */
  private ProxmoxLxcOptions options(
      ContainerId id, Path bundle, VmId vmid, Optional<String> image) {
    ProxmoxLxcOptions.Builder options =
        ProxmoxLxcOptions.builder()
            .vmid(vmid)
            .bundle(bundle)
            .osTemplate(backend.templateStorage() + ":vztmpl/pending")
            .rootfsStorage(StorageId.of(backend.rootStorage()))
            .rootfsSizeGib(backend.rootSizeGib())
            .network(backend.bridge().isPresent())
            .applicationContainer(true)
            .unprivileged(backend.unprivileged())
            .defaultHostname(id.value())
            .ociReference(image)
            .addTags(TAG);
    backend.bridge().ifPresent(options::bridge);
    return options.build();
  }

  /**
   * Where the container came from, and the plan's config-file lines: the API cannot set them, so
   * they are listed where an operator looks (the container's notes) for root to add if wanted.
   */
  static String description(ContainerRecord record, ProxmoxLxcPlan plan) {
    StringBuilder text =
        new StringBuilder(
            "proxmox-lxcri container " + record.id + " (bundle " + record.bundle + ")");
    List<String> lines = plan.configFileLines();
    if (lines.isEmpty()) {
      return text.toString();
    }
    text.append("\n\nNot applied (not API properties; root can add them to /etc/pve/lxc/")
        .append(ProxmoxGuests.vmid(record))
        .append(".conf):\n");
    for (int i = 0; i < lines.size(); i++) {
      String more = "... and " + (lines.size() - i) + " more";
      if (text.length() + lines.get(i).length() + 1 + more.length() > MAX_DESCRIPTION) {
        text.append(more);
        break;
      }
      text.append(lines.get(i)).append('\n');
    }
    return text.toString();
  }

  @Override
  public ContainerState start(ContainerId id) {
    ContainerRecord record = load(id);
    ContainerStatus status = guests.live(record).status();
    if (status != ContainerStatus.CREATED) {
      throw new ContainerStateException(
          id.value(), status, "cannot start container " + id + " in state " + status.ociName());
    }
    try {
      guests.guest(record).start().await(backend.taskTimeout());
    } catch (ProxmoxException e) {
      throw failure(id, "start CT " + ProxmoxGuests.vmid(record), e);
    }
    record.status = ContainerStatus.RUNNING;
    save(record);
    return state(id);
  }

  @Override
  public ContainerState state(ContainerId id) {
    ContainerRecord record = load(id);
    ProxmoxGuests.Live live = guests.live(record);
    return state(record, live.status(), live.pid());
  }

  @Override
  public List<String> list() {
    List<String> ids = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return ids;
    }
    try (Stream<Path> entries = Files.list(root)) {
      entries
          .filter(p -> Files.isRegularFile(p.resolve(ContainerRecord.FILE)))
          .map(p -> p.getFileName().toString())
          .sorted()
          .forEach(ids::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ids;
  }

  /** KILL stops the container at once; any other signal asks it to shut down cleanly. */
  @Override
  public void kill(ContainerId id, int signal, boolean all) {
    ContainerRecord record = load(id);
    ContainerStatus status = guests.live(record).status();
    if (status != ContainerStatus.RUNNING && status != ContainerStatus.PAUSED) {
      throw new ContainerStateException(id.value(), status, "container " + id + " not running");
    }
    try {
      if (signal == Signals.SIGKILL) {
        guests.guest(record).stop();
      } else {
        guests.guest(record).shutdown();
      }
    } catch (ProxmoxException e) {
      throw failure(id, "stop CT " + ProxmoxGuests.vmid(record), e);
    }
  }

  @Override
  public void delete(ContainerId id, boolean force) {
    Path dir = root.resolve(id.value());
    if (!Files.isRegularFile(dir.resolve(ContainerRecord.FILE))) {
      if (force) {
        return;
      }
      throw new ContainerNotFoundException(id.value(), root.toString());
    }
    ContainerRecord record = load(id);
    ContainerStatus status = guests.live(record).status();
    if (!force && (status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED)) {
      throw new ContainerStateException(
          id.value(),
          status,
          "cannot delete container "
              + id
              + " that is not stopped: "
              + status.ociName()
              + "; kill it first or use delete --force");
    }
    try {
      if (status == ContainerStatus.RUNNING || status == ContainerStatus.PAUSED) {
        guests.guest(record).stop().await(backend.taskTimeout());
      }
      guests.remove(record);
    } catch (ProxmoxException e) {
      throw failure(id, "delete CT " + ProxmoxGuests.vmid(record), e);
    }
    removeDir(dir);
  }

  /** Proxmox VE reports no exit status: this waits for the stop and returns empty. */
  @Override
  public Optional<Integer> awaitExit(ContainerId id, Duration wait) throws InterruptedException {
    long deadline = System.nanoTime() + wait.toNanos();
    ContainerRecord record = load(id);
    while (System.nanoTime() < deadline
        && guests.live(record).status() != ContainerStatus.STOPPED) {
      Thread.sleep(200);
    }
    return Optional.empty();
  }

  private ContainerRecord load(ContainerId id) {
    try {
      return ContainerRecord.load(root.resolve(id.value()));
    } catch (NoSuchFileException e) {
      throw new ContainerNotFoundException(id.value(), root.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void save(ContainerRecord record) {
    record.save(root.resolve(record.id));
  }

  private static ContainerState state(ContainerRecord record, ContainerStatus status, long pid) {
    return ContainerState.builder()
        .id(record.id)
        .status(status)
        .pid(pid)
        .bundle(record.bundle)
        .created(record.created)
        .annotations(record.annotations)
        .ociVersion(record.ociVersion)
        .build();
  }

  static LxcRuntimeException failure(ContainerId id, String what, ProxmoxException e) {
    return new LxcRuntimeException(
        id.value(), "Proxmox VE could not " + what + ": " + e.getMessage(), List.of(), e);
  }

  private static void removeDir(Path dir) {
    try {
      Trees.delete(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + dir, e);
    }
  }
}
