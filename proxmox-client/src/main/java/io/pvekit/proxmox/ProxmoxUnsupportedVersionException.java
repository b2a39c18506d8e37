package io.pvekit.proxmox;

/**
 * A call of the generated layer ({@link ProxmoxClient#api()}) that the server's PVE version does
 * not have, or a parameter it does not know: refused before anything was sent. The message names
 * the endpoint, the parameter, the server's version and the versions that have it.
 */
public class ProxmoxUnsupportedVersionException extends ProxmoxException {
  private static final long serialVersionUID = 1L;

  /** The version the call was checked against. */
  private final PveApiVersion version;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method
   * @param path the path template
   * @param version the version the call was checked against
   * @param message what is missing, in which version, and where it exists
   */
  public ProxmoxUnsupportedVersionException(
      String method, String path, PveApiVersion version, String message) {
    super(method, path, message, null);
    this.version = version;
  }

  /**
   * The version the call was checked against.
   *
   * @return e.g. {@link PveApiVersion#PVE_8_4}
   */
  public PveApiVersion version() {
    return version;
  }
}
