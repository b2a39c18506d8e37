package io.pvekit.testing;

import static io.pvekit.testing.CrdValidatorRulesTest.NOT_CHECKED;
import static io.pvekit.testing.CrdValidatorRulesTest.rawSpec;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** x-kubernetes-validations on the hand-written Widget CRD: messages, paths, library functions. */
class CrdValidatorCelTest {

  @Test
  void failingRuleReportsItsMessageAtTheNode() {
    assertThat(rawSpec("minReplicas: 1", "maxReplicas: 2")).isEmpty();
    assertThat(rawSpec("minReplicas: 3", "maxReplicas: 2"))
        .containsExactly("spec: minReplicas must not exceed maxReplicas");
  }

  @Test
  void messageExpressionIsEvaluated() {
    assertThat(rawSpec("mode: 'Off'"))
        .containsExactly("spec: size must be 0 when mode is Off, not 1");
  }

  @Test
  void fieldPathMovesTheError() {
    assertThat(rawSpec("ports: [{name: a, port: 0}]"))
        .containsExactly("spec.ports: ports must be positive");
  }

  @Test
  void transitionRulesDoNotRunOnCreate() {
    // spec carries "self.size == oldSelf.size"; on create there is no oldSelf, so it is skipped.
    assertThat(rawSpec()).isEmpty();
  }

  @Test
  void rulesSeeDefaultedValuesAsTheApiServerDefaultsBeforeValidating() {
    // tier defaults to gold, policy to {} and then policy.retries to 3: without defaulting the
    // rules would fail with "no such key".
    assertThat(rawSpec()).isEmpty();
    assertThat(rawSpec("enabled: false")).containsExactly("spec: gold widgets cannot be disabled");
    assertThat(rawSpec("enabled: false", "tier: silver")).isEmpty();
    assertThat(rawSpec("policy: {retries: 6}")).containsExactly("spec: at most 5 retries");
  }

  @Test
  void blockingSchemaErrorsSkipTheRulesAsInTheApiServer() {
    // A type error blocks CEL: the failing minReplicas/maxReplicas rule is not evaluated.
    assertThat(rawSpec("minReplicas: 3", "maxReplicas: 2", "enabled: maybe"))
        .containsExactly(
            "spec.enabled: Invalid value: string \"maybe\": must be of type boolean", NOT_CHECKED);
    // A bound violation does not block.
    assertThat(rawSpec("minReplicas: 3", "maxReplicas: 2", "size: 101"))
        .containsExactly(
            "spec.size: Invalid value: 101: should be less than or equal to 100",
            "spec: minReplicas must not exceed maxReplicas");
  }

  @Test
  void everyBlockingErrorTypeSkipsTheRules() {
    for (String blocking :
        List.of(
            "mode: Maybe", // NotSupported
            "name: abcdefghi", // TooLong
            "tags: [a, b, c, d]", // TooMany
            "ports: [{protocol: TCP}]", // Required
            "port: true", // TypeInvalid (int-or-string)
            "tags: [null]")) { // null where not nullable
      assertThat(rawSpec("minReplicas: 3", "maxReplicas: 2", blocking))
          .as(blocking)
          .endsWith(NOT_CHECKED)
          .doesNotContain("spec: minReplicas must not exceed maxReplicas");
    }
  }

  @Test
  void formattedStringsAreTimestampsDurationsAndBytes() {
    assertThat(rawSpec("createdAt: 2026-12-07T12:00:00Z", "payload: aGVsbG8=", "timeout: 1h"))
        .isEmpty();
    assertThat(rawSpec("createdAt: 2019-12-07T12:00:00+01:00"))
        .containsExactly("spec.createdAt: createdAt must be after 2020");
    // "hello!" is 6 bytes, its base64 is 8 characters: the rule sees the decoded bytes.
    assertThat(rawSpec("payload: aGVsbG8h"))
        .containsExactly("spec.payload: payload must be at most 5 bytes");
    assertThat(rawSpec("timeout: 1h0m0.5s"))
        .containsExactly("spec.timeout: timeout must be at most an hour");
    assertThat(rawSpec("timeout: 59m59.999s")).isEmpty();
  }

