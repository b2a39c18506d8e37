package io.pvekit.lxc.internal.proxmox;

import io.pvekit.lxc.CgroupLayout;
import io.pvekit.lxc.Explanation;
import io.pvekit.lxc.Explanation.FieldMapping;
import io.pvekit.lxc.Explanation.Outcome;
import io.pvekit.lxc.FieldKey;
import io.pvekit.lxc.LxcTranslator;
import io.pvekit.lxc.ProxmoxLxcOptions;
import io.pvekit.lxc.ProxmoxLxcPlan;
import io.pvekit.lxc.TranslationOptions;
import io.pvekit.oci.OciCpu;
import io.pvekit.oci.OciIdMapping;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciMemory;
import io.pvekit.oci.OciMount;
import io.pvekit.oci.OciNamespace;
import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciSpec;
import io.pvekit.proxmox.LxcCreateRequest;
import io.pvekit.proxmox.LxcFeatures;
import io.pvekit.proxmox.LxcMountPoint;
import io.pvekit.proxmox.LxcNet;
import io.pvekit.proxmox.LxcRootFs;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Builds the Proxmox plan on top of the LXC translation (for a cgroup v2 host, which every Proxmox
 * VE 7+ is): fields with an API parameter become it; the rest keep the LXC lines the translator
 * made, which only the container's config file can hold.
 */
public final class PlanBuilder {
  /** Mounts Proxmox's own LXC setup provides in every container. */
  private static final Set<String> STANDARD_MOUNTS =
      Set.of("/proc", "/dev", "/dev/pts", "/dev/shm", "/dev/mqueue", "/sys", "/sys/fs/cgroup");

  /** An entry PVE's {@code env} pattern accepts. */
  private static final Pattern ENV_ENTRY = Pattern.compile("\\w+=[^\\x00-\\x08\\x10-\\x1F\\x7F]*");

  /** Proxmox refuses less ({@code memory:int[16,]}). */
  private static final long MIN_MEMORY_MIB = 16;

  private PlanBuilder() {}

