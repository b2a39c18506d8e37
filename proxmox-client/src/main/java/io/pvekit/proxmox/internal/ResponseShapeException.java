package io.pvekit.proxmox.internal;

/**
 * A response value of a shape the decoders cannot read (a string where an object is required, a
 * required field missing, an id that does not parse), with where it is below {@code data}. The
 * transport turns it into a {@code ProxmoxMalformedResponseException} naming the method, path and
 * JSON path; it never reaches callers itself. It stays an {@link IllegalArgumentException}, the
 * type the decoders threw before the path was tracked.
 */
public final class ResponseShapeException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Longest excerpt of a received value put into a message. */
  private static final int EXCERPT = 200;

  /** Below {@code data}: {@code ""}, {@code .version}, {@code [3].id}. */
  private final String path;

  private ResponseShapeException(String path, String message, Throwable cause) {
    super(message, cause);
    this.path = path;
  }

  /** A problem with the value of {@code field} of the object at hand. */
  public static ResponseShapeException field(String field, String message, Throwable cause) {
    return new ResponseShapeException("." + field, message, cause);
  }

  /** A problem with the value at hand itself. */
  public static ResponseShapeException here(String message) {
    return new ResponseShapeException("", message, null);
  }

  /** {@code failure} happened inside the entry {@code index} of an array: prefixes the path. */
  public static ResponseShapeException inEntry(int index, RuntimeException failure) {
    String prefix = "[" + index + "]";
    if (failure instanceof ResponseShapeException shape) {
      return new ResponseShapeException(prefix + shape.path, shape.getMessage(), shape.getCause());
    }
    return new ResponseShapeException(prefix, failure.getMessage(), failure);
  }

  /** The JSON path below {@code data}, empty for {@code data} itself. */
  public String path() {
    return path;
  }

  /** A received value for a message: its JSON text, cut at 200 characters. */
  public static String excerpt(Object value) {
    String text = String.valueOf(value);
    return text.length() > EXCERPT ? text.substring(0, EXCERPT) + "...(cut)" : text;
  }
}
