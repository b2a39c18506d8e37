package io.pvekit.testing;

import static io.pvekit.testing.CrdValidatorRulesTest.spec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** x-kubernetes-validations on the hand-written Widget CRD: messages, paths, library functions. */
class CrdValidatorCelTest {

  @Test
  void failingRuleReportsItsMessageAtTheNode() {
    assertThat(spec("minReplicas: 1", "maxReplicas: 2")).isEmpty();
    assertThat(spec("minReplicas: 3", "maxReplicas: 2"))
        .containsExactly("spec: minReplicas must not exceed maxReplicas");
  }

  @Test
  void messageExpressionIsEvaluated() {
    assertThat(spec("mode: 'Off'")).containsExactly("spec: size must be 0 when mode is Off, not 1");
  }

  @Test
  void fieldPathMovesTheError() {
    assertThat(spec("ports: [{name: a, port: 0}]"))
        .containsExactly("spec.ports: ports must be positive");
  }

  @Test
  void transitionRulesDoNotRunOnCreate() {
    // spec carries "self.size == oldSelf.size"; on create there is no oldSelf, so it is skipped.
    assertThat(spec()).isEmpty();
  }

  @Test
  void quantity() {
    assertThat(spec("memory: 2Mi")).isEmpty();
    assertThat(spec("memory: '1.5e6'")).isEmpty();
    assertThat(spec("memory: 512Ki"))
        .containsExactly("spec.memory: memory must be a quantity above 1Mi");
    assertThat(spec("memory: lots"))
        .containsExactly("spec.memory: memory must be a quantity above 1Mi");
  }

  @Test
  void ipAndCidr() {
    assertThat(spec("address: '::1'", "cidrs: [192.168.0.0/16]")).isEmpty();
    assertThat(spec("address: 10.0.0.01")).containsExactly("spec.address: address must be an IP");
    assertThat(spec("address: example.com")).containsExactly("spec.address: address must be an IP");
    assertThat(spec("cidrs: [10.0.0.0/33]"))
        .containsExactly("spec.cidrs: every entry must be a CIDR");
  }

  @Test
  void listFunctionsOnDoubles() {
    assertThat(spec("weights: [0.1, 0.2]")).isEmpty();
    assertThat(spec("weights: [0.5, 0.2]"))
        .containsExactly("spec.weights: weights must be sorted and sum to at most 1");
    assertThat(spec("weights: [0.5, 0.7]"))
        .containsExactly("spec.weights: weights must be sorted and sum to at most 1");
  }

  @Test
  void stringExtensions() {
    assertThat(spec("hostname: node.example")).isEmpty();
    assertThat(spec("hostname: Node.example"))
        .containsExactly("spec.hostname: hostname must be lower case and qualified");
  }

  @Test
  void unsupportedRuleIsAnErrorNotAPass(@TempDir Path dir) throws IOException {
    Path crd = dir.resolve("gadgets.yaml");
    Files.writeString(
        crd,
        """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: gadgets.test.pvekit.io}
        spec:
          group: test.pvekit.io
          names: {kind: Gadget, plural: gadgets}
          scope: Namespaced
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      x: {type: string}
                    x-kubernetes-validations:
                    - rule: "frobnicate(self.x)"
                      message: never shown
                    - rule: "self.x"
                      message: not a bool
        """);
    assertThat(
            CrdValidator.load(crd)
                .validateYaml(
                    "apiVersion: test.pvekit.io/v1\nkind: Gadget\nmetadata: {name: g}\nspec: {x: a}"))
        .satisfiesExactly(
            e ->
                assertThat(e)
                    .startsWith(
                        "doc 1 (Gadget/g): spec: CEL rule not supported: frobnicate(self.x) (ERROR:"),
            e ->
                assertThat(e)
                    .isEqualTo(
                        "doc 1 (Gadget/g): spec: CEL rule not supported: self.x (the rule yields String a,"
                            + " not a bool)"));
  }
}
