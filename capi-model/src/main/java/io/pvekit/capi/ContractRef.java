package io.pvekit.capi;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A reference from a Cluster API object to a provider object. Cluster API v1beta1 writes {@code
 * {apiVersion, kind, name}}; v1beta2 writes {@code {apiGroup, kind, name}} (its schema rejects
 * {@code apiVersion} and requires {@code apiGroup}). Use {@link #to} to get the right form.
 *
 * @param apiVersion group/version (v1beta1 form), null in the v1beta2 form
 * @param apiGroup the group (v1beta2 form), null in the v1beta1 form
 * @param kind the kind
 * @param name the name
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContractRef(String apiVersion, String apiGroup, String kind, String name) {
  /**
   * A reference in the form the given Cluster API version expects.
   *
   * @param capi the Cluster API version of the referring object
   * @param targetApiVersion the referenced object's {@code apiVersion}
   * @param kind the referenced object's kind
   * @param name the referenced object's name
   * @return the reference
   */
  public static ContractRef to(
      CapiVersion capi, String targetApiVersion, String kind, String name) {
    if (capi == CapiVersion.V1BETA1) {
      return new ContractRef(targetApiVersion, null, kind, name);
    }
    String group = targetApiVersion.substring(0, targetApiVersion.indexOf('/'));
    return new ContractRef(null, group, kind, name);
  }

  /**
   * A reference to a typed resource.
   *
   * @param capi the Cluster API version of the referring object
   * @param target the referenced object
   * @return the reference
   */
  public static ContractRef to(CapiVersion capi, CapiResource<?, ?> target) {
    return to(capi, target.getApiVersion(), target.getKind(), target.getMetadata().getName());
  }
}
