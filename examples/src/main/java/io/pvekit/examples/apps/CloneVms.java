package io.pvekit.examples.apps;

import io.pvekit.proxmox.Authentication;
import io.pvekit.proxmox.CloneRequest;
import io.pvekit.proxmox.ClusterResource;
import io.pvekit.proxmox.NodeName;
import io.pvekit.proxmox.ProxmoxClient;
import io.pvekit.proxmox.ProxmoxException;
import io.pvekit.proxmox.QemuApi;
import io.pvekit.proxmox.Secret;
import io.pvekit.proxmox.Task;
import io.pvekit.proxmox.VmId;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Clones a VM template into {@code count} linked clones with proxmox-client and waits for every
 * clone task.
 *
 * <pre>
 * java io.pvekit.examples.apps.CloneVms https://pve:8006 'root@pam!ops' SECRET 9000 3 [SHA256]
 * </pre>
 *
 * <p>The optional last argument pins the server certificate by its SHA-256 fingerprint (the usual
 * self-signed PVE certificate); without it the JDK trust store decides.
 */
public final class CloneVms {
  private static final Duration TASK_WAIT = Duration.ofMinutes(5);

  private CloneVms() {}

  /**
   * Command-line entry point.
   *
   * @param args base URL, token id, secret, template id, count, optional fingerprint
   */
  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    if (args.length < 5 || args.length > 6) {
      out.println(
          "usage: CloneVms BASE_URL TOKEN_ID SECRET TEMPLATE_ID COUNT [SHA256_FINGERPRINT]");
      System.exit(2);
    }
    String fingerprint = args.length == 6 ? args[5] : null;
    System.exit(run(args[0], args[1], args[2], args[3], args[4], fingerprint, out));
  }

  /**
   * Clones the template and prints one line per clone.
   *
   * @param baseUrl the PVE API URL, e.g. {@code https://pve:8006}
   * @param tokenId the API token id, e.g. {@code root@pam!ops}
   * @param secret the token secret
   * @param templateId the VM id of the template
   * @param count how many clones, 1 to 100
   * @param fingerprint the pinned SHA-256 certificate fingerprint, or {@code null} for the JDK
   *     trust store
   * @param out where the progress goes
   * @return 0 when every clone exists, 2 for bad arguments, 1 when Proxmox VE refused
   */
  public static int run(
      String baseUrl,
      String tokenId,
      String secret,
      String templateId,
      String count,
      String fingerprint,
      PrintWriter out) {
    VmId template;
    int clones;
    try {
      template = VmId.parse(templateId);
      clones = Integer.parseInt(count);
    } catch (IllegalArgumentException e) {
      out.println("error: template id and count must be numbers: " + e.getMessage());
      return 2;
    }
    if (clones < 1 || clones > 100) {
      out.println("error: count must be 1 to 100, got " + clones);
      return 2;
    }
    ProxmoxClient.Builder builder =
        ProxmoxClient.builder()
            .baseUrl(baseUrl)
            .authentication(Authentication.apiToken(tokenId, Secret.of(secret)));
    if (fingerprint != null) {
      builder.pinnedFingerprint(fingerprint);
    }
    try (ProxmoxClient client = builder.build()) {
      NodeName node = nodeOf(client, template);
      QemuApi qemu = client.node(node).qemu();
      VmId first = client.cluster().nextId();
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < clones; i++) {
        VmId id = VmId.of(first.value() + i);
        String name = "clone-" + template.value() + "-" + (i + 1);
        // Linked clones start in parallel: PVE serialises the storage work itself.
        tasks.add(
            qemu.vm(template)
                .clone(CloneRequest.builder().newId(id).name(name).full(false).build()));
        out.println("cloning " + template + " -> " + id + " (" + name + ") on " + node);
      }
      for (Task task : tasks) {
        out.println("done " + task.upid() + " " + task.await(TASK_WAIT).exitStatus().orElse("?"));
      }
      out.println("cloned " + clones + " VMs from template " + template);
      return 0;
    } catch (ProxmoxException e) {
      out.println("error: " + e.getMessage());
      return 1;
    } catch (IllegalArgumentException e) {
      out.println("error: " + e.getMessage());
      return 2;
    }
  }

  private static NodeName nodeOf(ProxmoxClient client, VmId template) {
    return client.cluster().resources(ClusterResource.Kind.VM).stream()
        .filter(r -> r.vmid().filter(template::equals).isPresent())
        .findFirst()
        .flatMap(ClusterResource::node)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "template " + template + " is not in /cluster/resources; check the id"));
  }
}
