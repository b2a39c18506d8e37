package io.pvekit.oci.internal.unpack;

import java.io.IOException;

/** A layer entry cannot be unpacked safely; names the entry. */
final class UnpackException extends IOException {
  private static final long serialVersionUID = 1L;

  UnpackException(String entry, String reason) {
    super("entry \"" + entry + "\": " + reason);
  }

  UnpackException(String entry, String reason, Throwable cause) {
    super("entry \"" + entry + "\": " + reason, cause);
  }
}
