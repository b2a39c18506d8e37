package io.pvekit.proxmox.simulator.internal.api;

import io.pvekit.proxmox.simulator.internal.schema.Param;
import io.pvekit.proxmox.simulator.internal.schema.SchemaParams;
import java.util.Map;

/**
 * One served endpoint: its documented parameters, its permission check and its handler.
 *
 * @param method {@code GET}, {@code POST}, {@code PUT} or {@code DELETE}
 * @param path the template, for example {@code /nodes/{node}/qemu/{vmid}/config}
 * @param params the documented parameters, path parameters included
 * @param check the permission check run after validation
 * @param handler produces the {@code data} of the answer (null for {@code "data":null})
 */
public record Endpoint(
    String method, String path, Map<String, Param> params, Check check, Handler handler) {

  /**
   * An endpoint whose parameters are the ones the PVE 9.1 schema documents for it.
   *
   * @throws IllegalStateException when the schema has no such endpoint
   */
  public Endpoint(String method, String path, Check check, Handler handler) {
    this(method, path, SchemaParams.params(method, path), check, handler);
  }

  /** Produces the answer's data. */
  @FunctionalInterface
  public interface Handler {
    /** The data (a Jackson node, String or null); throw to fail. */
    Object handle(Call call);
  }

  /** A permission check. */
  @FunctionalInterface
  public interface Check {
    /** Throws {@link ApiException#forbidden} when the caller may not call. */
    void check(Call call);
  }
}
