package io.pvekit.testing;

import static io.pvekit.testing.CrdValidatorRulesTest.NOT_CHECKED;
import static io.pvekit.testing.CrdValidatorRulesTest.WIDGETS;
import static io.pvekit.testing.CrdValidatorRulesTest.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Versions, metadata, input types and multi-document YAML. */
class CrdValidatorResourceTest {

  @Test
  void versionMustBeServed() {
    assertThat(
            WIDGETS.validate(
                yaml("apiVersion: test.pvekit.io/v1beta1\nkind: Widget\nmetadata: {name: w}")))
        .containsExactly(
            "apiVersion: test.pvekit.io/v1beta1 of Widget is not served; served: [test.pvekit.io/v1]");
    assertThat(
            WIDGETS.validate(
                yaml("apiVersion: test.pvekit.io/v2\nkind: Widget\nmetadata: {name: w}")))
        .containsExactly(
            "apiVersion: test.pvekit.io/v2 of Widget does not exist; served: [test.pvekit.io/v1]");
  }

  @Test
  void kindMustBeLoaded() {
    assertThat(
            WIDGETS.validate(
                yaml("apiVersion: test.pvekit.io/v1\nkind: Gizmo\nmetadata: {name: g}")))
        .containsExactly(
            "kind: no CRD loaded for Gizmo in group test.pvekit.io; loaded: [test.pvekit.io/Widget]");
    assertThat(WIDGETS.validate(yaml("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}")))
        .containsExactly(
            "apiVersion: v1 is the core API group, built into Kubernetes; no CRD validates kind ConfigMap");
    assertThat(WIDGETS.validate(yaml("metadata: {name: c}")))
        .containsExactly("apiVersion: Required value", "kind: Required value");
  }

  @Test
  void metadataName() {
    String widget = "apiVersion: test.pvekit.io/v1\nkind: Widget\nspec: {size: 1}\n";
    assertThat(WIDGETS.validate(yaml(widget + "metadata: {namespace: default}")))
        .containsExactly(
            "metadata.name: Required value: name or generateName is required", NOT_CHECKED);
    assertThat(WIDGETS.validate(yaml(widget + "metadata: {generateName: w-}"))).isEmpty();
    assertThat(WIDGETS.validate(yaml(widget + "metadata: {name: My_Widget}")))
        .singleElement()
        .asString()
        .startsWith("metadata.name: Invalid value: \"My_Widget\": a lowercase RFC 1123 subdomain");
    // 254 characters: too long for a DNS subdomain (and for this CRD's maxLength of 20).
    assertThat(WIDGETS.validate(yaml(widget + "metadata: {name: " + "a".repeat(254) + "}")))
        .first()
        .asString()
        .startsWith("metadata.name: Invalid value:");
  }

  @Test
  void theCrdMayRestrictMetadataName() {
    assertThat(
            WIDGETS.validate(
                yaml(
                    "apiVersion: test.pvekit.io/v1\nkind: Widget\nspec: {size: 1}\n"
                        + "metadata: {name: a-widget-with-a-long-name}")))
        .containsExactly(
            "metadata.name: Too long: may not be more than 20 characters, got 25", NOT_CHECKED);
  }

  @Test
  void metadataLabelsAnnotationsAndFields() {
    String widget = "apiVersion: test.pvekit.io/v1\nkind: Widget\nspec: {size: 1}\n";
    assertThat(
            WIDGETS.validate(
                yaml(
                    widget
                        + "metadata: {name: w, namespace: Team_A, owner: me,"
                        + " labels: {'app.kubernetes.io/name': 'x y', '-bad': ok},"
                        + " annotations: {note: 1}}")))
        .containsExactly(
            "metadata.owner: unknown field, the API server would prune it",
            "metadata.namespace: Invalid value: \"Team_A\": must be a DNS-1123 label",
            "metadata.labels[app.kubernetes.io/name]: Invalid value: \"x y\": a valid label must"
                + " be an empty string or consist of at most 63 alphanumeric characters, '-', '_'"
                + " or '.'",
            "metadata.labels[-bad]: Invalid value: \"-bad\": name part must consist of"
                + " alphanumeric characters, '-', '_' or '.', with an optional DNS subdomain prefix"
                + " and '/'",
            "metadata.annotations[note]: must be of type string",
            NOT_CHECKED);
  }

