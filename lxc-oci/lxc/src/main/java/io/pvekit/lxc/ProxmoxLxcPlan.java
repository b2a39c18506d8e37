package io.pvekit.lxc;

import io.pvekit.proxmox.LxcCreateRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.immutables.value.Value;

/**
 * The parameters of {@code POST /nodes/{node}/lxc} for a bundle, with what each field became. What
 * the API cannot express is reported: {@link #configFileLines()} need the container's config file
 * ({@code /etc/pve/lxc/<vmid>.conf}, which only root on the node can edit), and {@link
 * #notExpressible()} cannot be done at all.
 */
@Value.Immutable
public interface ProxmoxLxcPlan {
  /** The create request, built with the proxmox-client's typed property strings. */
  LxcCreateRequest request();

  /** What each field became (MAPPED: an API parameter; APPROXIMATED: needs the config file). */
  List<Explanation.FieldMapping> mappings();

  /** Raw {@code lxc.*} lines for the container's config file; not API properties. */
  List<String> configFileLines();

  /**
   * The fields neither the API nor the config file can carry.
   *
   * @return the refused mappings
   */
  default List<Explanation.FieldMapping> notExpressible() {
    return mappings().stream()
        .filter(m -> m.outcome() == Explanation.Outcome.REFUSED)
        .collect(Collectors.toList());
  }

  /**
   * Starts a builder.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ProxmoxLxcPlan}. */
  final class Builder extends ImmutableProxmoxLxcPlan.Builder {}
}
