package io.pvekit.testing.internal.crd;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One version of one loaded CRD.
 *
 * @param crdName the CRD's {@code metadata.name}, for messages
 * @param group the API group
 * @param kind the kind
 * @param version the version name
 * @param served whether the API server serves this version
 * @param schema its {@code openAPIV3Schema}
 * @param source the file it came from, for messages
 */
public record CrdVersion(
    String crdName,
    String group,
    String kind,
    String version,
    boolean served,
    JsonNode schema,
    String source) {

  /** The {@code apiVersion} a manifest of this version carries. */
  public String apiVersion() {
    return group + "/" + version;
  }
}
