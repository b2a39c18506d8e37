package io.pvekit.runtime;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * Where an operator's custom resource carries pod placement, as rendered by {@link Manifests}:
 * exact field paths in that operator's upstream CRD.
 */
@Value.Immutable
public abstract class OperatorPaths {
  OperatorPaths() {}

  public abstract DatabaseEngine engine();

  /** The operator and the release whose CRD the renderer matches. */
  public abstract String operator();

  /** {@code apiVersion kind} of the main resource, e.g. {@code postgresql.cnpg.io/v1 Cluster}. */
  public abstract String resource();

  /** Where runtimeClassName goes; empty when only the admission webhook can set it. */
  public abstract Optional<String> runtimeClassName();

  public abstract String nodeSelector();

  public abstract String tolerations();

  /** Where the pods' labels go. */
  public abstract String podLabels();

  /** True when the admission webhook must set runtimeClassName on the operator's pods. */
  @Value.Derived
  public boolean needsWebhook() {
    return runtimeClassName().isEmpty();
  }

  static Builder builder() {
    return new Builder();
  }

  static final class Builder extends ImmutableOperatorPaths.Builder {
    Builder() {}
  }
}
