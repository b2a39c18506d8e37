package io.pvekit.testing.internal.crd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CRDs read from YAML files, indexed by group and kind. A directory contributes its own {@code
 * *.yaml}/{@code *.yml} files (not its subdirectories, which upstream uses for templates and older
 * releases); documents that are not CRDs are ignored. A CRD loaded later replaces an earlier one of
 * the same name, so a caller picks a release by the order of its paths.
 */
public final class CrdRegistry {
  private static final ObjectMapper YAML = new YAMLMapper();

  /** CRD name to its versions, by version name. */
  private final Map<String, Map<String, CrdVersion>> crds = new LinkedHashMap<>();

  /** {@code group/kind} to CRD name. */
  private final Map<String, String> byGroupKind = new LinkedHashMap<>();

  private CrdRegistry() {}

  /** Reads every CRD of the given files and directories. */
  public static CrdRegistry load(List<Path> paths) {
    CrdRegistry registry = new CrdRegistry();
    for (Path path : paths) {
      for (Path file : yamlFiles(path)) {
        registry.read(file);
      }
    }
    if (registry.crds.isEmpty()) {
      throw new IllegalArgumentException("no CustomResourceDefinition found in " + paths);
    }
    return registry;
  }

  private static List<Path> yamlFiles(Path path) {
    if (Files.isRegularFile(path)) {
      return List.of(path);
    }
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException("CRD path does not exist: " + path);
    }
    try (Stream<Path> files = Files.list(path)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + path, e);
    }
  }

  private void read(Path file) {
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null
            && "CustomResourceDefinition".equals(doc.path("kind").asText())
            && doc.path("apiVersion").asText().startsWith("apiextensions.k8s.io/")) {
          add(doc, file.toString());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read CRDs from " + file + ": " + e.getMessage(), e);
    }
  }

  private void add(JsonNode crd, String source) {
    String name = crd.path("metadata").path("name").asText();
    JsonNode spec = crd.path("spec");
    String group = spec.path("group").asText();
    String kind = spec.path("names").path("kind").asText();
    Map<String, CrdVersion> versions = new LinkedHashMap<>();
    for (JsonNode v : spec.path("versions")) {
      JsonNode schema = v.path("schema").path("openAPIV3Schema");
      if (schema.isMissingNode()) {
        // apiextensions v1beta1 kept one schema for all versions.
        schema = spec.path("validation").path("openAPIV3Schema");
      }
      String version = v.path("name").asText();
      versions.put(
          version,
          new CrdVersion(
              name, group, kind, version, v.path("served").asBoolean(false), schema, source));
    }
    crds.put(name, versions);
    byGroupKind.put(group + "/" + kind, name);
  }

  /** The versions of the CRD that defines this group and kind, empty when none does. */
  public Map<String, CrdVersion> versions(String group, String kind) {
    String name = byGroupKind.get(group + "/" + kind);
    return name == null ? Map.of() : Collections.unmodifiableMap(crds.get(name));
  }

  /** The version a manifest's apiVersion names, if loaded and served. */
  public Optional<CrdVersion> served(String group, String version, String kind) {
    return Optional.ofNullable(versions(group, kind).get(version)).filter(CrdVersion::served);
  }

  /** Every loaded version of every CRD. */
  public List<CrdVersion> all() {
    List<CrdVersion> all = new ArrayList<>();
    crds.values().forEach(v -> all.addAll(v.values()));
    return all;
  }

  /** The {@code group/kind} pairs loaded, for messages. */
  public List<String> groupKinds() {
    return new ArrayList<>(byGroupKind.keySet());
  }
}
