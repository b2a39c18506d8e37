package io.pvekit.proxmox;

import com.fasterxml.jackson.core.JsonParser;
import io.pvekit.proxmox.internal.DataReader;
import java.io.IOException;
import java.util.List;

/**
 * Streams {@code GET /cluster/resources} into {@link ClusterResource}s: no tree per entry, the
 * entry's bytes kept for {@link ClusterResource#raw()}, numbers boxed once, repeated strings
 * ({@code type}, {@code status}, {@code node}, ...) and node names shared within the response.
 * Bodies of the usual shape take the {@link ResourceScanner} path first; this Jackson path reads
 * everything else. Both read exactly what {@link Decode#resource} reads from a tree ({@code
 * StreamingDecodeTest} holds them together).
 */
final class ResourceReader {
  private final ResourceFields fields = new ResourceFields();
  private final long[] integer = new long[1];
  private final double[] number = new double[1];

  private ResourceReader() {}

  static DataReader<List<ClusterResource>> list() {
    return new DataReader<>() {
      @Override
      public List<ClusterResource> read(JsonParser parser, byte[] body) throws IOException {
        return JsonTokens.list(parser, body, new ResourceReader()::read, Decode::resource);
      }

      @Override
      public List<ClusterResource> readPlain(byte[] body) {
        return ResourceScanner.scan(body);
      }
    };
  }

  private ClusterResource read(JsonParser p, byte[] body) throws IOException {
    int start = JsonTokens.objectStart(p);
    fields.begin();
    for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
      p.nextToken();
      int field = ResourceFields.field(name);
      if (ResourceFields.isText(field)) {
        fields.text(
            field,
            ResourceFields.isRepeating(field)
                ? JsonTokens.text(p, fields.cache)
                : JsonTokens.text(p));
      } else if (ResourceFields.isInteger(field)) {
        fields.integer(field, JsonTokens.integer(p, integer, 0), integer[0]);
      } else {
        switch (field) {
          case ResourceFields.CPU -> fields.cpu(JsonTokens.number(p, number), number[0]);
          case ResourceFields.TEMPLATE -> fields.template(JsonTokens.flag(p));
          case ResourceFields.TAGS -> fields.tags(JsonTokens.list(p));
          default -> p.skipChildren();
        }
      }
    }
    return fields.build(JsonTokens.rawObject(p, body, start));
  }
}
