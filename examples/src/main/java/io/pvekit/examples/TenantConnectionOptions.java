package io.pvekit.examples;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.pvekit.capi.TenantClusters;
import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Where the management cluster and the Proxmox cluster are. */
final class TenantConnectionOptions {
  @Option(
      names = "--kubeconfig",
      description =
          "Kubeconfig of the management cluster (default: $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--proxmox-url", description = "Proxmox API URL, e.g. https://pve1:8006.")
  String proxmoxUrl;

  @Option(
      names = "--proxmox-token",
      description =
          "API token USER@REALM!NAME=SECRET (default: $PVEKIT_PROXMOX_TOKEN; prefer the variable,"
              + " command lines are visible to other users).")
  String proxmoxToken;

  @Option(names = "--proxmox-fingerprint", description = "SHA-256 fingerprint to pin.")
  String proxmoxFingerprint;

  @Option(names = "--poll", defaultValue = "PT5S", description = "Status poll interval.")
  Duration poll;

  @Option(
      names = "--kube-retries",
      defaultValue = "3",
      description = "Retries of a failed management-cluster request (default: ${DEFAULT-VALUE}).")
  int kubeRetries;

  KubernetesClient kubernetes() throws IOException {
    Config config;
    if (kubeconfig != null) {
      try {
        config = Config.fromKubeconfig(Files.readString(kubeconfig));
      } catch (RuntimeException e) {
        // the YAML parser's message spans lines with a caret drawing; the first says what is wrong
        throw new IllegalArgumentException(
            "--kubeconfig: '" + kubeconfig + "' is not a kubeconfig: " + CliErrors.firstLine(e), e);
      }
    } else {
      config = Config.autoConfigure(null);
    }
    config.setRequestRetryBackoffLimit(kubeRetries);
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /** The Proxmox client, or null without --proxmox-url. */
  ProxmoxClient proxmox() {
    if (proxmoxUrl == null) {
      return null;
    }
    String token = proxmoxToken != null ? proxmoxToken : System.getenv("PVEKIT_PROXMOX_TOKEN");
    int eq = token == null ? -1 : token.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "--proxmox-token: expected USER@REALM!NAME=SECRET (or $PVEKIT_PROXMOX_TOKEN)");
    }
    ProxmoxClient.Builder b =
        ProxmoxClient.builder()
            .baseUrl(proxmoxUrl)
            .authentication(
                Authentication.apiToken(
                    token.substring(0, eq), Secret.of(token.substring(eq + 1))));
    if (proxmoxFingerprint != null) {
      b.pinnedFingerprint(proxmoxFingerprint);
    }
    return b.build();
  }

  TenantClusters tenants(KubernetesClient kube, ProxmoxClient pve) {
    return TenantClusters.builder().kubernetes(kube).proxmox(pve).pollInterval(poll).build();
  }
}