  @Test
  void urlRegexAndListIndexFunctions() {
    assertThat(
            rawSpec(
                "links: ['https://example.com/a?x=1', 'https://[fd00::1]:8443/']",
                "release: v1.30.2",
                "stages: [build, test]"))
        .isEmpty();
    assertThat(rawSpec("links: ['http://example.com']"))
        .containsExactly("spec.links: links must be https URLs with a host");
    assertThat(rawSpec("links: ['not a url']"))
        .containsExactly("spec.links: links must be https URLs with a host");
    assertThat(rawSpec("release: v1.30"))
        .containsExactly("spec.release: release must look like v1.2.3");
    assertThat(rawSpec("stages: [test, build]"))
        .containsExactly("spec.stages: build must come before test");
  }

  @Test
  void propertyNamesAreEscapedAsKubernetesEscapesThem() {
    assertThat(rawSpec("max-surge: 2", "namespace: default")).isEmpty();
    assertThat(rawSpec("max-surge: 4")).containsExactly("spec: max-surge is at most 3");
    assertThat(rawSpec("namespace: kube-system"))
        .containsExactly("spec: namespace must not be kube-system");
  }

  @Test
  void ipAndCidrObjects() {
    assertThat(rawSpec("gateway: 192.168.1.1", "subnet: 10.1.0.0/16")).isEmpty();
    assertThat(rawSpec("gateway: 127.0.0.1"))
        .containsExactly("spec.gateway: gateway must be a global unicast IPv4 address");
    assertThat(rawSpec("gateway: 'fd00::1'"))
        .containsExactly("spec.gateway: gateway must be a global unicast IPv4 address");
    assertThat(rawSpec("subnet: 10.1.0.1/16"))
        .containsExactly("spec.subnet: subnet must have no host bits");
    assertThat(rawSpec("subnet: 192.168.0.0/16"))
        .containsExactly("spec.subnet: subnet must be inside 10.0.0.0/8");
  }

  @Test
  void aFailingLibraryFunctionIsAnEvaluationErrorWithItsReason() {
    assertThat(rawSpec("subnet: 10.0.0.0/40"))
        .containsExactly(
            "spec.subnet: Invalid value: \"string\": Function 'cidr_string' failed with arg(s)"
                + " '10.0.0.0/40': network address parse error during conversion from string:"
                + " 10.0.0.0/40 evaluating rule: cidr(self) == cidr(self).masked()",
            "spec.subnet: Invalid value: \"string\": Function 'containsCIDR_string' failed with arg(s)"
                + " '10.0.0.0/8, 10.0.0.0/40': network address parse error during conversion from string:"
                + " 10.0.0.0/40 evaluating rule: cidr('10.0.0.0/8').containsCIDR(self) &&"
                + " cidr(self).containsIP(ip('10.1.0.1')) == (cidr(self).prefixLength() <= 16)");
  }

  @Test
  void quantity() {
    assertThat(rawSpec("memory: 2Mi")).isEmpty();
    assertThat(rawSpec("memory: '1.5e6'")).isEmpty();
    assertThat(rawSpec("memory: 512Ki"))
        .containsExactly("spec.memory: memory must be a quantity above 1Mi");
    assertThat(rawSpec("memory: lots"))
        .containsExactly("spec.memory: memory must be a quantity above 1Mi");
  }

  @Test
  void ipAndCidr() {
    assertThat(rawSpec("address: '::1'", "cidrs: [192.168.0.0/16]")).isEmpty();
    assertThat(rawSpec("address: 10.0.0.01"))
        .containsExactly("spec.address: address must be an IP");
    assertThat(rawSpec("address: example.com"))
        .containsExactly("spec.address: address must be an IP");
    assertThat(rawSpec("cidrs: [10.0.0.0/33]"))
        .containsExactly("spec.cidrs: every entry must be a CIDR");
  }

  @Test
  void listFunctionsOnDoubles() {
    assertThat(rawSpec("weights: [0.1, 0.2]")).isEmpty();
    assertThat(rawSpec("weights: [0.5, 0.2]"))
        .containsExactly("spec.weights: weights must be sorted and sum to at most 1");
    assertThat(rawSpec("weights: [0.5, 0.7]"))
        .containsExactly("spec.weights: weights must be sorted and sum to at most 1");
  }

  @Test
  void stringExtensions() {
    assertThat(rawSpec("hostname: node.example")).isEmpty();
    assertThat(rawSpec("hostname: Node.example"))
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
