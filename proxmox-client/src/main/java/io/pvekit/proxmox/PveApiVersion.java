package io.pvekit.proxmox;

/**
 * The PVE API versions the generated layer ({@link ProxmoxClient#api()}) knows, one per schema it
 * was generated from. A call or parameter that the server's version lacks is refused before it is
 * sent ({@link ProxmoxUnsupportedVersionException}).
 */
public enum PveApiVersion {
  /** PVE 9.1 (pve-docs 9.1.3): the schema the client is generated from first. */
  PVE_9_1("9.1", 1),
  /** PVE 8.4 (pve-docs 8.4.2). */
  PVE_8_4("8.4", 2);

  private final String release;
  private final int bit;

  PveApiVersion(String release, int bit) {
    this.release = release;
    this.bit = bit;
  }

  /**
   * The release, e.g. {@code 9.1}.
   *
   * @return the release
   */
  public String release() {
    return release;
  }

  /** The bit of this version in the generated version masks (the extracts' order in the build). */
  int bit() {
    return bit;
  }

  /**
   * The schema that describes a server: {@code 9.x} and later by 9.1, {@code 8.x} and earlier by
   * 8.4 (the oldest schema the client has).
   *
   * @param serverVersion what {@code GET /version} answers, e.g. {@code 9.1.2} or {@code 8.4.1}
   * @return the matching schema version
   * @throws IllegalArgumentException when the text does not start with a major version number
   */
  public static PveApiVersion forServer(String serverVersion) {
    String major = serverVersion.trim().split("[.\\-~]", 2)[0];
    try {
      return Integer.parseInt(major) >= 9 ? PVE_9_1 : PVE_8_4;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "serverVersion: '" + serverVersion + "' does not start with a major version", e);
    }
  }

  @Override
  public String toString() {
    return "PVE " + release;
  }
}
