package io.pvekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.pvekit.testing.internal.cel.CelRuleEvaluator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every CEL rule of every upstream CRD compiles with the evaluator's library. */
@Requires(Prerequisite.SHARED_UPSTREAM)
class UpstreamCelRulesTest {
  private static final List<String> DIRECTORIES =
      List.of("crds", "crds/legacy/v1beta1-contract", "operator-crds");

  @Test
  void everyRuleOfEveryUpstreamCrdCompiles() throws IOException {
    Map<String, String> rules = new TreeMap<>();
    for (String dir : DIRECTORIES) {
      try (Stream<Path> files = Files.list(SharedData.upstream(dir))) {
        for (Path file : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
          collectRules(file, rules);
        }
      }
    }
    CelRuleEvaluator cel = new CelRuleEvaluator();
    List<String> unsupported = new ArrayList<>();
    rules.forEach(
        (rule, where) -> {
          String error = cel.compileError(rule);
          if (error != null) {
            unsupported.add(where + ": " + rule + " -> " + error);
          }
          String message = messageExpressions.get(rule);
          if (message != null && cel.compileError(message) != null) {
            unsupported.add(where + ": messageExpression " + message);
          }
        });
    // The upstream CRDs carried 82 distinct rule texts when this was written.
    assertThat(rules).hasSizeGreaterThanOrEqualTo(82);
    assertThat(unsupported).isEmpty();
  }

  private final Map<String, String> messageExpressions = new TreeMap<>();

  private void collectRules(Path file, Map<String, String> rules) throws IOException {
    try (MappingIterator<JsonNode> docs =
        new YAMLMapper().readerFor(JsonNode.class).readValues(file.toFile())) {
      while (docs.hasNext()) {
        JsonNode doc = docs.next();
        if (doc != null && "CustomResourceDefinition".equals(doc.path("kind").asText())) {
          for (JsonNode version : doc.path("spec").path("versions")) {
            walk(
                version.path("schema").path("openAPIV3Schema"),
                file.getFileName().toString(),
                rules);
          }
        }
      }
    }
  }

  /** Follows the schema structure only, so a property named x-kubernetes-validations is no rule. */
  private void walk(JsonNode schema, String where, Map<String, String> rules) {
    if (!schema.isObject()) {
      return;
    }
    for (JsonNode rule : schema.path("x-kubernetes-validations")) {
      rules.putIfAbsent(rule.path("rule").asText(), where);
      if (rule.hasNonNull("messageExpression")) {
        messageExpressions.put(rule.path("rule").asText(), rule.get("messageExpression").asText());
      }
    }
    schema.path("properties").forEach(child -> walk(child, where, rules));
    walk(schema.path("items"), where, rules);
    walk(schema.path("additionalProperties"), where, rules);
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      schema.path(combinator).forEach(child -> walk(child, where, rules));
    }
    walk(schema.path("not"), where, rules);
  }
}
