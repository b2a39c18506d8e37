package io.pvekit.examples;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.GuestSummary;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.RequestEvent;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.VmId;
import io.pvekit.proxmox.simulator.ProxmoxSimulator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Proxmox VE the demo talks to: an in-process simulator by default, or a real cluster when
 * {@code PVEKIT_PROXMOX_URL} and {@code PVEKIT_PROXMOX_TOKEN} are set (optionally {@code
 * PVEKIT_PROXMOX_FINGERPRINT}, {@code PVEKIT_PROXMOX_NODE} and {@code PVEKIT_PROXMOX_TEMPLATE}).
 */
final class DemoProxmox implements AutoCloseable {
  static final String URL = "PVEKIT_PROXMOX_URL";
  static final String TOKEN = "PVEKIT_PROXMOX_TOKEN";
  static final String FINGERPRINT = "PVEKIT_PROXMOX_FINGERPRINT";
  static final String NODE = "PVEKIT_PROXMOX_NODE";
  static final String TEMPLATE = "PVEKIT_PROXMOX_TEMPLATE";
  private static final String SIMULATOR_TOKEN_ID = "root@pam!demo";

  // Requests the client sent again (attempt > 1), shared by both kinds of target.
  private static final AtomicInteger RETRIES_SEEN = new AtomicInteger();

  private final Optional<ProxmoxSimulator> simulator;
  private final ProxmoxClient client;
  private final String node;
  private final int templateId;
  private final String description;

  private DemoProxmox(
      Optional<ProxmoxSimulator> simulator,
      ProxmoxClient client,
      String node,
      int templateId,
      String description) {
    this.simulator = simulator;
    this.client = client;
    this.node = node;
    this.templateId = templateId;
    this.description = description;
  }

  /** A real Proxmox VE when the environment names one, else a simulator started here. */
  static DemoProxmox fromEnvironment(Map<String, String> env) {
    String url = env.get(URL);
    if (url == null || url.isBlank()) {
      String secret = "demo-" + Long.toHexString(System.nanoTime());
      ProxmoxSimulator pve =
          ProxmoxSimulator.builder().token(SIMULATOR_TOKEN_ID, secret, false).start();
      ProxmoxClient client =
          ProxmoxClient.builder()
              .baseUrl(pve.httpsUrl().toString())
              .pinnedFingerprint(pve.fingerprint())
              .authentication(Authentication.apiToken(SIMULATOR_TOKEN_ID, Secret.of(secret)))
              .listener(DemoProxmox::countRetries)
              .build();
      return new DemoProxmox(
          Optional.of(pve), client, "pve1", 9000, "Proxmox VE (simulated) at " + pve.httpsUrl());
    }
    String token = env.get(TOKEN);
    int eq = token == null ? -1 : token.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          TOKEN + ": expected USER@REALM!NAME=SECRET when " + URL + " is set");
    }
    ProxmoxClient.Builder builder =
        ProxmoxClient.builder()
            .baseUrl(url)
            .authentication(
                Authentication.apiToken(token.substring(0, eq), Secret.of(token.substring(eq + 1))))
            .listener(DemoProxmox::countRetries);
    Optional.ofNullable(env.get(FINGERPRINT)).ifPresent(builder::pinnedFingerprint);
    ProxmoxClient client = builder.build();
    String node = env.get(NODE);
    if (node == null) {
      node = client.nodes().get(0).node().toString();
    }
    String template = env.getOrDefault(TEMPLATE, "9000");
    int templateId;
    try {
      templateId = Integer.parseInt(template);
    } catch (NumberFormatException e) {
      client.close();
      throw new IllegalArgumentException(TEMPLATE + ": '" + template + "' is not a VM ID", e);
    }
    return new DemoProxmox(Optional.empty(), client, node, templateId, "Proxmox VE at " + url);
  }

  private static void countRetries(RequestEvent event) {
    if (event.attempt() > 1) {
      RETRIES_SEEN.incrementAndGet();
    }
  }

  /** How many requests any demo client has sent again so far. */
  static int retries() {
    return RETRIES_SEEN.get();
  }

  ProxmoxClient client() {
    return client;
  }

  String node() {
    return node;
  }

  int templateId() {
    return templateId;
  }

  /** Where the demo's Proxmox is, for its output. */
  String description() {
    return description;
  }

  /** The simulator, for what only a simulator can do (fault injection, its certificate). */
  Optional<ProxmoxSimulator> simulator() {
    return simulator;
  }

  /** The VM IDs on the demo's node, as the API lists them. */
  Set<VmId> vmIds() {
    Set<VmId> ids = new TreeSet<>();
    for (GuestSummary vm : client.node(node).qemu().list()) {
      ids.add(vm.vmid());
    }
    return ids;
  }

  @Override
  public void close() {
    client.close();
    simulator.ifPresent(ProxmoxSimulator::close);
  }
}
