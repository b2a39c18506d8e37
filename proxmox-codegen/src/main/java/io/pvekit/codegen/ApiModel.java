package io.pvekit.codegen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The endpoints of several schema extracts merged into one tree of resources. Each endpoint and
 * parameter knows the versions it exists in (a bit per version, in the order the extracts were
 * given); where versions differ, the schema of the newest version wins and enums are the union.
 */
public final class ApiModel {
  /** One parameter of an endpoint; {@code enumVersions} gives the versions of each enum value. */
  public record Param(
      String name,
      JsonNode schema,
      int versions,
      boolean inPath,
      Map<String, Integer> enumVersions) {
    /**
     * Whether the name is an indexed family such as {@code net[n]}.
     *
     * @return true for {@code name[n]}
     */
    public boolean indexed() {
      return name.endsWith("[n]");
    }

    /**
     * Whether the parameter must be given.
     *
     * @return true unless the schema marks it optional
     */
    public boolean required() {
      return schema.path("optional").asInt(0) == 0;
    }
  }

  /** One (method, path) of the API. */
  public record Endpoint(
      String method, String path, JsonNode returns, int versions, Map<String, Param> params) {}

  /** One path of the API and what hangs below it. */
  public static final class Resource {
    final String path;
    final Map<String, Resource> children = new TreeMap<>();
    final Map<String, Endpoint> endpoints = new TreeMap<>();

    Resource(String path) {
      this.path = path;
    }

    /**
     * The path template.
     *
     * @return e.g. {@code /nodes/{node}}
     */
    public String path() {
      return path;
    }

    /**
     * The last segment, {@code ""} for the root.
     *
     * @return e.g. {@code {node}}
     */
    public String segment() {
      return path.substring(path.lastIndexOf('/') + 1);
    }
  }

  private final List<String> versions;
  private final Resource root = new Resource("/");
  private final Map<String, Endpoint> endpoints = new TreeMap<>();

  private ApiModel(List<String> versions) {
    this.versions = versions;
  }

  /**
   * Reads extracts, newest first.
   *
   * @param extracts extract files written by {@link SchemaExtractor}, newest version first
   * @return the merged model
   * @throws IOException when a file cannot be read
   */
  public static ApiModel load(List<Path> extracts) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> roots = new ArrayList<>();
    for (Path p : extracts) {
      roots.add(json.readTree(p.toFile()));
    }
    List<String> versions = new ArrayList<>();
    for (JsonNode r : roots) {
      versions.add(r.get("pveVersion").asText());
    }
    ApiModel model = new ApiModel(versions);
    for (int i = 0; i < roots.size(); i++) {
      for (JsonNode e : roots.get(i).get("endpoints")) {
        model.add(e, 1 << i);
      }
    }
    model.endpoints.values().forEach(model::place);
    return model;
  }

  private void add(JsonNode e, int bit) {
    String method = e.get("method").asText();
    String path = e.get("path").asText();
    String key = path + " " + method;
    Endpoint known = endpoints.get(key);
    Map<String, Param> params = known == null ? new TreeMap<>() : known.params();
    e.path("parameters")
        .path("properties")
        .properties()
        .forEach(
            p -> {
              Param old = params.get(p.getKey());
              boolean inPath = path.contains("{" + p.getKey() + "}");
              Map<String, Integer> values =
                  old == null ? new TreeMap<>() : new TreeMap<>(old.enumVersions());
              p.getValue()
                  .path("enum")
                  .forEach(v -> values.merge(v.asText(), bit, (x, y) -> x | y));
              if (old == null) {
                params.put(p.getKey(), new Param(p.getKey(), p.getValue(), bit, inPath, values));
              } else {
                params.put(
                    p.getKey(),
                    new Param(
                        p.getKey(),
                        unionOfEnums(old.schema(), p.getValue()),
                        old.versions() | bit,
                        inPath,
                        values));
              }
            });
    JsonNode returns = known == null ? e.path("returns") : known.returns();
    int mask = known == null ? bit : known.versions() | bit;
    endpoints.put(key, new Endpoint(method, path, returns, mask, params));
  }

  /** The newer schema, with the enum values of the older one added. */
  private static JsonNode unionOfEnums(JsonNode newer, JsonNode older) {
    if (!newer.has("enum") || !older.has("enum")) {
      return newer;
    }
    Set<String> values = new LinkedHashSet<>();
    newer.get("enum").forEach(v -> values.add(v.asText()));
    older.get("enum").forEach(v -> values.add(v.asText()));
    ObjectNode merged = ((ObjectNode) newer).deepCopy();
    ArrayNode list = merged.putArray("enum");
    values.forEach(list::add);
    return merged;
  }

  private void place(Endpoint endpoint) {
    Resource at = root;
    StringBuilder path = new StringBuilder();
    for (String segment : endpoint.path().substring(1).split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      path.append('/').append(segment);
      String sub = path.toString();
      at = at.children.computeIfAbsent(segment, s -> new Resource(sub));
    }
    at.endpoints.put(endpoint.method(), endpoint);
  }

  /**
   * The versions, newest first; bit {@code 1 << i} of a mask stands for {@code versions().get(i)}.
   *
   * @return e.g. {@code [9.1, 8.4]}
   */
  public List<String> versions() {
    return versions;
  }

  /**
   * The mask with every version's bit set.
   *
   * @return e.g. 3 for two versions
   */
  public int allVersions() {
    return (1 << versions.size()) - 1;
  }

  /**
   * The root resource {@code /}.
   *
   * @return the root
   */
  public Resource root() {
    return root;
  }

  /**
   * All endpoints, by {@code path + " " + method}.
   *
   * @return the endpoints
   */
  public Map<String, Endpoint> endpoints() {
    return endpoints;
  }

  /**
   * The schema of a placeholder: the parameter of that name in the first endpoint at or below the
   * resource that declares it.
   *
   * @param resource the resource whose last segment is the placeholder
   * @param name the placeholder's name
   * @return its schema, or an empty object when no endpoint declares it
   */
  public JsonNode placeholderSchema(Resource resource, String name) {
    for (Endpoint e : resource.endpoints.values()) {
      Param p = e.params().get(name);
      if (p != null) {
        return p.schema();
      }
    }
    for (Resource child : resource.children.values()) {
      JsonNode found = placeholderSchema(child, name);
      if (!found.isMissingNode()) {
        return found;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }
}