  @Test
  void acceptsMapsPojosAndFabric8Objects() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("apiVersion", "test.pvekit.io/v1");
    map.put("kind", "Widget");
    map.put("metadata", Map.of("name", "w"));
    map.put("spec", Map.of("size", 101));
    assertThat(WIDGETS.validate(map))
        .containsExactly("spec.size: Invalid value: 101: should be less than or equal to 100");

    record Spec(int size, String mode, String note) {}
    record Meta(String name) {}
    record Widget(String apiVersion, String kind, Meta metadata, Spec spec) {}
    // null properties of objects are left out, as a client leaves them out.
    assertThat(
            WIDGETS.validate(
                new Widget(
                    "test.pvekit.io/v1", "Widget", new Meta("w"), new Spec(1, "Auto", null))))
        .isEmpty();

    GenericKubernetesResource fabric8 = new GenericKubernetesResource();
    fabric8.setApiVersion("test.pvekit.io/v1");
    fabric8.setKind("Widget");
    fabric8.setMetadata(new ObjectMetaBuilder().withName("w").withLabels(Map.of("a", "b")).build());
    fabric8.setAdditionalProperty("spec", Map.of("size", 1, "tags", List.of("a", "a")));
    assertThat(WIDGETS.validate(fabric8)).containsExactly("spec.tags[1]: Duplicate value: \"a\"");
  }

  @Test
  void multiDocumentYamlNumbersDocumentsAndSkipsEmptyOnes() {
    String yaml =
        """
        apiVersion: test.pvekit.io/v1
        kind: Widget
        metadata: {name: a}
        spec: {size: 1}
        ---
        ---
        apiVersion: test.pvekit.io/v1
        kind: Widget
        metadata: {name: b}
        spec: {size: 1, mode: Maybe}
        """;
    assertThat(WIDGETS.validateYaml(yaml))
        .containsExactly(
            "doc 3 (Widget/b): spec.mode: Unsupported value: \"Maybe\": supported values:"
                + " [\"On\",\"Off\",\"Auto\"]",
            "doc 3 (Widget/b): " + NOT_CHECKED);
    assertThat(WIDGETS.validateYaml("a: [unclosed"))
        .singleElement()
        .asString()
        .startsWith("doc 1: not valid YAML: ");
  }

  @Test
  void assertValidListsEveryError() {
    String yaml =
        "apiVersion: test.pvekit.io/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 101, mode: x}";
    assertThatThrownBy(() -> WIDGETS.assertValidYaml(yaml))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "the API server would not accept this unchanged (3 errors):\n"
                + "  doc 1 (Widget/w): spec.size: Invalid value: 101: should be less than or equal to 100\n"
                + "  doc 1 (Widget/w): spec.mode: Unsupported value: \"x\": supported values:"
                + " [\"On\",\"Off\",\"Auto\"]\n"
                + "  doc 1 (Widget/w): "
                + NOT_CHECKED);
    assertThatThrownBy(() -> WIDGETS.assertValid(yaml(yaml)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "the API server would not accept this unchanged (3 errors):\n  spec.size:");
    WIDGETS.assertValid(
        yaml("apiVersion: test.pvekit.io/v1\nkind: Widget\nmetadata: {name: w}\nspec: {size: 1}"));
  }

  @Test
  void aStringIsNotAManifest() {
    assertThatThrownBy(() -> WIDGETS.validate("apiVersion: v1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a string manifest: call validateYaml instead");
  }

  @Test
  void loadNamesAMissingPath() {
    assertThatThrownBy(() -> CrdValidator.load(java.nio.file.Path.of("/nonexistent/crds")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("CRD path does not exist: /nonexistent/crds");
  }
}
