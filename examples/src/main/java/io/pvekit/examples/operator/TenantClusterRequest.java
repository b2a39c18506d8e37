package io.pvekit.examples.operator;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/**
 * {@code TenantClusterRequest} ({@code examples.pvekit.io/v1alpha1}): a tenant cluster the operator
 * builds with capi-model. Cluster-scoped on purpose: it owns the tenant's Namespace (a
 * cluster-scoped object may only have cluster-scoped owners) and objects in that namespace, whose
 * name the spec chooses (a namespaced owner could only own objects in its own namespace).
 */
@Group(TenantClusterRequest.GROUP)
@Version(TenantClusterRequest.VERSION)
@ShortNames("tcr")
public class TenantClusterRequest
    extends CustomResource<TenantClusterRequestSpec, TenantClusterRequestStatus> {
  private static final long serialVersionUID = 1L;

  /** The API group. */
  public static final String GROUP = "examples.pvekit.io";

  /** The API version. */
  public static final String VERSION = "v1alpha1";
}
