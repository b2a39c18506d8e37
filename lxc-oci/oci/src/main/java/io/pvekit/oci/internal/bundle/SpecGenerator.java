package io.pvekit.oci.internal.bundle;

import io.pvekit.oci.OciCapabilities;
import io.pvekit.oci.OciDeviceRule;
import io.pvekit.oci.OciImage;
import io.pvekit.oci.OciImageConfig;
import io.pvekit.oci.OciImageException;
import io.pvekit.oci.OciImageRuntimeConfig;
import io.pvekit.oci.OciLinux;
import io.pvekit.oci.OciMount;
import io.pvekit.oci.OciNamespace;
import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciResources;
import io.pvekit.oci.OciRlimit;
import io.pvekit.oci.OciRoot;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciUser;
import io.pvekit.oci.internal.ids.OciIds;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The runtime spec for an image, as {@code umoci unpack} makes it: the runtime's default spec, then
 * the image's Entrypoint + Cmd, Env, WorkingDir, User (through the image's passwd and group files),
 * Volumes as tmpfs mounts and Labels plus image facts as annotations. Two deliberate differences:
 * no inheritable or ambient capabilities (CVE-2022-24769), and pvekit's own version and host name.
 */
public final class SpecGenerator {
  public static final String OCI_VERSION = "1.2.0";
  static final String DEFAULT_PATH =
      "PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final List<String> DEFAULT_CAPS =
      List.of("CAP_AUDIT_WRITE", "CAP_KILL", "CAP_NET_BIND_SERVICE");

  private SpecGenerator() {}

  /** Out-of-range ids from USER or the image's passwd/group files would run as root (OciIds). */
  private static void checkIds(String spec, Accounts.Resolved user) throws OciImageException {
    List<Long> ids = new ArrayList<>(List.of(user.uid, user.gid));
    ids.addAll(user.additionalGids);
    for (long id : ids) {
      if (!OciIds.valid(id)) {
        throw new OciImageException("image user \"" + spec + "\": " + OciIds.problem(id));
      }
    }
  }

  public static OciSpec generate(OciImage image, Path rootfs, String hostname) throws IOException {
    OciImageConfig config = image.config();
    OciImageRuntimeConfig runtime = config.config().orElse(OciImageRuntimeConfig.builder().build());
    Accounts.Resolved user = new Accounts(rootfs).resolve(runtime.user().orElse(""));
    checkIds(runtime.user().orElse(""), user);

    List<String> env = new ArrayList<>(List.of(DEFAULT_PATH, "TERM=xterm"));
    for (String variable : runtime.env()) {
      setEnv(env, variable);
    }
    user.home.ifPresent(home -> setEnv(env, "HOME=" + home));

    List<String> args = new ArrayList<>(runtime.entrypoint());
    args.addAll(runtime.cmd());
    if (args.isEmpty()) {
      args.add("sh");
    }

    OciProcess process =
        OciProcess.builder()
            .terminal(true)
            .user(
                OciUser.builder()
                    .uid(user.uid)
                    .gid(user.gid)
                    .addAllAdditionalGids(user.additionalGids)
                    .build())
            .args(args)
            .env(env)
            .cwd(runtime.workingDir().filter(w -> !w.isEmpty()).orElse("/"))
            .capabilities(
                OciCapabilities.builder()
                    .bounding(DEFAULT_CAPS)
                    .effective(DEFAULT_CAPS)
                    .permitted(DEFAULT_CAPS)
                    .build())
            .addRlimits(
                OciRlimit.builder()
                    .type("RLIMIT_NOFILE")
                    .hard(BigInteger.valueOf(1024))
                    .soft(BigInteger.valueOf(1024))
                    .build())
            .noNewPrivileges(true)
            .build();

    List<OciMount> mounts = new ArrayList<>(DefaultMounts.MOUNTS);
    for (String volume : new TreeMap<>(runtime.volumes()).keySet()) {
      mounts.add(
          OciMount.builder()
              .destination(volume)
              .type("tmpfs")
              .source("none")
              .options(List.of("rw", "nosuid", "nodev", "noexec", "relatime"))
              .build());
    }

    return OciSpec.builder()
        .ociVersion(OCI_VERSION)
        .process(process)
        .root(OciRoot.builder().path("rootfs").build())
        .hostname(hostname)
        .mounts(mounts)
        .annotations(annotations(config, runtime))
        .linux(
            OciLinux.builder()
                .resources(
                    OciResources.builder()
                        .addDevices(OciDeviceRule.builder().allow(false).access("rwm").build())
                        .build())
                .namespaces(
                    List.of("pid", "network", "ipc", "uts", "mount").stream()
                        .<OciNamespace>map(t -> OciNamespace.builder().type(t).build())
                        .collect(Collectors.toList()))
                .maskedPaths(DefaultMounts.MASKED)
                .readonlyPaths(DefaultMounts.READONLY)
                .build())
        .build();
  }

  private static Map<String, String> annotations(
      OciImageConfig config, OciImageRuntimeConfig runtime) throws OciImageException {
    Map<String, String> annotations = new TreeMap<>(runtime.labels());
    annotations.put("org.opencontainers.image.architecture", config.architecture());
    annotations.put("org.opencontainers.image.os", config.os());
    annotations.put("org.opencontainers.image.author", config.author().orElse(""));
    if (config.created().isPresent()) {
      annotations.put("org.opencontainers.image.created", goTime(config.created().get()));
    }
    if (!runtime.exposedPorts().isEmpty()) {
      annotations.put(
          "org.opencontainers.image.exposedPorts",
          String.join(",", new TreeMap<>(runtime.exposedPorts()).keySet()));
    }
    runtime.stopSignal().ifPresent(s -> annotations.put("org.opencontainers.image.stopSignal", s));
    return annotations;
  }

  /**
   * Formats a time as Go's RFC3339Nano does (umoci writes it so): trailing zeros trimmed, Z for
   * UTC.
   */
  static String goTime(String created) throws OciImageException {
    OffsetDateTime time;
    try {
      time = OffsetDateTime.parse(created);
    } catch (DateTimeParseException e) {
      throw new OciImageException(
          "image config created \"" + created + "\" is not an RFC 3339 time", e);
    }
    String base = time.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));
    String fraction = "";
    if (time.getNano() != 0) {
      fraction = "." + String.format("%09d", time.getNano()).replaceAll("0+$", "");
    }
    String zone = time.getOffset().equals(ZoneOffset.UTC) ? "Z" : time.getOffset().getId();
    return base + fraction + zone;
  }

  /** Sets a variable by name: replaces it in place, or appends it. */
  static void setEnv(List<String> env, String variable) {
    int eq = variable.indexOf('=');
    String name = eq < 0 ? variable : variable.substring(0, eq);
    for (int i = 0; i < env.size(); i++) {
      String existing = env.get(i);
      int e = existing.indexOf('=');
      if ((e < 0 ? existing : existing.substring(0, e)).equals(name)) {
        env.set(i, variable);
        return;
      }
    }
    env.add(variable);
  }
}
