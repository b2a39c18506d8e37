package io.pvekit.oci.internal.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads {@code config.json} into {@link OciSpec} with jackson-core's streaming parser: the errors,
 * the document's checks and its version are handled here, the objects by {@code ModelReader}, which
 * oci-codegen generates from the model's declarations at build time. The rules are {@link
 * JsonCursor}'s.
 */
public final class SpecReader {
  // the JSON factory's defaults (jackson-databind's) and no duplicate properties
  private static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final String MISSING = "some of required attributes are not set [";

  private SpecReader() {}

  public static OciSpec read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return parse(in);
    }
  }

  public static OciSpec parse(String json) {
    try (JsonParser parser = FACTORY.createParser(json)) {
      return parse(parser);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses from a stream, which stays open. */
  public static OciSpec parse(InputStream json) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
      return parse(parser);
    }
  }

  private static OciSpec parse(JsonParser parser) throws IOException {
    JsonCursor c = new JsonCursor(parser);
    OciSpec spec;
    try {
      JsonToken first = c.first();
      if (first == null) {
        throw new OciSpecException("$", "expected an object, got an empty document", null);
      }
      if (first == JsonToken.VALUE_NULL) {
        throw new OciSpecException("$", "expected an object, got null", null);
      }
      // the reader is generated from the model (oci-codegen); what it skipped is kept
      spec =
          OciSpec.builder()
              .from(ModelReader.readOciSpec(c))
              .ignoredFields(c.unknownFields())
              .build();
    } catch (JsonProcessingException e) {
      throw notJson(e);
    } catch (IllegalStateException e) {
      // an Immutables builder without a required attribute: the parser is on that object's end
      String message = String.valueOf(e.getMessage());
      int list = message.indexOf(MISSING);
      if (list < 0) {
        throw e;
      }
      String names = message.substring(list + MISSING.length(), message.lastIndexOf(']'));
      throw new OciSpecException(c.objectPath(), "required field missing: " + names, e);
    }
    return SpecVersion.check(spec);
  }

  private static OciSpecException notJson(JsonProcessingException e) {
    String reason = e.getOriginalMessage();
    int detail = reason.indexOf(" (");
    String location =
        e.getLocation() == null
            ? ""
            : " at line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr();
    Object processor = e.getProcessor();
    String path =
        processor instanceof JsonParser
            ? JsonCursor.path(((JsonParser) processor).getParsingContext())
            : "$";
    return new OciSpecException(
        path,
        "not valid JSON: " + (detail > 0 ? reason.substring(0, detail) : reason) + location,
        e);
  }
}
