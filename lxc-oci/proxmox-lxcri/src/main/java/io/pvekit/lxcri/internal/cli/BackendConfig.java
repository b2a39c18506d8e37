package io.pvekit.lxcri.internal.cli;

import io.pvekit.lxc.ProxmoxBackend;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * The Proxmox backend's settings, a properties file named by {@code --backend-config FILE} or
 * {@code PROXMOX_LXCRI_BACKEND_CONFIG} (containerd passes no extra flags, so the environment of
 * containerd's service is the usual place):
 *
 * <pre>
 * backend = proxmox
 * url = https://pve1.example.org:8006
 * tokenId = lxcri@pve!node1          # or user = ... with passwordFile = ...
 * tokenSecretFile = /etc/proxmox-lxcri/token
 * fingerprint = AA:BB:...            # or caFile = /etc/pve/pve-root-ca.pem
 * node = pve1
 * templateStorage = local
 * rootStorage = local-lvm
 * rootSizeGib = 8
 * bridge = vmbr0
 * unprivileged = true
 * pullImages = true                  # let Proxmox pull a bundle's named image (PVE 9.1 OCI)
 * taskTimeoutSeconds = 120
 * </pre>
 *
 * <p>A value of the wrong kind (a flag that is not {@code true}/{@code false}, a number that is not
 * a positive integer) is refused with the key and the value, never read as a default.
 */
final class BackendConfig {
  private BackendConfig() {}

  static ProxmoxBackend load(Path file) {
    Properties p = new Properties();
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the backend config " + file, e);
    }
    String backend = p.getProperty("backend", "proxmox").trim();
    if (!backend.equals("proxmox")) {
      throw new UsageException(
          file + ": backend = " + backend + " is not known (use proxmox, or no config for local)");
    }
    ProxmoxClient.Builder client = ProxmoxClient.builder().baseUrl(required(p, file, "url"));
    if (p.getProperty("tokenId") != null) {
      client.authentication(
          Authentication.apiToken(p.getProperty("tokenId").trim(), secret(p, file, "tokenSecret")));
    } else {
      client.authentication(
          Authentication.password(required(p, file, "user"), secret(p, file, "password")));
    }
    if (p.getProperty("fingerprint") != null) {
      client.pinnedFingerprint(p.getProperty("fingerprint").trim());
    } else if (p.getProperty("caFile") != null) {
      client.trustedCertificatesPem(read(Path.of(p.getProperty("caFile").trim())));
    } else if (flag(p, file, "insecure").orElse(false)) {
      client.insecureSkipTlsVerification();
    }
    ProxmoxBackend.Builder builder =
        ProxmoxBackend.builder().client(client.build()).node(required(p, file, "node"));
    if (p.getProperty("templateStorage") != null) {
      builder.templateStorage(p.getProperty("templateStorage").trim());
    }
    if (p.getProperty("rootStorage") != null) {
      builder.rootStorage(p.getProperty("rootStorage").trim());
    }
    number(p, file, "rootSizeGib").ifPresent(gib -> builder.rootSizeGib(Math.toIntExact(gib)));
    if (p.getProperty("bridge") != null) {
      builder.bridge(p.getProperty("bridge").trim());
    }
    flag(p, file, "unprivileged").ifPresent(builder::unprivileged);
    flag(p, file, "pullImages").ifPresent(builder::pullImages);
    number(p, file, "taskTimeoutSeconds")
        .ifPresent(seconds -> builder.taskTimeout(Duration.ofSeconds(seconds)));
    return builder.build();
  }

  /** A flag: {@code true} or {@code false} (any case), anything else refused. */
  private static Optional<Boolean> flag(Properties p, Path file, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (!v.equals("true") && !v.equals("false")) {
      throw new UsageException(file + ": " + key + " = " + value.trim() + " must be true or false");
    }
    return Optional.of(v.equals("true"));
  }

  /** A positive whole number (up to 2^31-1), anything else refused. */
  private static Optional<Long> number(Properties p, Path file, String key) {
    String value = p.getProperty(key);
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (!v.matches("[1-9][0-9]{0,9}") || Long.parseLong(v) > Integer.MAX_VALUE) {
      throw new UsageException(file + ": " + key + " = " + v + " must be a positive whole number");
    }
    return Optional.of(Long.parseLong(v));
  }

  private static String required(Properties p, Path file, String key) {
    String value = p.getProperty(key);
    if (value == null || value.isBlank()) {
      throw new UsageException(file + ": " + key + " is required for the proxmox backend");
    }
    return value.trim();
  }

  /** KEY, or the first line of the file KEYFile: secrets can stay out of the config itself. */
  private static Secret secret(Properties p, Path file, String key) {
    String inline = p.getProperty(key);
    if (inline != null) {
      return Secret.of(inline.trim());
    }
    String secretFile = p.getProperty(key + "File");
    if (secretFile == null) {
      throw new UsageException(file + ": " + key + " or " + key + "File is required");
    }
    return Secret.of(read(Path.of(secretFile.trim())).lines().findFirst().orElse("").trim());
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
