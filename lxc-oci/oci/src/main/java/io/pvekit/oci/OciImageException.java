package io.pvekit.oci;

import java.io.IOException;

/**
 * An OCI image (layout, index, manifest, config or layer) is invalid or hostile: a digest or size
 * does not match, a document is malformed, no manifest fits the platform, or a layer tries to write
 * outside the root file system. The message says which blob or entry and why; whatever was unpacked
 * has been removed.
 */
public final class OciImageException extends IOException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what is wrong and where
   */
  public OciImageException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what is wrong and where
   * @param cause the underlying error
   */
  public OciImageException(String message, Throwable cause) {
    super(message, cause);
  }
}
