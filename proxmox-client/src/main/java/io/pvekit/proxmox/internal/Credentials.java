package io.pvekit.proxmox.internal;

import okhttp3.Request;

/** Puts credentials on requests and recovers from a 401 where it can. */
public interface Credentials {
  /**
   * Adds the credentials for this call.
   *
   * @return a handle of what was used, passed back to {@link #reauthenticate} after a 401
   */
  Object apply(Request.Builder request, ApiCall call);

  /**
   * The server answered 401 to a request sent with {@code used}. Returns true when fresh
   * credentials are in place and the call is worth sending once more.
   */
  boolean reauthenticate(Object used);

  /** API tokens: one header, stateless, no CSRF token. */
  static Credentials apiToken(String tokenId, io.pvekit.proxmox.Secret secret) {
    String header = "PVEAPIToken=" + tokenId + "=" + secret.reveal();
    return new Credentials() {
      @Override
      public Object apply(Request.Builder request, ApiCall call) {
        request.header("Authorization", header);
        return this;
      }

      @Override
      public boolean reauthenticate(Object used) {
        return false;
      }

      @Override
      public String toString() {
        return "apiToken " + tokenId;
      }
    };
  }
}
