package io.pvekit.testing;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pvekit.testing.internal.cel.CelRuleEvaluator;
import io.pvekit.testing.internal.crd.CrdRegistry;
import io.pvekit.testing.internal.crd.CrdVersion;
import io.pvekit.testing.internal.schema.SchemaWalker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A test-side stand-in for the Kubernetes API server's validation of custom resources: would a real
 * API server with these CRDs installed accept a manifest <em>unchanged</em>?
 *
 * <p>It checks that apiVersion and kind name a served version of a loaded CRD, the metadata (name,
 * labels, annotations), the structural schema (types, required, enum, pattern, format, bounds, list
 * types, allOf/anyOf/oneOf/not, int-or-string, embedded resources), every {@code
 * x-kubernetes-validations} CEL rule as on create, and pruning: a field the schema does not declare
 * is an error, because the API server would silently drop it.
 *
 * <pre>{@code
 * CrdValidator crds = CrdValidator.upstream("crds");
 * crds.assertValid(proxmoxCluster);          // fabric8 object, Map, JsonNode or any POJO
 * List<String> errors = crds.validateYaml(renderedYaml);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; {@link #upstream} caches them per path list.
 */
public final class CrdValidator {
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .findAndAddModules()
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.USE_DEFAULTS))
          .build();
  private static final ObjectMapper YAML = new YAMLMapper();
  private static final Map<List<Path>, CrdValidator> CACHE = new ConcurrentHashMap<>();

  private final CrdRegistry registry;
  private final CelRuleEvaluator cel = new CelRuleEvaluator();

  private CrdValidator(CrdRegistry registry) {
    this.registry = registry;
  }

  /**
   * Loads every CRD (all versions) from YAML files, multi-document or not, and directories (their
   * own {@code .yaml}/{@code .yml} files; subdirectories are not read). Documents that are not CRDs
   * are ignored; a CRD read later replaces an earlier one of the same name.
   *
   * @throws IllegalArgumentException when a path does not exist or no CRD was found
   * @throws java.io.UncheckedIOException when a file cannot be read or parsed
   */
  public static CrdValidator load(Path... crdFilesOrDirectories) {
    List<Path> paths =
        Arrays.stream(crdFilesOrDirectories)
            .map(p -> p.toAbsolutePath().normalize())
            .collect(Collectors.toUnmodifiableList());
    return CACHE.computeIfAbsent(paths, p -> new CrdValidator(CrdRegistry.load(p)));
  }

  /**
   * Loads CRDs from paths under {@code shared/upstream} (see {@link SharedData#upstream}), e.g.
   * {@code upstream("crds", "operator-crds/cnpg-v1.30.0_postgresql.cnpg.io_clusters.yaml")}.
   */
  public static CrdValidator upstream(String... pathsUnderUpstream) {
    return load(Arrays.stream(pathsUnderUpstream).map(SharedData::upstream).toArray(Path[]::new));
  }

  /**
   * Validates one manifest.
   *
   * @param manifest a fabric8 {@code HasMetadata}, a Jackson {@code JsonNode}, a {@code Map} or any
   *     object Jackson serialises (null properties of objects are left out, as clients send them)
   * @return the errors, each starting with the JSON path of the value ({@code
   *     spec.network.networkDevices[0].bridge: ...}); empty when the API server would accept it
   */
  public List<String> validate(Object manifest) {
    JsonNode resource = toTree(manifest);
    if (!resource.isObject()) {
      return List.of("<root>: must be an object, got " + resource.getNodeType());
    }
    String apiVersion = resource.path("apiVersion").asText("");
    String kind = resource.path("kind").asText("");
    List<String> errors = new ArrayList<>();
    if (apiVersion.isEmpty()) {
      errors.add("apiVersion: Required value");
    }
    if (kind.isEmpty()) {
      errors.add("kind: Required value");
    }
    if (!errors.isEmpty()) {
      return errors;
    }
    Optional<CrdVersion> version = resolve(apiVersion, kind, errors);
    if (version.isEmpty()) {
      return errors;
    }
    return SchemaWalker.validateResource(resource, version.get().schema(), cel);
  }

  /**
   * Validates every document of a multi-document YAML string; empty documents are skipped.
   *
   * @return the errors, each prefixed with {@code doc N (Kind/name): }, N counting from 1
   */
  public List<String> validateYaml(String multiDocumentYaml) {
    List<String> errors = new ArrayList<>();
    int index = 0;
    try (MappingIterator<JsonNode> docs =
        YAML.readerFor(JsonNode.class).readValues(multiDocumentYaml)) {
      while (true) {
        JsonNode doc;
        try {
          if (!docs.hasNext()) {
            break;
          }
          doc = docs.next();
        } catch (RuntimeException e) {
          // MappingIterator reports a syntax error of the next document unchecked.
          errors.add("doc " + (index + 1) + ": not valid YAML: " + e.getMessage());
          break;
        }
        index++;
        if (doc == null || doc.isNull() || doc.isMissingNode()) {
          continue;
        }
        String prefix =
            "doc "
                + index
                + " ("
                + doc.path("kind").asText("?")
                + "/"
                + doc.path("metadata").path("name").asText("?")
                + "): ";
        validate(doc).forEach(e -> errors.add(prefix + e));
      }
    } catch (IOException e) {
      errors.add("doc " + (index + 1) + ": not valid YAML: " + e.getMessage());
    }
    return errors;
  }

  /**
   * Fails with an {@link AssertionError} that lists every error of {@link #validate}.
   *
   * @throws AssertionError when the API server would reject or change the manifest
   */
  public void assertValid(Object manifest) {
    fail(validate(manifest));
  }

  /**
   * Fails with an {@link AssertionError} that lists every error of {@link #validateYaml}.
   *
   * @throws AssertionError when the API server would reject or change any document
   */
  public void assertValidYaml(String multiDocumentYaml) {
    fail(validateYaml(multiDocumentYaml));
  }

  private static void fail(List<String> errors) {
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "the API server would not accept this unchanged ("
              + errors.size()
              + " error"
              + (errors.size() == 1 ? "" : "s")
              + "):\n  "
              + String.join("\n  ", errors));
    }
  }

  private Optional<CrdVersion> resolve(String apiVersion, String kind, List<String> errors) {
    int slash = apiVersion.indexOf('/');
    if (slash < 0) {
      errors.add(
          "apiVersion: "
              + apiVersion
              + " is the core API group, built into Kubernetes;"
              + " no CRD validates kind "
              + kind);
      return Optional.empty();
    }
    String group = apiVersion.substring(0, slash);
    String version = apiVersion.substring(slash + 1);
    Map<String, CrdVersion> versions = registry.versions(group, kind);
    if (versions.isEmpty()) {
      errors.add(
          "kind: no CRD loaded for "
              + kind
              + " in group "
              + group
              + "; loaded: "
              + registry.groupKinds());
      return Optional.empty();
    }
    Optional<CrdVersion> served = registry.served(group, version, kind);
    if (served.isEmpty()) {
      List<String> servedVersions =
          versions.values().stream()
              .filter(CrdVersion::served)
              .map(CrdVersion::apiVersion)
              .collect(Collectors.toList());
      errors.add(
          "apiVersion: "
              + apiVersion
              + " of "
              + kind
              + (versions.containsKey(version) ? " is not served" : " does not exist")
              + "; served: "
              + servedVersions);
    }
    return served;
  }

  private static JsonNode toTree(Object manifest) {
    if (manifest == null) {
      throw new IllegalArgumentException("manifest is null");
    }
    if (manifest instanceof CharSequence) {
      throw new IllegalArgumentException("a string manifest: call validateYaml instead");
    }
    if (manifest instanceof JsonNode node) {
      return node;
    }
    return JSON.valueToTree(manifest);
  }

  /** Every loaded CRD version, for reports ({@code group/version Kind}). */
  List<String> loadedVersions() {
    return registry.all().stream()
        .map(v -> v.apiVersion() + " " + v.kind() + (v.served() ? "" : " (not served)"))
        .collect(Collectors.toList());
  }
}
