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
 * </pre>
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
    } else if (Boolean.parseBoolean(p.getProperty("insecure", "false").trim())) {
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
    if (p.getProperty("rootSizeGib") != null) {
      builder.rootSizeGib(Integer.parseInt(p.getProperty("rootSizeGib").trim()));
    }
    if (p.getProperty("bridge") != null) {
      builder.bridge(p.getProperty("bridge").trim());
    }
    if (p.getProperty("unprivileged") != null) {
      builder.unprivileged(Boolean.parseBoolean(p.getProperty("unprivileged").trim()));
    }
    if (p.getProperty("taskTimeoutSeconds") != null) {
      builder.taskTimeout(
          Duration.ofSeconds(Long.parseLong(p.getProperty("taskTimeoutSeconds").trim())));
    }
    return builder.build();
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
