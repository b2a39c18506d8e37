package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Cluster API {@code MachineHealthCheck}. The two versions differ: v1beta1 has {@code
 * unhealthyConditions} and {@code nodeStartupTimeout} (durations as strings) at the top of the
 * spec; v1beta2 groups them under {@code checks} as {@code unhealthyNodeConditions} and {@code
 * nodeStartupTimeoutSeconds}. {@link #forNodes} writes the right one.
 */
public final class MachineHealthCheck
    extends CapiResource<MachineHealthCheck.Spec, MachineHealthCheck.Status> {
  private static final long serialVersionUID = 1L;

  /** An empty v1beta2 MachineHealthCheck. */
  public MachineHealthCheck() {
    this(CapiVersion.V1BETA2);
  }

  /**
   * An empty MachineHealthCheck of the given version.
   *
   * @param version the Cluster API version
   */
  public MachineHealthCheck(CapiVersion version) {
    super(version.apiVersion(Cluster.GROUP), "MachineHealthCheck");
  }

  /**
   * A health check that remediates machines whose node stays not ready.
   *
   * @param version the Cluster API version
   * @param metadata name, namespace, labels
   * @param clusterName the cluster
   * @param selector labels of the machines to check
   * @param nodeStartupTimeout how long a node may take to join
   * @param notReadyTimeout how long a node may stay {@code Ready=False} or {@code Unknown}
   * @return the health check
   */
  public static MachineHealthCheck forNodes(
      CapiVersion version,
      ObjectMeta metadata,
      String clusterName,
      Map<String, String> selector,
      Duration nodeStartupTimeout,
      Duration notReadyTimeout) {
    MachineHealthCheck mhc = new MachineHealthCheck(version);
    mhc.setMetadata(metadata);
    MachineDeployment.Selector sel = new MachineDeployment.Selector(selector);
    if (version == CapiVersion.V1BETA1) {
      String t = notReadyTimeout.getSeconds() + "s";
      mhc.setSpec(
          new Spec(
              clusterName,
              sel,
              null,
              List.of(
                  new UnhealthyNodeCondition("Ready", "Unknown", t, null),
                  new UnhealthyNodeCondition("Ready", "False", t, null)),
              nodeStartupTimeout.getSeconds() + "s"));
    } else {
      int t = (int) notReadyTimeout.getSeconds();
      mhc.setSpec(
          new Spec(
              clusterName,
              sel,
              new Checks(
                  (int) nodeStartupTimeout.getSeconds(),
                  List.of(
                      new UnhealthyNodeCondition("Ready", "Unknown", null, t),
                      new UnhealthyNodeCondition("Ready", "False", null, t))),
              null,
              null));
    }
    return mhc;
  }

  /**
   * The spec (both versions' fields; {@link #forNodes} fills the right ones).
   *
   * @param clusterName the cluster
   * @param selector the machines to check
   * @param checks v1beta2: the checks
   * @param unhealthyConditions v1beta1: node conditions that make a machine unhealthy
   * @param nodeStartupTimeout v1beta1: for example {@code 600s}
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Spec(
      String clusterName,
      MachineDeployment.Selector selector,
      Checks checks,
      List<UnhealthyNodeCondition> unhealthyConditions,
      String nodeStartupTimeout) {}

  /**
   * v1beta2 checks.
   *
   * @param nodeStartupTimeoutSeconds how long a node may take to join
   * @param unhealthyNodeConditions node conditions that make a machine unhealthy
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Checks(
      Integer nodeStartupTimeoutSeconds, List<UnhealthyNodeCondition> unhealthyNodeConditions) {}

  /**
   * A node condition with a timeout.
   *
   * @param type for example {@code Ready}
   * @param status {@code False} or {@code Unknown}
   * @param timeout v1beta1: a duration string such as {@code 300s}
   * @param timeoutSeconds v1beta2: seconds
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record UnhealthyNodeCondition(
      String type, String status, String timeout, Integer timeoutSeconds) {}

  /**
   * The observed state.
   *
   * @param expectedMachines machines the check covers
   * @param currentHealthy healthy machines
   * @param conditions the conditions
   */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Status(
      Integer expectedMachines, Integer currentHealthy, List<Condition> conditions) {}
}
