package io.pvekit.oci.internal.unpack;

import io.pvekit.oci.OciIdMapping;
import java.util.List;

/** Maps container ids to host ids through OCI id mappings (identity when there are none). */
final class IdShift {
  private final List<OciIdMapping> mappings;
  private final String kind;

  IdShift(List<OciIdMapping> mappings, String kind) {
    this.mappings = mappings;
    this.kind = kind;
  }

  long toHost(long id, String entry) throws UnpackException {
    if (mappings.isEmpty()) {
      return id;
    }
    for (OciIdMapping m : mappings) {
      if (id >= m.containerId() && id < m.containerId() + m.size()) {
        return m.hostId() + (id - m.containerId());
      }
    }
    throw new UnpackException(entry, kind + " " + id + " is outside the id mapping");
  }
}
