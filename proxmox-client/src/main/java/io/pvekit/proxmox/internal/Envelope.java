package io.pvekit.proxmox.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * Reads PVE's response object {@code {"data": ..., ...}} with a parser: the {@code data} member
 * goes to a {@link DataReader}, the other members are skipped. It parses the whole object either
 * way, so a body that is not JSON is reported as such just as a tree reader would, even when a
 * decoding error comes first.
 */
final class Envelope {
  /** The body is JSON, but not an object with a {@code data} member. */
  static final class NoData extends Exception {
    private static final long serialVersionUID = 1L;

    NoData() {
      super(null, null, false, false);
    }
  }

  /**
   * Larger bodies always go to Jackson, whose limits (string and number length) a plain reader then
   * need not repeat.
   */
  private static final int PLAIN_LIMIT = 4 << 20;

  private Envelope() {}

  static <T> T data(ObjectMapper json, byte[] body, DataReader<T> reader)
      throws IOException, NoData {
    T plain = body.length <= PLAIN_LIMIT ? reader.readPlain(body) : null;
    if (plain != null) {
      return plain;
    }
    try (JsonParser parser = json.createParser(body)) {
      JsonToken first = parser.nextToken();
      if (first != JsonToken.START_OBJECT) {
        parser.skipChildren();
        throw new NoData();
      }
      T data = null;
      boolean found = false;
      for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
        parser.nextToken();
        if (name.equals("data")) {
          data = read(parser, body, reader);
          found = true;
        } else {
          parser.skipChildren();
        }
      }
      if (!found) {
        throw new NoData();
      }
      return data;
    }
  }

  private static <T> T read(JsonParser parser, byte[] body, DataReader<T> reader)
      throws IOException {
    try {
      return reader.read(parser, body);
    } catch (RuntimeException decodingFailed) {
      // a tree reader would have parsed the rest first: a broken body wins over a bad value
      while (!parser.getParsingContext().inRoot()) {
        if (parser.nextToken() == null) {
          break;
        }
      }
      throw decodingFailed;
    }
  }
}
