package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How the generated layer sends its calls: through the client's own transport (auth, retries,
 * errors, deadlines, listener), after checking the call and its parameters against the server's PVE
 * version.
 */
final class PveCalls {
  private static final int ALL_VERSIONS = allVersions();

  private final Transport transport;
  private final Supplier<PveApiVersion> version;
  private final boolean explicit;
  private volatile PveApiVersion known;

  /**
   * @param version the server's version, asked only when a call depends on it
   * @param explicit whether the caller set the version (for the message)
   */
  PveCalls(Transport transport, Supplier<PveApiVersion> version, boolean explicit) {
    this.transport = transport;
    this.version = version;
    this.explicit = explicit;
  }

  private static int allVersions() {
    int all = 0;
    for (PveApiVersion v : PveApiVersion.values()) {
      all |= v.bit();
    }
    return all;
  }

  <T> T call(
      PveOperation op, String[] path, Map<String, Object> params, Function<JsonNode, T> decoder) {
    checkVersion(op, params);
    return transport.decode(toCall(op, path, params), decoder);
  }

  Task task(PveOperation op, String[] path, Map<String, Object> params) {
    checkVersion(op, params);
    return transport.decode(toCall(op, path, params), d -> Task.from(transport, d, op.toString()));
  }

  Optional<Task> optionalTask(PveOperation op, String[] path, Map<String, Object> params) {
    checkVersion(op, params);
    return transport.decode(
        toCall(op, path, params),
        d ->
            d == null || d.isNull()
                ? Optional.empty()
                : Optional.of(Task.from(transport, d, op.toString())));
  }

  private static ApiCall toCall(PveOperation op, String[] path, Map<String, Object> params) {
    ApiCall call =
        switch (op.method()) {
          case "GET" -> ApiCall.get(op.template());
          case "POST" -> ApiCall.post(op.template());
          case "PUT" -> ApiCall.put(op.template());
          default -> ApiCall.delete(op.template());
        };
    List<String> names = op.placeholders();
    for (int i = 0; i < names.size(); i++) {
      call.path(names.get(i), path[i]);
    }
    return call.params(params);
  }

  /** The version the calls are checked against (asked once, then kept). */
  PveApiVersion version() {
    PveApiVersion v = known;
    if (v == null) {
      v = version.get();
      known = v;
    }
    return v;
  }

  private void checkVersion(PveOperation op, Map<String, Object> params) {
    if (!op.versionDependent(ALL_VERSIONS)) {
      return;
    }
    PveApiVersion v = version();
    if ((op.versions() & v.bit()) == 0) {
      throw refused(op, v, op.toString(), op.versions());
    }
    for (Map.Entry<String, Object> param : params.entrySet()) {
      String name = param.getKey();
      Integer mask = op.paramVersions(name);
      if (mask != null && (mask & v.bit()) == 0) {
        throw refused(op, v, "parameter '" + name + "' of " + op, mask);
      }
      if (param.getValue() instanceof String value) {
        Integer valueMask = op.valueVersions(name, value);
        if (valueMask != null && (valueMask & v.bit()) == 0) {
          throw refused(
              op, v, "value '" + value + "' of parameter '" + name + "' of " + op, valueMask);
        }
      }
    }
  }

  private ProxmoxUnsupportedVersionException refused(
      PveOperation op, PveApiVersion v, String what, int mask) {
    String source =
        explicit
            ? "set with ProxmoxClient.api(" + v.name() + ")"
            : "the server's version, from GET /version";
    return new ProxmoxUnsupportedVersionException(
        op.method(),
        op.template(),
        v,
        what
            + " is not in the "
            + v
            + " API ("
            + source
            + "); it exists in "
            + versions(mask)
            + ". Not sent.");
  }

  private static String versions(int mask) {
    return String.join(
        ", ",
        Arrays.stream(PveApiVersion.values())
            .filter(x -> (mask & x.bit()) != 0)
            .map(PveApiVersion::toString)
            .toList());
  }
}
