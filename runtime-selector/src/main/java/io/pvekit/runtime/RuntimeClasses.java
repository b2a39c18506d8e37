package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClassBuilder;
import java.util.Map;

/**
 * The RuntimeClass objects the runtimes need. Kubernetes' RuntimeClass admission merges a class's
 * {@code scheduling} into every pod that names it and sets {@code spec.overhead} from it, so the
 * webhook only ever sets {@code runtimeClassName}.
 */
public final class RuntimeClasses {
  /** The handler proxmox-lxcri registers with containerd. */
  public static final String LXC_HANDLER = "proxmox-lxc";

  /** The Kata Containers QEMU handler kata-deploy registers. */
  public static final String KATA_HANDLER = "kata-qemu";

  /** The node label kata-deploy sets on nodes where Kata is installed. */
  public static final String KATA_NODE_LABEL = "katacontainers.io/kata-runtime";

  /** Kata's per-pod cost: its guest kernel, agent and QEMU (upstream measures 130-320 MiB). */
  public static final String KATA_OVERHEAD_CPU = "250m";

  /** See {@link #KATA_OVERHEAD_CPU}; the upper end, so capacity and quota checks are safe. */
  public static final String KATA_OVERHEAD_MEMORY = "320Mi";

  private RuntimeClasses() {}

  /**
   * The LXC class: handler {@value #LXC_HANDLER}, scheduled onto nodes labelled {@value
   * Policy#LXC_NODE_LABEL}{@code =true}, tolerating that label's NoSchedule taint.
   *
   * @param policy names the class
   * @return the RuntimeClass
   */
  public static RuntimeClass lxc(Policy policy) {
    return new RuntimeClassBuilder()
        .withNewMetadata()
        .withName(policy.lxcRuntimeClass())
        .withLabels(Map.of("app.kubernetes.io/managed-by", "pvekit"))
        .endMetadata()
        .withHandler(LXC_HANDLER)
        .withNewScheduling()
        .withNodeSelector(Map.of(Policy.LXC_NODE_LABEL, "true"))
        .withTolerations(
            new TolerationBuilder()
                .withKey(Policy.LXC_NODE_LABEL)
                .withOperator("Exists")
                .withEffect("NoSchedule")
                .build())
        .endScheduling()
        .build();
  }

  /**
   * The VM class (Kata Containers): handler {@value #KATA_HANDLER}, nodes labelled {@value
   * #KATA_NODE_LABEL}{@code =true}, and a fixed per-pod overhead of {@value #KATA_OVERHEAD_CPU} CPU
   * and {@value #KATA_OVERHEAD_MEMORY}.
   *
   * @param policy names the class
   * @return the RuntimeClass
   */
  public static RuntimeClass vm(Policy policy) {
    return new RuntimeClassBuilder()
        .withNewMetadata()
        .withName(policy.vmRuntimeClass())
        .withLabels(Map.of("app.kubernetes.io/managed-by", "pvekit"))
        .endMetadata()
        .withHandler(KATA_HANDLER)
        .withNewOverhead()
        .withPodFixed(
            Map.of(
                "cpu",
                new Quantity(KATA_OVERHEAD_CPU),
                "memory",
                new Quantity(KATA_OVERHEAD_MEMORY)))
        .endOverhead()
        .withNewScheduling()
        .withNodeSelector(Map.of(KATA_NODE_LABEL, "true"))
        .endScheduling()
        .build();
  }
}
