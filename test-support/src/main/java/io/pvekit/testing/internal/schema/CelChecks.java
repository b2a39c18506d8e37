package io.pvekit.testing.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.testing.internal.cel.CelRuleEvaluator;
import io.pvekit.testing.internal.cel.CelRuleEvaluator.EvaluationError;
import io.pvekit.testing.internal.cel.CelRuleEvaluator.Failed;
import io.pvekit.testing.internal.cel.CelRuleEvaluator.Outcome;
import io.pvekit.testing.internal.cel.CelRuleEvaluator.Unsupported;
import io.pvekit.testing.internal.cel.CelValues;
import java.util.List;
import java.util.Map;

/**
 * Runs the {@code x-kubernetes-validations} of one schema node on its value, as on create: rules
 * that read {@code oldSelf} are transition rules and do not run.
 */
final class CelChecks {
  private CelChecks() {}

  static void check(
      JsonNode rules, Object self, String path, CelRuleEvaluator cel, List<String> errors) {
    for (JsonNode rule : rules) {
      String expression = rule.path("rule").asText();
      if (CelRuleEvaluator.isTransitionRule(expression)) {
        continue;
      }
      String at = at(path, rule.path("fieldPath").asText(""));
      if (self instanceof CelValues.InvalidValueException invalid) {
        errors.add(
            at + ": Invalid value: " + invalid.getMessage() + " evaluating rule: " + expression);
        continue;
      }
      Outcome outcome = cel.evaluate(expression, self);
      if (outcome instanceof Failed) {
        errors.add(at + ": " + message(rule, self, cel));
      } else if (outcome instanceof EvaluationError e) {
        errors.add(
            at
                + ": Invalid value: \""
                + celType(self)
                + "\": "
                + e.reason()
                + " evaluating rule: "
                + expression);
      } else if (outcome instanceof Unsupported u) {
        errors.add(at + ": CEL rule not supported: " + expression + " (" + u.reason() + ")");
      }
    }
  }

  private static String celType(Object self) {
    if (self instanceof Map) {
      return "object";
    }
    if (self instanceof List) {
      return "array";
    }
    return self instanceof String ? "string" : self instanceof Boolean ? "boolean" : "number";
  }

  private static String message(JsonNode rule, Object self, CelRuleEvaluator cel) {
    if (rule.hasNonNull("messageExpression")) {
      String evaluated = cel.evaluateMessage(rule.get("messageExpression").asText(), self);
      if (evaluated != null && !evaluated.isBlank()) {
        return evaluated;
      }
    }
    if (rule.hasNonNull("message")) {
      return rule.get("message").asText();
    }
    return "failed rule: " + rule.path("rule").asText();
  }

  /** The node's path joined with the rule's {@code fieldPath} (written {@code .spec.x}). */
  private static String at(String path, String fieldPath) {
    String joined;
    if (fieldPath.isEmpty()) {
      joined = path;
    } else if (path.isEmpty()) {
      joined = fieldPath.startsWith(".") ? fieldPath.substring(1) : fieldPath;
    } else {
      joined =
          fieldPath.startsWith(".") || fieldPath.startsWith("[")
              ? path + fieldPath
              : path + "." + fieldPath;
    }
    return SchemaWalker.display(joined);
  }
}
