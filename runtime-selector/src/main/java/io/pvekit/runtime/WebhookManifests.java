package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfigurationBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.RuleWithOperationsBuilder;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfigurationBuilder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The MutatingWebhookConfiguration and ValidatingWebhookConfiguration for the webhook behind a
 * Service. Both fail closed ({@code failurePolicy: Fail}). The object selectors match every object
 * on purpose: labels are the tenant's to set, so they must not switch the webhook off. The
 * namespace selectors skip {@code kube-system} and the webhook's own namespace, using the {@code
 * kubernetes.io/metadata.name} label the API server sets itself.
 */
public final class WebhookManifests {
  /** Seconds the API server waits for the webhook. */
  public static final int TIMEOUT_SECONDS = 5;

  private WebhookManifests() {}

  /**
   * Both configurations.
   *
   * @param namespace the webhook Service's namespace
   * @param service the webhook Service's name
   * @param caBundlePem the PEM certificate that signed the webhook's serving certificate
   * @return the mutating and the validating configuration
   */
  public static List<HasMetadata> render(String namespace, String service, String caBundlePem) {
    byte[] ca = Base64.getEncoder().encode(caBundlePem.getBytes(StandardCharsets.US_ASCII));
    String caBundle = new String(ca, StandardCharsets.US_ASCII);
    var namespaceSelector =
        new LabelSelectorBuilder()
            .withMatchExpressions(
                new LabelSelectorRequirementBuilder()
                    .withKey("kubernetes.io/metadata.name")
                    .withOperator("NotIn")
                    .withValues("kube-system", namespace)
                    .build())
            .build();
    var everyObject = new LabelSelectorBuilder().build();
    var podsCreate =
        new RuleWithOperationsBuilder()
            .withApiGroups("")
            .withApiVersions("v1")
            .withResources("pods")
            .withOperations("CREATE")
            .withScope("Namespaced")
            .build();
    var podsCreateUpdate =
        new RuleWithOperationsBuilder(podsCreate).withOperations("CREATE", "UPDATE").build();
    var databases =
        new RuleWithOperationsBuilder()
            .withApiGroups(DatabaseResource.GROUP)
            .withApiVersions(DatabaseResource.VERSION)
            .withResources(plurals())
            .withOperations("CREATE", "UPDATE")
            .withScope("Namespaced")
            .build();
    HasMetadata mutating =
        new MutatingWebhookConfigurationBuilder()
            .withNewMetadata()
            .withName("pvekit-runtime-selector")
            .endMetadata()
            .addNewWebhook()
            .withName("pods.runtime.pvekit.io")
            .withNewClientConfig()
            .withCaBundle(caBundle)
            .withNewService()
            .withNamespace(namespace)
            .withName(service)
            .withPath(AdmissionHandler.MUTATE_PATH)
            .withPort(443)
            .endService()
            .endClientConfig()
            .withRules(podsCreate)
            .withFailurePolicy("Fail")
            .withMatchPolicy("Equivalent")
            .withSideEffects("None")
            .withTimeoutSeconds(TIMEOUT_SECONDS)
            .withAdmissionReviewVersions("v1")
            .withReinvocationPolicy("IfNeeded")
            .withNamespaceSelector(namespaceSelector)
            .withObjectSelector(everyObject)
            .endWebhook()
            .build();
    HasMetadata validating =
        new ValidatingWebhookConfigurationBuilder()
            .withNewMetadata()
            .withName("pvekit-runtime-selector")
            .endMetadata()
            .addNewWebhook()
            .withName("validate.runtime.pvekit.io")
            .withNewClientConfig()
            .withCaBundle(caBundle)
            .withNewService()
            .withNamespace(namespace)
            .withName(service)
            .withPath(AdmissionHandler.VALIDATE_PATH)
            .withPort(443)
            .endService()
            .endClientConfig()
            .withRules(podsCreateUpdate, databases)
            .withFailurePolicy("Fail")
            .withMatchPolicy("Equivalent")
            .withSideEffects("None")
            .withTimeoutSeconds(TIMEOUT_SECONDS)
            .withAdmissionReviewVersions("v1")
            .withNamespaceSelector(namespaceSelector)
            .withObjectSelector(everyObject)
            .endWebhook()
            .build();
    return List.of(mutating, validating);
  }

  private static List<String> plurals() {
    return java.util.Arrays.stream(DatabaseEngine.values())
        .map(
            e -> {
              String p = e.kind().toLowerCase(Locale.ROOT);
              return p.endsWith("s") ? p : p + "s";
            })
        .toList();
  }
}