  public static ProxmoxLxcPlan plan(OciSpec spec, ProxmoxLxcOptions o) {
    Explanation lxc =
        LxcTranslator.explain(
            spec,
            TranslationOptions.builder()
                .bundle(o.bundle())
                .containerName(Integer.toString(o.vmid().value()))
                .cgroupLayout(CgroupLayout.UNIFIED)
                .addHookRunner("<hook-runner>")
                .build());
    LxcCreateRequest.Builder request =
        LxcCreateRequest.builder()
            .vmid(o.vmid())
            .osTemplate(o.osTemplate())
            .rootFs(LxcRootFs.newVolume(o.rootfsStorage(), o.rootfsSizeGib()).build())
            .addTags("oci")
            .addAllTags(o.tags());
    List<FieldMapping> mappings = new ArrayList<>();
    List<String> configLines = new ArrayList<>();
    OciLinux linux = spec.linux().orElse(OciLinux.builder().build());
    boolean standardMapping = standardUnprivileged(linux);
    boolean unprivileged = o.unprivileged().orElse(standardMapping);
    request.unprivileged(unprivileged);
    if (unprivileged) {
      request.features(LxcFeatures.builder().nesting(true).build());
    }
    if (spec.hostname().isEmpty()) {
      o.defaultHostname().ifPresent(name -> request.hostname(dnsLabel(name)));
    }
    int mountPoint = 0;
    for (FieldMapping m : lxc.mappings()) {
      FieldKey key = m.key();
      Optional<String> api = Optional.empty();
      if (key == FieldKey.HOSTNAME) {
        String label = dnsLabel(spec.hostname().orElseThrow());
        request.hostname(label);
        if (!label.equals(spec.hostname().orElseThrow())) {
          mappings.add(
              with(m, Outcome.APPROXIMATED, "API: hostname " + label + " (a DNS name)", List.of()));
          continue;
        }
        api = Optional.of("hostname");
      } else if (key == FieldKey.ROOT_PATH) {
        api =
            Optional.of(
                o.ociReference()
                    .map(
                        ref ->
                            "rootfs on "
                                + o.rootfsStorage().value()
                                + ", ostemplate: image "
                                + ref
                                + " pulled by Proxmox (oci-registry-pull)")
                    .orElse(
                        "rootfs, ostemplate: the template's tree on " + o.rootfsStorage().value()));
      } else if (key == FieldKey.MEMORY_LIMIT) {
        api = memory(spec, request);
      } else if (key == FieldKey.MEMORY_SWAP) {
        api = swap(spec, request);
      } else if (key == FieldKey.CPU_QUOTA) {
        api = cpuLimit(spec, request);
      } else if (key == FieldKey.CPU_PERIOD) {
        api = Optional.of("cpulimit (with quota)");
      } else if (key == FieldKey.CPU_SHARES) {
        long shares =
            linux.resources().flatMap(r -> r.cpu()).flatMap(c -> boxed(c.shares())).orElse(1024L);
        request.putExtra(
            "cpuunits",
            Long.toString(Math.max(1, Math.min(10000, 1 + ((shares - 2) * 9999) / 262142))));
        api = Optional.of("cpuunits (cgroup v2 weight)");
      } else if (key == FieldKey.NAMESPACE && namespace(linux, m).type().equals("network")) {
        if (namespace(linux, m).path().isPresent()) {
          mappings.add(
              refused(
                  m,
                  "Proxmox gives each container its own network; joining a namespace is not expressible"));
          continue;
        }
        if (!o.network()) {
          mappings.add(
              with(
                  m,
                  Outcome.MAPPED,
                  "Proxmox's own namespace, loopback only (no net0)",
                  List.of()));
          continue;
        }
        request.putNetworks(0, network(o));
        api =
            Optional.of(
                "net0 ("
                    + o.bridge()
                    + ", "
                    + o.ip()
                    + (o.applicationContainer() ? ", host-managed" : "")
                    + ")");
      } else if (key == FieldKey.NAMESPACE || key == FieldKey.NAMESPACES) {
        if (key == FieldKey.NAMESPACES && lacksNetwork(linux)) {
          mappings.add(refused(m, "Proxmox containers always get their own network namespace"));
          continue;
        }
        mappings.add(
            with(
                m, Outcome.MAPPED, "Proxmox creates the container's namespaces itself", List.of()));
        continue;
      } else if ((key == FieldKey.UID_MAPPING || key == FieldKey.GID_MAPPING) && unprivileged) {
        if (!standardMapping) {
          mappings.add(
              with(
                  m,
                  Outcome.APPROXIMATED,
                  "API: unprivileged: 1; Proxmox's own 0 -> 100000 (65536) mapping replaces it",
                  List.of()));
          continue;
        }
        api = Optional.of("unprivileged: 1 (Proxmox's 100000 + 65536 mapping)");
      } else if (key == FieldKey.MOUNT) {
        OciMount mount = spec.mounts().get(m.index().orElseThrow());
        if (STANDARD_MOUNTS.contains(mount.destination())) {
          mappings.add(
              with(
                  m,
                  Outcome.MAPPED,
                  "Proxmox's LXC setup mounts " + mount.destination() + " itself",
                  List.of()));
          continue;
        }
        Optional<LxcMountPoint> mp = bindMountPoint(o, mount);
        if (mp.isPresent() && m.outcome() != Outcome.REFUSED) {
          request.putMountPoints(mountPoint, mp.get());
          api = Optional.of("mp" + mountPoint++ + " (bind mount point; needs root@pam)");
        }
      } else if (o.applicationContainer() && key == FieldKey.PROCESS_ARGS) {
        Optional<String> entrypoint = lineValue(m, "lxc.execute.cmd");
        if (entrypoint.isEmpty()) {
          mappings.add(
              refused(
                  m,
                  "entrypoint is one command line: an argument holding both quote characters or a"
                      + " line break cannot be written into it"));
          continue;
        }
        request.entrypoint(entrypoint.get());
        request.putExtra("cmode", "console");
        // an application container's rootfs is no distribution Proxmox's setup could manage
        request.putExtra("ostype", "unmanaged");
        api = Optional.of("entrypoint, cmode: console, ostype: unmanaged");
      } else if (o.applicationContainer() && key == FieldKey.PROCESS_ENV) {
        for (String entry : spec.process().map(OciProcess::env).orElse(List.of())) {
          if (ENV_ENTRY.matcher(entry).matches()) {
            int eq = entry.indexOf('=');
            request.putEnv(entry.substring(0, eq), entry.substring(eq + 1));
          }
        }
        api = Optional.of("env (NUL-separated)");
      } else if (o.applicationContainer()
          && key == FieldKey.PROCESS_ENV_ENTRY
          && m.outcome() != Outcome.REFUSED) {
        String entry =
            spec.process().map(OciProcess::env).orElse(List.of()).get(m.index().orElseThrow());
        if (!ENV_ENTRY.matcher(entry).matches()) {
          mappings.add(
              refused(
                  m,
                  "Proxmox's env holds NAME=VALUE with a NAME of letters, digits and _ and a"
                      + " VALUE without control characters"));
          continue;
        }
        api = Optional.of("env");
      } else if (key == FieldKey.ANNOTATIONS || key == FieldKey.OCI_VERSION) {
        mappings.add(with(m, Outcome.IGNORED, "metadata; the container is tagged oci", List.of()));
        continue;
      }
      if (api.isPresent()) {
        mappings.add(with(m, Outcome.MAPPED, "API: " + api.get(), List.of()));
      } else if (m.outcome() == Outcome.REFUSED) {
        mappings.add(m);
      } else if (!m.lxcLines().isEmpty()) {
        configLines.addAll(m.lxcLines());
        mappings.add(
            with(
                m,
                Outcome.APPROXIMATED,
                "not an API property: needs these lines in /etc/pve/lxc/"
                    + o.vmid().value()
                    + ".conf",
                m.lxcLines()));
      } else {
        mappings.add(m);
      }
    }
    return ProxmoxLxcPlan.builder()
        .request(request.build())
        .addAllMappings(mappings)
        .addAllConfigFileLines(configLines)
        .build();
  }

