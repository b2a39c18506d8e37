package io.pvekit.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One test per rule family of the structural schema, on the hand-written {@code Widget} CRD: each
 * fails when its check is removed from the validator.
 */
class CrdValidatorRulesTest {
  static final CrdValidator WIDGETS =
      CrdValidator.load(resource("crds/widgets.test.pvekit.io.yaml"));

  static Path resource(String name) {
    try {
      return Path.of(CrdValidatorRulesTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static final String NOT_CHECKED =
      "<root>: some validation rules were not checked because the object was invalid; correct"
          + " the existing errors to complete validation";

  /**
   * The schema errors for a Widget whose spec is {@code size: 1} plus the given YAML lines, without
   * the note that blocking errors kept the CEL rules from running (CrdValidatorCelTest checks it).
   */
  static List<String> spec(String... lines) {
    return rawSpec(lines).stream().filter(e -> !e.equals(NOT_CHECKED)).toList();
  }

  /** All errors for a Widget whose spec is {@code size: 1} plus the given YAML lines. */
  static List<String> rawSpec(String... lines) {
    StringBuilder yaml =
        new StringBuilder("apiVersion: test.pvekit.io/v1\nkind: Widget\nmetadata:\n  name: w\n");
    yaml.append("spec:\n  size: 1\n");
    for (String line : lines) {
      yaml.append("  ").append(line).append('\n');
    }
    return WIDGETS.validate(yaml(yaml.toString()));
  }

  static JsonNode yaml(String text) {
    try {
      return new YAMLMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aCompleteValidWidgetHasNoErrors() {
    assertThat(
            spec(
                "ratio: 0.5",
                "step: 1.5",
                "name: ab-1",
                "mode: Auto",
                "enabled: true",
                "level: 12",
                "minReplicas: 1",
                "maxReplicas: 2",
                "note: null",
                "createdAt: 2026-12-07T12:00:00Z",
                "payload: aGVsbG8=",
                "homepage: https://example.com/x",
                "port: http",
                "memory: 2Mi",
                "address: 10.0.0.1",
                "cidrs: [10.0.0.0/8, 'fd00::/64']",
                "weights: [0.25, 0.5]",
                "hostname: a.example",
                "tags: [a, b]",
                "zones: [x, y]",
                "ports: [{name: a, protocol: TCP, port: 1}, {name: a, protocol: UDP, port: 1}]",
                "labels: {a: short}",
                "anything: {known: 1, free: {x: [1]}}",
                "open: {whatever: [1, 2]}",
                "template: {apiVersion: v1, kind: ConfigMap, metadata: {name: c}, data: {k: v}}",
                "endpoint: {host: h}"))
        .isEmpty();
  }

  @Test
  void type() {
    assertThat(spec("enabled: yes please"))
        .containsExactly(
            "spec.enabled: Invalid value: string \"yes please\": must be of type boolean");
    assertThat(spec("maxReplicas: 1.5"))
        .containsExactly("spec.maxReplicas: Invalid value: number 1.5: must be of type integer");
    assertThat(spec("tags: a"))
        .containsExactly("spec.tags: Invalid value: string \"a\": must be of type array");
    assertThat(spec("labels: [a]"))
        .containsExactly("spec.labels: Invalid value: array [\"a\"]: must be of type object");
  }

  @Test
  void integerAndNumberAreJsonIntAndDouble() {
    // A float with an integral value is an integer for go-openapi; any number is a number.
    assertThat(spec("maxReplicas: 2.0", "ratio: 0.5", "step: 2")).isEmpty();
    assertThat(spec("maxReplicas: 99999999999999999999999"))
        .containsExactly(
            "spec.maxReplicas: Invalid value: 99999999999999999999999: must fit a 64-bit integer");
  }

  @Test
  void nullable() {
    assertThat(spec("note: null")).isEmpty();
    // The API server drops a null of a non-nullable field: it counts as absent, and may be
    // defaulted (tier) or missing (size); an array item cannot be dropped.
    assertThat(spec("mode: null", "tier: null")).isEmpty();
    assertThat(spec("size: null")).containsExactly("spec.size: Required value");
    assertThat(spec("tags: [a, null]"))
        .containsExactly(
            "spec.tags[1]: Invalid value: null: must not be null (the schema is not nullable)");
  }

  @Test
  void required() {
    assertThat(
            WIDGETS.validate(
                yaml(
                    "apiVersion: test.pvekit.io/v1\nkind: Widget\nmetadata: {name: w}\nspec: {mode: Auto}")))
        .containsExactly("spec.size: Required value", NOT_CHECKED);
    assertThat(spec("ports: [{protocol: TCP}]"))
        .containsExactly("spec.ports[0].name: Required value");
  }

  @Test
  void enumeration() {
    assertThat(spec("mode: Maybe"))
        .containsExactly(
            "spec.mode: Unsupported value: \"Maybe\": supported values: [\"On\",\"Off\",\"Auto\"]");
  }

  @Test
  void stringLengthAndPattern() {
    assertThat(spec("name: a"))
        .containsExactly("spec.name: Invalid value: \"a\": should be at least 2 chars long");
    assertThat(spec("name: abcdefghi"))
        .containsExactly("spec.name: Too long: may not be more than 8 characters, got 9");
    assertThat(spec("name: Ab"))
        .containsExactly("spec.name: Invalid value: \"Ab\": should match '^[a-z][a-z0-9-]*$'");
  }

  @Test
  void formats() {
    assertThat(spec("createdAt: yesterday"))
        .containsExactly(
            "spec.createdAt: Invalid value: \"yesterday\": must be of format date-time",
            // Its rule cannot convert the string either (the API server reports the same).
            "spec.createdAt: Invalid value: invalid date-time string: 'yesterday' evaluating rule:"
                + " self > timestamp('2020-01-01T00:00:00Z')");
    assertThat(spec("payload: '!!'"))
        .containsExactly(
            "spec.payload: Invalid value: \"!!\": must be of format byte",
            "spec.payload: Invalid value: invalid byte string: '!!' evaluating rule: size(self) <= 5");
    assertThat(spec("homepage: 'not a uri'"))
        .containsExactly("spec.homepage: Invalid value: \"not a uri\": must be of format uri");
    assertThat(spec("size: 3000000000"))
        .contains(
            "spec.size: Invalid value: 3000000000: must be of format int32 (between -2147483648"
                + " and 2147483647)");
  }

  @Test
  void numericBounds() {
    assertThat(spec("size: 101"))
        .containsExactly("spec.size: Invalid value: 101: should be less than or equal to 100");
    assertThat(spec("size: -1"))
        .containsExactly("spec.size: Invalid value: -1: should be greater than or equal to 0");
    assertThat(spec("ratio: 0"))
        .containsExactly("spec.ratio: Invalid value: 0: should be greater than 0");
    assertThat(spec("ratio: 1"))
        .containsExactly("spec.ratio: Invalid value: 1: should be less than 1");
    assertThat(spec("step: 0.75"))
        .containsExactly("spec.step: Invalid value: 0.75: should be a multiple of 0.5");
  }

  @Test
  void itemCountsAndUniqueness() {
    assertThat(spec("tags: []"))
        .containsExactly("spec.tags: Invalid value: 0 items: should have at least 1 items");
    assertThat(spec("tags: [a, b, c, d]"))
        .containsExactly("spec.tags: Too many: 4: must have at most 3 items");
    assertThat(spec("tags: [a, a]")).containsExactly("spec.tags[1]: Duplicate value: \"a\"");
  }

  @Test
  void propertyCounts() {
    assertThat(spec("open: {}"))
        .containsExactly(
            "spec.open: Invalid value: 0 properties: should have at least 1 properties");
    assertThat(spec("open: {a: 1, b: 2, c: 3}"))
        .containsExactly("spec.open: Too many: 3: must have at most 2 properties");
  }

  @Test
  void listTypeSetAndMap() {
    assertThat(spec("zones: [x, x]")).containsExactly("spec.zones[1]: Duplicate value: \"x\"");
    assertThat(spec("ports: [{name: a, protocol: TCP}, {name: a, protocol: TCP, port: 2}]"))
        .containsExactly("spec.ports[1]: Duplicate value: {\"name\":\"a\",\"protocol\":\"TCP\"}");
  }

  @Test
  void additionalPropertiesSchemaAndTrue() {
    assertThat(spec("labels: {a: toolong}"))
        .containsExactly("spec.labels[a]: Too long: may not be more than 5 characters, got 7");
    assertThat(spec("open: {x: 1, y: [true]}")).isEmpty();
  }

  @Test
  void pruningReportsUndeclaredFields() {
    assertThat(spec("colour: red", "ports: [{name: a, colour: red}]"))
        .containsExactly(
            "spec.colour: unknown field, the API server would prune it",
            "spec.ports[0].colour: unknown field, the API server would prune it");
    assertThat(
            WIDGETS.validate(
                yaml(
                    "apiVersion: test.pvekit.io/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 1}\nextra: 1")))
        .containsExactly("extra: unknown field, the API server would prune it");
  }

  @Test
  void preserveUnknownFieldsKeepsUnknownButChecksDeclared() {
    assertThat(spec("anything: {free: 1}")).isEmpty();
    assertThat(spec("anything: {known: x}"))
        .containsExactly(
            "spec.anything.known: Invalid value: string \"x\": must be of type integer");
  }

  @Test
  void embeddedResource() {
    assertThat(spec("template: {apiVersion: v1, metadata: {name: Bad_Name}}"))
        .containsExactly(
            "spec.template.kind: Required value: must not be empty",
            "spec.template.metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123"
                + " subdomain must consist of lower case alphanumeric characters, '-' or '.', and"
                + " must start and end with an alphanumeric character");
  }

  @Test
  void intOrString() {
    assertThat(spec("port: 80")).isEmpty();
    assertThat(spec("port: true"))
        .containsExactly("spec.port: Invalid value: true: must be an integer or a string");
  }

  @Test
  void anyOfOneOfAllOfNot() {
    assertThat(spec("level: -1")).isEmpty();
    assertThat(spec("level: 5"))
        .singleElement()
        .asString()
        .startsWith("spec.level: Invalid value: 5: must validate at least one schema (anyOf)");
    assertThat(spec("endpoint: {host: h, ip: i}"))
        .containsExactly(
            "spec.endpoint: Invalid value: {\"host\":\"h\",\"ip\":\"i\"}: must validate one and only"
                + " one schema (oneOf), matched 2");
    assertThat(spec("endpoint: {ip: i, forbidden: x}"))
        .containsExactly(
            "spec.endpoint: Invalid value: {\"ip\":\"i\",\"forbidden\":\"x\"}: must not validate the"
                + " schema (not)");
    assertThat(spec("endpoint: {host: abcdefghijk}"))
        .containsExactly(
            "spec.endpoint.host: Too long: may not be more than 10 characters, got 11");
  }
}
