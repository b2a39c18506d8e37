package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.Map;

/**
 * The escape hatch for endpoints pvekit does not type yet: any method and path below {@code
 * /api2/json}, parameters as a map, the response's {@code data} as a Jackson tree. Authentication,
 * CSRF, encoding (booleans as 1/0, collections as repeated parameters, {@link Secret} and property
 * strings by their wire form), retries of reads and error mapping are the same as for typed calls.
 *
 * <pre>{@code
 * JsonNode dns = client.raw().get("/nodes/pve1/dns", Map.of());
 * client.raw().put("/nodes/pve1/dns", Map.of("search", "example.org", "dns1", "10.0.0.1"));
 * }</pre>
 */
public final class RawApi {
  private final Transport transport;

  RawApi(Transport transport) {
    this.transport = transport;
  }

  /**
   * {@code GET path}.
   *
   * @param path e.g. {@code /nodes/pve1/dns}
   * @param params query parameters (may be empty)
   * @return the response's {@code data}
   * @throws ProxmoxException on any failure
   */
  public JsonNode get(String path, Map<String, ?> params) {
    return transport.call(ApiCall.get(path).params(params));
  }

  /**
   * {@code GET path} without parameters.
   *
   * @param path e.g. {@code /version}
   * @return the response's {@code data}
   */
  public JsonNode get(String path) {
    return get(path, Map.of());
  }

  /**
   * {@code POST path} with a form body. Never retried.
   *
   * @param path e.g. {@code /nodes/pve1/qemu/100/status/start}
   * @param params form parameters (may be empty)
   * @return the response's {@code data} (often a UPID string)
   */
  public JsonNode post(String path, Map<String, ?> params) {
    return transport.call(ApiCall.post(path).params(params));
  }

  /**
   * {@code PUT path} with a form body. Never retried.
   *
   * @param path e.g. {@code /nodes/pve1/qemu/100/config}
   * @param params form parameters (may be empty)
   * @return the response's {@code data}
   */
  public JsonNode put(String path, Map<String, ?> params) {
    return transport.call(ApiCall.put(path).params(params));
  }

  /**
   * {@code DELETE path} with query parameters. Never retried.
   *
   * @param path e.g. {@code /nodes/pve1/qemu/100}
   * @param params query parameters (may be empty)
   * @return the response's {@code data}
   */
  public JsonNode delete(String path, Map<String, ?> params) {
    return transport.call(ApiCall.delete(path).params(params));
  }
}
