package io.pvekit.oci.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.pvekit.oci.OciSpec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Writes the OCI runtime-spec model ({@link OciSpec} and its parts) as JSON with jackson-core's
 * generator (the per-type methods are {@code ModelWriter}'s, which oci-codegen generates from the
 * model's declarations at build time): the output jackson-databind wrote with {@link
 * OciJson#mapper()} (pretty-printed, absent and empty values left out), without the cost of
 * introspecting the model in every process that writes or explains a spec.
 */
public final class SpecWriter {
  private static final JsonFactory FACTORY = new JsonFactory();

  private SpecWriter() {}

  /** The spec as pretty-printed JSON, with a final newline. */
  public static String toJson(OciSpec spec) {
    return write(spec).orElseThrow() + "\n";
  }

  /**
   * Any model value, or a collection, map, string, number or boolean made of them, pretty-printed.
   *
   * @return empty for a value of another type
   */
  public static Optional<String> write(Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.useDefaultPrettyPrinter();
      if (!new JsonOut(generator).value(value)) {
        return Optional.empty();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(out.toString());
  }
}
