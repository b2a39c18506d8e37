package io.pvekit.proxmox.simulator.internal.api;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** An error answer: status, PVE's message (its first line becomes the reason phrase), errors. */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final SortedMap<String, String> errors;

  public ApiException(int status, String message) {
    this(status, message, new TreeMap<>());
  }

  public ApiException(int status, String message, Map<String, String> errors) {
    super(message, null, false, false);
    this.status = status;
    this.errors = new TreeMap<>(errors);
  }

  /** {@code 400 Parameter verification failed.} with per-parameter errors. */
  public static ApiException parameters(Map<String, String> errors) {
    return new ApiException(400, "Parameter verification failed.", errors);
  }

  /** A parameter error on one parameter. */
  public static ApiException parameter(String name, String message) {
    return parameters(Map.of(name, message));
  }

  /** {@code 403 Permission check failed (path, privs)}. */
  public static ApiException forbidden(String what) {
    return new ApiException(403, "Permission check failed (" + what + ")");
  }

  public int status() {
    return status;
  }

  public SortedMap<String, String> errors() {
    return errors;
  }
}
