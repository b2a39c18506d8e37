package io.pvekit.proxmox.internal;

import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The server's API root as the client builder takes it, and the plain-HTTP rule for it. */
public final class ApiBase {
  private static final Logger LOG = LoggerFactory.getLogger(ApiBase.class);

  private ApiBase() {}

  /**
   * The API root of a server URL: {@code /api2/json} appended, user info, query and fragment
   * dropped.
   */
  public static HttpUrl of(String url) {
    HttpUrl parsed = HttpUrl.parse(url);
    if (parsed == null) {
      throw new IllegalArgumentException(
          "baseUrl: '" + url + "' is not an http(s) URL (e.g. https://pve1:8006)");
    }
    String path = parsed.encodedPath();
    if (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    if (!path.endsWith("/api2/json")) {
      path = path + "/api2/json";
    }
    // PVE takes no user info in the URL; dropping it keeps a password there out of toString()
    return parsed
        .newBuilder()
        .username("")
        .password("")
        .encodedPath(path)
        .query(null)
        .fragment(null)
        .build();
  }

  /** Refuses to send a secret over plain HTTP to another host unless asked to (see above). */
  /**
   * Refuses plain HTTP to anything but a loopback address unless allowed, and warns when it is
   * allowed: the credentials would cross the network unencrypted.
   */
  public static void checkPlainHttp(HttpUrl apiBase, boolean apiToken, boolean allowInsecureHttp) {
    if (apiBase.isHttps() || isLoopback(apiBase.host())) {
      return;
    }
    String what =
        apiToken
            ? "the API token secret on every request"
            : "the password and then the login ticket";
    String where = "http://" + apiBase.host() + ":" + apiBase.port();
    if (!allowInsecureHttp) {
      throw new IllegalArgumentException(
          "baseUrl: "
              + where
              + " is plain HTTP: "
              + what
              + " would cross the network unencrypted. Use https://"
              + apiBase.host()
              + ":8006 (pveproxy serves only HTTPS), or, when something else protects the path"
              + " (a TLS-terminating proxy next to the client, a throw-away lab), opt in with"
              + " allowInsecureHttp(true). See "
              + ErrorMapping.README
              + "#plain-http");
    }
    LOG.warn(
        "allowInsecureHttp: sending {} to {} unencrypted; anyone on the path can read it",
        what,
        where);
  }

  private static boolean isLoopback(String host) {
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    // literal addresses only: a name could resolve elsewhere later
    if (host.startsWith("127.") && host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
      return true;
    }
    return host.equals("::1") || host.equals("0:0:0:0:0:0:0:1");
  }
}
