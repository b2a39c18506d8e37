package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookServerTest {
  @TempDir Path dir;

  @Test
  void servesReviewsOverHttps_andRefusesOversizedBodies() throws Exception {
    WebhookTls tls = WebhookTls.selfSigned(List.of("localhost"));
    AdmissionHandler handler =
        new AdmissionHandler(
            Policy.defaults(),
            Fixtures::inventory,
            OwnerLookup.of(Reviews.owners("lxc", "Accepted")));
    try (WebhookServer server =
        WebhookServer.start(new InetSocketAddress("127.0.0.1", 0), tls, handler, 2)) {
      HttpClient client = HttpClient.newBuilder().sslContext(tls.clientContext()).build();
      String base = "https://localhost:" + server.port();
      HttpResponse<String> ok =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/mutate"))
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          Reviews.podReview(
                              "u-https", Reviews.NS, Reviews.databasePod().build(), false)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body())
          .contains("\"uid\":\"u-https\"", "\"allowed\":true", "\"patchType\":\"JSONPatch\"");
      HttpResponse<String> big =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/validate"))
                  .POST(
                      HttpRequest.BodyPublishers.ofByteArray(
                          new byte[AdmissionHandler.DEFAULT_MAX_BODY_BYTES + 10]))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(big.statusCode()).isEqualTo(400);
      assertThat(big.body()).contains("over the limit");
      HttpResponse<String> get =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/mutate")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
      HttpResponse<String> health =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(health.body()).isEqualTo("ok");
    }
  }

  @Test
  void pemFiles_roundTrip() throws Exception {
    WebhookTls tls = WebhookTls.selfSigned(List.of("svc.example"));
    Files.writeString(dir.resolve("tls.crt"), tls.certificatePem());
    Files.writeString(dir.resolve("tls.key"), tls.privateKeyPem());
    WebhookTls read = WebhookTls.fromPem(dir.resolve("tls.crt"), dir.resolve("tls.key"));
    assertThat(read.certificatePem()).isEqualTo(tls.certificatePem());
    assertThat(read.toString()).doesNotContain("PRIVATE");
    assertThat(read.serverContext()).isNotNull();
  }

  @Test
  void manifests_failClosed_selectNamespacesByTheServerSetLabel_andNameEveryCrd() {
    List<HasMetadata> list = WebhookManifests.render("pvekit-system", "pvekit-webhook", "PEM");
    MutatingWebhookConfiguration m = (MutatingWebhookConfiguration) list.get(0);
    ValidatingWebhookConfiguration v = (ValidatingWebhookConfiguration) list.get(1);
    assertThat(m.getWebhooks().get(0).getFailurePolicy()).isEqualTo("Fail");
    assertThat(v.getWebhooks().get(0).getFailurePolicy()).isEqualTo("Fail");
    assertThat(m.getWebhooks().get(0).getTimeoutSeconds()).isEqualTo(5);
    assertThat(m.getWebhooks().get(0).getSideEffects()).isEqualTo("None");
    assertThat(m.getWebhooks().get(0).getObjectSelector().getMatchExpressions()).isEmpty();
    assertThat(
            v.getWebhooks().get(0).getNamespaceSelector().getMatchExpressions().get(0).getValues())
        .containsExactly("kube-system", "pvekit-system");
    List<String> plurals =
        DatabaseCrds.all().stream()
            .map(CustomResourceDefinition::getSpec)
            .map(s -> s.getNames().getPlural())
            .toList();
    assertThat(v.getWebhooks().get(0).getRules().get(1).getResources())
        .containsExactlyElementsOf(plurals);
  }
}
