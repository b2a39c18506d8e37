package io.pvekit.proxmox.simulator.internal.http;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP/1.1 request as it came off the wire.
 *
 * @param method the request method, upper case
 * @param rawPath the path, still percent-encoded
 * @param rawQuery the query string without {@code ?}, or empty
 * @param headers header values by lower-case name
 * @param body the request body (empty when there is none)
 * @param remote the peer address
 * @param secure whether it arrived over TLS
 */
public record WireRequest(
    String method,
    String rawPath,
    String rawQuery,
    Map<String, List<String>> headers,
    byte[] body,
    InetSocketAddress remote,
    boolean secure) {

  /** The first value of a header, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }
}
