package io.pvekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pvekit.testing.internal.cel.CelRuleEvaluator;
import io.pvekit.testing.internal.cel.CelValues;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every CEL rule of every upstream CRD compiles with the evaluator's library, and runs (to true,
 * false or an evaluation error, never "not supported") on a sample value of its schema.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class UpstreamCelRulesTest {
  private static final List<String> DIRECTORIES =
      List.of("crds", "crds/legacy/v1beta1-contract", "operator-crds");

  /** A distinct rule text with where it was first seen. */
  private record Rule(String file, JsonNode schema, String messageExpression) {}

  private static final Map<String, Rule> RULES = new TreeMap<>();
  private static final CelRuleEvaluator CEL = new CelRuleEvaluator();

  @BeforeAll
  static void collectUpstreamRules() throws IOException {
    for (String dir : DIRECTORIES) {
      try (Stream<Path> files = Files.list(SharedData.upstream(dir))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
          collect(file);
        }
      }
    }
  }

  @Test
  void everyRuleOfEveryUpstreamCrdCompiles() {
    List<String> unsupported = new ArrayList<>();
    RULES.forEach(
        (rule, where) -> {
          String error = CEL.compileError(rule);
          if (error != null) {
            unsupported.add(where.file() + ": " + rule + " -> " + error);
          }
          if (where.messageExpression() != null
              && CEL.compileError(where.messageExpression()) != null) {
            unsupported.add(where.file() + ": messageExpression " + where.messageExpression());
          }
        });
    // The upstream CRDs carried 82 distinct rule texts when this was written.
    assertThat(RULES).hasSizeGreaterThanOrEqualTo(82);
    assertThat(unsupported).isEmpty();
  }

  @Test
  void everyRuleOfEveryUpstreamCrdRunsOnASampleOfItsSchema() {
    List<String> unsupported = new ArrayList<>();
    int evaluated = 0;
    for (Map.Entry<String, Rule> entry : RULES.entrySet()) {
      if (CelRuleEvaluator.isTransitionRule(entry.getKey())) {
        continue;
      }
      JsonNode schema = entry.getValue().schema();
      CelRuleEvaluator.Outcome outcome =
          CEL.evaluate(entry.getKey(), CelValues.of(SchemaSamples.sample(schema), schema));
      evaluated++;
      if (outcome instanceof CelRuleEvaluator.Unsupported u) {
        unsupported.add(entry.getValue().file() + ": " + entry.getKey() + " -> " + u.reason());
      }
    }
    assertThat(evaluated).isGreaterThanOrEqualTo(60);
    assertThat(unsupported).isEmpty();
  }

  private static void collect(Path file) throws IOException {
    try (MappingIterator<JsonNode> docs =
        new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && "CustomResourceDefinition".equals(doc.path("kind").asText())) {
          for (JsonNode version : doc.path("spec").path("versions")) {
            walk(version.path("schema").path("openAPIV3Schema"), file.getFileName().toString());
          }
        }
      }
    }
  }

  /** Follows the schema structure only, so a property named x-kubernetes-validations is no rule. */
  private static void walk(JsonNode schema, String file) {
    if (!schema.isObject()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      String message =
          rule.hasNonNull("messageExpression") ? rule.get("messageExpression").asText() : null;
      RULES.putIfAbsent(rule.path("rule").asText(), new Rule(file, schema, message));
    }
    schema.path("properties").forEach(child -> walk(child, file));
    walk(schema.path("items"), file);
    walk(schema.path("additionalProperties"), file);
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      schema.path(combinator).forEach(child -> walk(child, file));
    }
    walk(schema.path("not"), file);
  }
}
