package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.GroupVersionKind;
import io.fabric8.kubernetes.api.model.Pod;
import io.pvekit.runtime.internal.ReviewJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionHandlerTest {
  private final List<String> audit = new ArrayList<>();

  private AdmissionHandler handler(String runtime, String phase) {
    return new AdmissionHandler(
        Policy.defaults(),
        Fixtures::inventory,
        OwnerLookup.of(Reviews.owners(runtime, phase)),
        AdmissionHandler.DEFAULT_MAX_BODY_BYTES,
        audit::add);
  }

  @Test
  void mutate_podOfLxcDatabase_getsRuntimeClassSelectorTolerations_andUidEchoed() {
    Pod pod = Reviews.databasePod().build();
    AdmissionResponse r =
        handler("lxc", "Accepted")
            .handle("/mutate", Reviews.podReview("u-1", Reviews.NS, pod, false));
    assertThat(r.status()).isEqualTo(200);
    Map<String, Object> resp = Reviews.response(r);
    assertThat(resp).containsEntry("uid", "u-1").containsEntry("allowed", true);
    assertThat(resp).containsEntry("patchType", "JSONPatch");
    String patch = ReviewJson.decodePatch((String) resp.get("patch")).toString();
    assertThat(patch)
        .contains("{\"op\":\"add\",\"path\":\"/spec/runtimeClassName\",\"value\":\"proxmox-lxc\"}")
        .contains(
            "{\"op\":\"add\",\"path\":\"/spec/nodeSelector\",\"value\":{\"runtime.proxmox.io/lxc\":\"true\"}}")
        .contains("\"path\":\"/spec/tolerations\"")
        .doesNotContain("overhead");
    assertThat(audit).hasSize(1);
  }

  @Test
  void mutate_existingSelector_addsEscapedKey() {
    Pod pod =
        Reviews.databasePod().editSpec().withNodeSelector(Map.of("zone", "a")).endSpec().build();
    Map<String, Object> resp =
        Reviews.response(
            handler("lxc", "Accepted")
                .handle("/mutate", Reviews.podReview("u", Reviews.NS, pod, false)));
    assertThat(ReviewJson.decodePatch((String) resp.get("patch")).toString())
        .contains("\"path\":\"/spec/nodeSelector/runtime.proxmox.io~1lxc\"");
  }

  @Test
  void mutate_vmDatabase_usesTheVmClass() {
    Map<String, Object> resp =
        Reviews.response(
            handler("vm", "Accepted")
                .handle(
                    "/mutate",
                    Reviews.podReview("u", Reviews.NS, Reviews.databasePod().build(), false)));
    assertThat(ReviewJson.decodePatch((String) resp.get("patch")).toString())
        .contains("\"value\":\"kata\"")
        .contains("katacontainers.io/kata-runtime");
  }

  @Test
  void mutate_podThatOnlyCarriesTheLabel_isNotTreatedAsDatabasePod() {
    Pod pod =
        Reviews.plainPod()
            .editMetadata()
            .addToLabels("runtime.pvekit.io/runtime", "pod")
            .addToLabels("app.kubernetes.io/part-of", "queue")
            .endMetadata()
            .build();
    Map<String, Object> resp =
        Reviews.response(
            handler("lxc", "Accepted")
                .handle("/mutate", Reviews.podReview("u", Reviews.NS, pod, false)));
    assertThat(resp).containsEntry("allowed", true).doesNotContainKey("patch");
  }

  @Test
  void mutate_forgedOwnerUid_isNotFollowed() {
    Pod pod =
        Reviews.databasePod()
            .editMetadata()
            .withOwnerReferences(Reviews.ref("apps/v1", "StatefulSet", "queue-server", "other-uid"))
            .endMetadata()
            .build();
    Map<String, Object> resp =
        Reviews.response(
            handler("lxc", "Accepted")
                .handle("/mutate", Reviews.podReview("u", Reviews.NS, pod, false)));
    assertThat(resp).doesNotContainKey("patch");
  }

  @Test
  void mutate_conflictingRuntimeClass_isDenied() {
    Pod pod = Reviews.databasePod().editSpec().withRuntimeClassName("runc").endSpec().build();
    Map<String, Object> resp =
        Reviews.response(
            handler("lxc", "Accepted")
                .handle("/mutate", Reviews.podReview("u", Reviews.NS, pod, false)));
    assertThat(resp).containsEntry("allowed", false);
    assertThat(resp.get("status").toString()).contains("remove runtimeClassName from the pod");
  }

  @Test
  void mutate_refusedDatabase_deniesItsPods() {
    Map<String, Object> resp =
        Reviews.response(
            handler("lxc", "Refused")
                .handle(
                    "/mutate",
                    Reviews.podReview("u", Reviews.NS, Reviews.databasePod().build(), false)));
    assertThat(resp).containsEntry("allowed", false);
    assertThat(resp.get("status").toString()).contains("has no accepted runtime decision");
  }

  @Test
  void dryRun_isAnsweredTheSame_butNotAudited() {
    byte[] review = Reviews.podReview("u-dry", Reviews.NS, Reviews.databasePod().build(), true);
    Map<String, Object> resp =
        Reviews.response(handler("lxc", "Accepted").handle("/mutate", review));
    assertThat(resp)
        .containsEntry("uid", "u-dry")
        .containsEntry("allowed", true)
        .containsKey("patch");
    assertThat(audit).isEmpty();
  }

  @Test
  void validate_podPickingLxcInANamespaceThatMayNot_isDenied() {
    Pod pod = Reviews.plainPod().editSpec().withRuntimeClassName("proxmox-lxc").endSpec().build();
    Map<String, Object> resp =
        Reviews.response(
            handler("pod", "Accepted")
                .handle("/validate", Reviews.podReview("u", "tenant-b", pod, false)));
    assertThat(resp).containsEntry("allowed", false);
    assertThat(resp.get("status").toString())
        .contains("namespace tenant-b may not use runtime lxc (spec.runtimeClassName proxmox-lxc)");
    Map<String, Object> allowed =
        Reviews.response(
            handler("pod", "Accepted")
                .handle("/validate", Reviews.podReview("u", "tenant-a", pod, false)));
    assertThat(allowed).containsEntry("allowed", true);
  }

  @Test
  void validate_databasePodWithoutItsClass_isDenied() {
    Map<String, Object> resp =
        Reviews.response(
            handler("vm", "Accepted")
                .handle(
                    "/validate",
                    Reviews.podReview("u", Reviews.NS, Reviews.databasePod().build(), false)));
    assertThat(resp).containsEntry("allowed", false);
    assertThat(resp.get("status").toString()).contains("decided RuntimeClass kata");
  }

  @Test
  void validate_databaseRequest_refusedWithReasons() {
    PostgreSQL pg = new PostgreSQL();
    pg.setMetadata(
        new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName("orders").build());
    DatabaseSpec spec = new DatabaseSpec();
    spec.setRuntime(RuntimeChoice.VM);
    spec.setReplicas(1);
    DatabaseSpec.Resources res = new DatabaseSpec.Resources();
    res.setCpu("1");
    res.setMemory("2Gi");
    spec.setResources(res);
    DatabaseSpec.Storage st = new DatabaseSpec.Storage();
    st.setSize("10Gi");
    spec.setStorage(st);
    pg.setSpec(spec);
    GroupVersionKind gvk = new GroupVersionKind("db.pvekit.io", "PostgreSQL", "v1alpha1");
    Map<String, Object> denied =
        Reviews.response(
            handler("pod", "Accepted")
                .handle("/validate", Reviews.review("u", "tenant-b", gvk, pg, false)));
    assertThat(denied).containsEntry("allowed", false);
    assertThat(denied.get("status").toString())
        .contains("PostgreSQL orders refused: RUNTIME_ALLOWED: namespace tenant-b may not use vm");
    Map<String, Object> accepted =
        Reviews.response(
            handler("pod", "Accepted")
                .handle("/validate", Reviews.review("u", "tenant-a", gvk, pg, false)));
    assertThat(accepted).containsEntry("allowed", true);
  }

  @Test
  void malformed_getsA400() {
    AdmissionHandler h = handler("lxc", "Accepted");
    byte[] good = Reviews.podReview("u", Reviews.NS, Reviews.plainPod().build(), false);
    assertThat(h.handle("/mutate", new byte[0]).status()).isEqualTo(400);
    assertThat(h.handle("/mutate", null).status()).isEqualTo(400);
    assertThat(h.handle("/other", good).status()).isEqualTo(400);
    assertThat(h.handle("/mutate", java.util.Arrays.copyOf(good, good.length / 2)).status())
        .isEqualTo(400);
    assertThat(h.handle("/mutate", "[]".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
    assertThat(
            h.handle(
                    "/mutate",
                    (new String(good, StandardCharsets.UTF_8) + "{}")
                        .getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(400);
    String nested = "[".repeat(5000) + "]".repeat(5000);
    assertThat(h.handle("/mutate", nested.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(400);
    AdmissionResponse missingUid =
        h.handle(
            "/mutate",
            "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{}}"
                .getBytes(StandardCharsets.UTF_8));
    assertThat(missingUid.status()).isEqualTo(400);
    assertThat(missingUid.bodyText()).contains("request.uid");
  }

  @Test
  void duplicateKeys_areRefused_soNoOneReadsADifferentValue() {
    String dup =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"a\",\"uid\":\"b\"}}";
    assertThat(
            handler("lxc", "Accepted")
                .handle("/validate", dup.getBytes(StandardCharsets.UTF_8))
                .status())
        .isEqualTo(400);
  }

  @Test
  void oversized_getsA400_beforeParsing() {
    AdmissionHandler small =
        new AdmissionHandler(
            Policy.defaults(), Fixtures::inventory, OwnerLookup.of(List.of()), 1000, s -> {});
    byte[] big =
        Reviews.podReview(
            "u",
            Reviews.NS,
            Reviews.plainPod()
                .editMetadata()
                .addToAnnotations("x", "y".repeat(2000))
                .endMetadata()
                .build(),
            false);
    AdmissionResponse r = small.handle("/validate", big);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.bodyText()).contains("over the limit of 1000");
  }

  @Test
  void wellFormedButNonsense_isDeniedWithUid() {
    String review =
        "{\"apiVersion\":\"admission.k8s.io/v1\",\"kind\":\"AdmissionReview\",\"request\":{\"uid\":\"u-9\",\"kind\":{\"group\":\"\",\"version\":\"v1\",\"kind\":\"Pod\"},\"operation\":\"CREATE\",\"namespace\":\"tenant-a\",\"object\":{\"spec\":[]}}}";
    Map<String, Object> resp =
        Reviews.response(
            handler("lxc", "Accepted")
                .handle("/validate", review.getBytes(StandardCharsets.UTF_8)));
    assertThat(resp).containsEntry("uid", "u-9").containsEntry("allowed", false);
  }

  @Test
  void objectInAnotherNamespaceThanTheRequest_isDenied() {
    // Found by AdmissionFuzzTest: owners are looked up in request.namespace.
    Map<String, Object> resp =
        Reviews.response(
            handler("lxc", "Accepted")
                .handle(
                    "/mutate",
                    Reviews.review(
                        "u",
                        "elsewhere",
                        new GroupVersionKind("", "Pod", "v1"),
                        Reviews.databasePod().build(),
                        false)));
    assertThat(resp).containsEntry("allowed", false);
    assertThat(resp.get("status").toString())
        .contains("differs from request.namespace 'elsewhere'");
  }
}
