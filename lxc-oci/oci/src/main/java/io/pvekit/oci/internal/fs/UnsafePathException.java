package io.pvekit.oci.internal.fs;

import java.io.IOException;

/** A path would lead outside its root, or through something that is not a directory. */
public final class UnsafePathException extends IOException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public UnsafePathException(String path, String reason) {
    super("\"" + path + "\": " + reason);
    this.path = path;
  }

  public String path() {
    return path;
  }
}