  private static Optional<String> memory(OciSpec spec, LxcCreateRequest.Builder request) {
    long limit = memoryOf(spec).flatMap(m -> boxed(m.limit())).orElse(-1L);
    if (limit <= 0) {
      return Optional.empty();
    }
    long mib = Math.max(MIN_MEMORY_MIB, mib(limit));
    request.memoryMib(mib);
    return Optional.of(
        "memory: " + mib + " MiB" + (mib > mib(limit) ? " (Proxmox's minimum)" : ""));
  }

  private static Optional<String> swap(OciSpec spec, LxcCreateRequest.Builder request) {
    Optional<OciMemory> memory = memoryOf(spec);
    long limit = memory.flatMap(m -> boxed(m.limit())).orElse(-1L);
    long swap = memory.flatMap(m -> boxed(m.swap())).orElse(-1L);
    if (limit <= 0 || swap < limit) {
      return Optional.empty();
    }
    request.swapMib(mib(swap - limit));
    return Optional.of("swap: " + mib(swap - limit) + " MiB (memory+swap minus memory)");
  }

  private static Optional<String> cpuLimit(OciSpec spec, LxcCreateRequest.Builder request) {
    Optional<OciCpu> cpu = spec.linux().flatMap(OciLinux::resources).flatMap(r -> r.cpu());
    long quota = cpu.flatMap(c -> boxed(c.quota())).orElse(-1L);
    long period = cpu.flatMap(c -> boxed(c.period())).orElse(100_000L);
    if (quota <= 0 || period <= 0) {
      return Optional.empty();
    }
    double limit = Math.round(quota * 100.0 / period) / 100.0;
    request.putExtra("cpulimit", String.valueOf(limit));
    int cores = (int) Math.max(1, Math.ceil(limit));
    request.cores(cores);
    return Optional.of("cpulimit: " + limit + ", cores: " + cores);
  }

  private static Optional<LxcMountPoint> bindMountPoint(ProxmoxLxcOptions o, OciMount mount) {
    boolean bind =
        mount.type().orElse("").equals("bind")
            || mount.options().contains("bind")
            || mount.options().contains("rbind");
    if (!bind || mount.source().isEmpty()) {
      return Optional.empty();
    }
    String source =
        o.bundle().resolve(mount.source().get()).toAbsolutePath().normalize().toString();
    return Optional.of(
        LxcMountPoint.builder(source, mount.destination())
            .readOnly(mount.options().contains("ro"))
            .build());
  }

  private static LxcNet network(ProxmoxLxcOptions o) {
    LxcNet.Builder net = LxcNet.builder().name("eth0").bridge(o.bridge()).ip(o.ip());
    if (o.applicationContainer()) {
      net.hostManaged(true);
    }
    return net.build();
  }

  /** The value of the translator's line {@code key = value} for this field, if it made one. */
  private static Optional<String> lineValue(FieldMapping m, String key) {
    String prefix = key + " = ";
    return m.lxcLines().stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()))
        .findFirst();
  }

  /**
   * A DNS label (Proxmox checks the {@code dns-name} format): lower case, anything else than
   * letters, digits and dashes a dash, at most 63 characters.
   */
  static String dnsLabel(String name) {
    String label = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    label = label.replaceAll("^-+|-+$", "");
    if (label.isEmpty()) {
      label = "container";
    }
    return label.length() > 63 ? label.substring(0, 63).replaceAll("-+$", "") : label;
  }

  /** Proxmox's unprivileged containers map 0..65535 to 100000..165535. */
  private static boolean standardUnprivileged(OciLinux linux) {
    OciIdMapping standard =
        OciIdMapping.builder().containerId(0).hostId(100000).size(65536).build();
    return linux.uidMappings().equals(List.of(standard))
        && linux.gidMappings().equals(List.of(standard));
  }

  private static boolean lacksNetwork(OciLinux linux) {
    return linux.namespaces().stream().noneMatch(n -> n.type().equals("network"));
  }

  private static Optional<OciMemory> memoryOf(OciSpec spec) {
    return spec.linux().flatMap(OciLinux::resources).flatMap(r -> r.memory());
  }

  private static long mib(long bytes) {
    return (bytes + (1 << 20) - 1) >> 20;
  }

  private static Optional<Long> boxed(java.util.OptionalLong value) {
    return value.isPresent() ? Optional.of(value.getAsLong()) : Optional.empty();
  }

  /** The namespace a {@link FieldKey#NAMESPACE} mapping reports, from the model. */
  private static OciNamespace namespace(OciLinux linux, FieldMapping m) {
    return linux.namespaces().get(m.index().orElseThrow());
  }

  private static FieldMapping refused(FieldMapping m, String note) {
    return with(m, Outcome.REFUSED, note, List.of());
  }

  private static FieldMapping with(
      FieldMapping m, Outcome outcome, String note, List<String> lines) {
    return FieldMapping.builder()
        .field(m.field())
        .value(m.value())
        .outcome(outcome)
        .note(note)
        .addAllLxcLines(lines)
        .build();
  }
}
