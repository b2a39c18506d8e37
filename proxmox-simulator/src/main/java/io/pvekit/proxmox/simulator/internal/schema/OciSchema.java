package io.pvekit.proxmox.simulator.internal.schema;

import java.util.Map;

/**
 * The documented parameters of PVE 9.1's OCI endpoints, checked against the API schema by {@code
 * SchemaConformanceTest}.
 */
public final class OciSchema {
  private OciSchema() {}

  /** A registry host with an optional port, then the repository path (OCI distribution spec). */
  private static final String REPOSITORY =
      "^(?:(?:[a-zA-Z\\d]|[a-zA-Z\\d][a-zA-Z\\d-]*[a-zA-Z\\d])(?:\\.(?:[a-zA-Z\\d]|[a-zA-Z\\d]"
          + "[a-zA-Z\\d-]*[a-zA-Z\\d]))*(?::\\d+)?/)?[a-z\\d]+(?:(?:[._]|__|[-]*)[a-z\\d]+)*"
          + "(?:/[a-z\\d]+(?:(?:[._]|__|[-]*)[a-z\\d]+)*)*";

  /** {@code POST /nodes/{node}/storage/{storage}/oci-registry-pull}: the reference has a tag. */
  public static final Map<String, Param> PULL =
      ParamTable.parse(
          "filename:str<255 node!:str/pve-node reference!:str~"
              + REPOSITORY
              + ":\\w[\\w.-]{0,127}$ storage!:str/pve-storage-id");

  /** {@code GET /nodes/{node}/query-oci-repo-tags}: a repository without a tag. */
  public static final Map<String, Param> TAGS =
      ParamTable.parse("node!:str/pve-node reference!:str~" + REPOSITORY + "$");
}
