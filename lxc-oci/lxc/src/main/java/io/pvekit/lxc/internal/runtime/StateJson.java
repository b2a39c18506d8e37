package io.pvekit.lxc.internal.runtime;

import io.pvekit.lxc.ContainerState;

/** The OCI state document, in the field order runc prints. */
public final class StateJson {
  private StateJson() {}

  public static String render(ContainerState state) {
    StringBuilder out = new StringBuilder(256);
    out.append("{\"ociVersion\":")
        .append(Json.quote(state.ociVersion()))
        .append(",\"id\":")
        .append(Json.quote(state.id()))
        .append(",\"pid\":")
        .append(state.pid())
        .append(",\"status\":")
        .append(Json.quote(state.status().ociName()))
        .append(",\"bundle\":")
        .append(Json.quote(state.bundle().toString()))
        .append(",\"rootfs\":")
        .append(Json.quote(state.bundle().resolve("rootfs").toString()))
        .append(",\"created\":")
        .append(Json.quote(Rfc3339.format(state.created())))
        .append(",\"owner\":\"\"");
    if (!state.annotations().isEmpty()) {
      out.append(",\"annotations\":").append(Json.object(state.annotations()));
    }
    return out.append('}').toString();
  }
}
