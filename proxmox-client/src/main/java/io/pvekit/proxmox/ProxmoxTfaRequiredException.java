package io.pvekit.proxmox;

import java.util.Map;

/**
 * The user's login needs a second factor (TFA: TOTP, WebAuthn, recovery key, Yubico) and no TOTP
 * code supplier was configured. Use an API token for automation, or {@link
 * Authentication#password(String, Secret, java.util.function.Supplier)} with a TOTP supplier.
 */
public class ProxmoxTfaRequiredException extends ProxmoxAuthenticationException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param method the HTTP method
   * @param path the path below {@code /api2/json}
   * @param message the full message
   */
  public ProxmoxTfaRequiredException(String method, String path, String message) {
    super(method, path, 200, "TFA required", Map.of(), null, message);
  }
}
