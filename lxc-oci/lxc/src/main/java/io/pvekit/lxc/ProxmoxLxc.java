package io.pvekit.lxc;

import io.pvekit.lxc.internal.proxmox.PlanBuilder;
import io.pvekit.oci.OciSpec;

/**
 * OCI bundles to Proxmox VE containers: the parameters of {@code POST /nodes/{node}/lxc} for a
 * bundle's {@code config.json}, so a Proxmox cluster (rather than a local liblxc) runs it.
 *
 * <pre>{@code
 * ProxmoxLxcPlan plan =
 *     ProxmoxLxc.plan(
 *         spec,
 *         ProxmoxLxcOptions.builder()
 *             .vmid(VmId.of(200))
 *             .bundle(bundle)
 *             .osTemplate("local:vztmpl/nginx_1.27_amd64.tar.zst")
 *             .rootfsStorage(StorageId.of("local-lvm"))
 *             .build());
 * client.node(node).lxc().create(plan.request()).await(Duration.ofMinutes(1));
 * }</pre>
 *
 * <p>{@code plan.configFileLines()} lists what the API cannot set, for {@code
 * /etc/pve/lxc/200.conf}. The example is {@code ProxmoxLxcJavadocTest}, run against the simulator.
 *
 * <p>Two paths: on Proxmox VE 9.1+ ({@link ProxmoxLxcOptions#applicationContainer()}) the OCI
 * archive is the template and {@code entrypoint}/{@code env}/{@code cmode=console} carry the
 * process; on older versions build a template with {@link VzTemplate} and the process goes to the
 * config file.
 */
public final class ProxmoxLxc {
  private ProxmoxLxc() {}

  /**
   * Plans the container.
   *
   * @param spec the bundle's config.json
   * @param options vmid, template, storage, network
   * @return the request and the report of every field
   */
  public static ProxmoxLxcPlan plan(OciSpec spec, ProxmoxLxcOptions options) {
    return PlanBuilder.plan(spec, options);
  }
}
