package io.pvekit.examples.operator;

import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.util.List;
import java.util.Set;

/**
 * A kind the operator reads or writes, with the REST coordinates the client needs and the verbs the
 * operator uses on it. {@link OperatorKinds} lists them all; the deployed ClusterRole must grant
 * every verb (checked by a test), so a new call in the operator starts with a new row there.
 *
 * @param group API group, empty for the core group
 * @param kind the kind
 * @param plural the resource name in URLs and RBAC rules
 * @param namespaced whether objects live in a namespace
 * @param versions the versions the operator reads or writes
 * @param verbs the RBAC verbs the operator uses on the resource
 * @param statusVerbs the RBAC verbs the operator uses on its {@code status} subresource
 */
public record OperatedKind(
    String group,
    String kind,
    String plural,
    boolean namespaced,
    List<String> versions,
    Set<String> verbs,
    Set<String> statusVerbs) {

  /** The REST coordinates of one version. */
  ResourceDefinitionContext context(String version) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(namespaced)
        .build();
  }

  /** {@code group/version}, or just the version for the core group. */
  String apiVersion(String version) {
    return group.isEmpty() ? version : group + "/" + version;
  }
}
