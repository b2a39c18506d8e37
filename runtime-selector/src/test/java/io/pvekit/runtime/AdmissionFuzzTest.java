package io.pvekit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.pvekit.runtime.internal.Json;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random and mutated AdmissionReviews (fixed seed): the handler never throws, answers 200 or 400,
 * echoes the uid, and never allows a pod in {@code tenant-b} (pod only) to use proxmox-lxc.
 */
class AdmissionFuzzTest {
  private static final long SEED = 20261207L;
  private static final int CASES = 4000;

  private final AdmissionHandler handler =
      new AdmissionHandler(
          Policy.defaults(),
          Fixtures::inventory,
          OwnerLookup.of(Reviews.owners("lxc", "Accepted")));

  /** tenant-b may only use pod: this review must be denied in every shape. */
  private static byte[] forbidden() {
    Pod pod =
        Reviews.plainPod()
            .editMetadata()
            .withNamespace("tenant-b")
            .endMetadata()
            .editSpec()
            .withRuntimeClassName("proxmox-lxc")
            .endSpec()
            .build();
    return Reviews.podReview("fuzz-uid", "tenant-b", pod, false);
  }

  @Test
  void randomBytes_neverAllowed() {
    Random random = new Random(SEED);
    int answered400 = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] body = new byte[random.nextInt(600)];
      random.nextBytes(body);
      AdmissionResponse r = check(random.nextBoolean() ? "/validate" : "/mutate", body);
      answered400 += r.status() == 400 ? 1 : 0;
      assertThat(allowed(r)).isFalse();
    }
    assertThat(answered400).isEqualTo(CASES);
  }

  @Test
  void truncatedReviews_areAll400() {
    byte[] full = forbidden();
    assertThat(allowed(check("/validate", full))).isFalse();
    for (int len = 0; len < full.length; len++) {
      byte[] cut = java.util.Arrays.copyOf(full, len);
      assertThat(check("/validate", cut).status()).as("cut at %d", len).isEqualTo(400);
    }
  }

  @Test
  void byteMutations_neverAllowTheForbiddenPod() {
    Random random = new Random(SEED + 1);
    byte[] base = forbidden();
    int allowedCount = 0;
    for (int i = 0; i < CASES; i++) {
      byte[] body = mutateBytes(base, random);
      AdmissionResponse r = check("/validate", body);
      if (allowed(r)) {
        allowedCount++;
        assertThat(stillForbidden(body)).as(new String(body, StandardCharsets.UTF_8)).isFalse();
      }
    }
    // Some mutations legitimately change the meaning (another namespace, another class):
    // those may be allowed, and the oracle above checked each one.
    assertThat(allowedCount).isLessThan(CASES / 2);
  }

  @Test
  void structuralMutations_neverThrow_neverAllowTheForbiddenPod() {
    Random random = new Random(SEED + 2);
    JsonNode base =
        Json.SERIALIZATION.unmarshal(
            new String(forbidden(), StandardCharsets.UTF_8), JsonNode.class);
    for (int i = 0; i < CASES; i++) {
      JsonNode tree = base.deepCopy();
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        mutateTree(tree, random);
      }
      byte[] body = tree.toString().getBytes(StandardCharsets.UTF_8);
      for (String path : List.of("/validate", "/mutate")) {
        AdmissionResponse r = check(path, body);
        if (path.equals("/validate") && allowed(r)) {
          assertThat(stillForbidden(body)).as(tree.toString()).isFalse();
        }
      }
    }
  }

  @Test
  void mutatedDatabasePods_neverLoseTheirRuntimeSilently() {
    Random random = new Random(SEED + 3);
    JsonNode base =
        Json.SERIALIZATION.unmarshal(
            new String(
                Reviews.podReview("db-uid", Reviews.NS, Reviews.databasePod().build(), false),
                StandardCharsets.UTF_8),
            JsonNode.class);
    for (int i = 0; i < CASES / 2; i++) {
      JsonNode tree = base.deepCopy();
      mutateTree(tree, random);
      byte[] body = tree.toString().getBytes(StandardCharsets.UTF_8);
      AdmissionResponse r = check("/mutate", body);
      Map<String, Object> resp = r.status() == 200 ? Reviews.response(r) : Map.of();
      if (Boolean.TRUE.equals(resp.get("allowed")) && !resp.containsKey("patch")) {
        // Allowed without a patch: the pod must no longer be the database's pod as sent.
        assertThat(tree.path("request").path("object").path("metadata").path("ownerReferences"))
            .as(tree.toString())
            .isNotEqualTo(
                base.path("request").path("object").path("metadata").path("ownerReferences"));
      }
    }
  }

  private AdmissionResponse check(String path, byte[] body) {
    AdmissionResponse r = handler.handle(path, body);
    assertThat(r.status()).isIn(200, 400);
    if (r.status() == 200) {
      Map<String, Object> resp = Reviews.response(r);
      assertThat(resp.get("uid")).isInstanceOf(String.class);
      assertThat(resp.get("allowed")).isInstanceOf(Boolean.class);
      if (Boolean.FALSE.equals(resp.get("allowed"))) {
        assertThat(resp.get("status").toString()).contains("message=");
      }
    }
    return r;
  }

  private static boolean allowed(AdmissionResponse r) {
    return r.status() == 200 && Boolean.TRUE.equals(Reviews.response(r).get("allowed"));
  }

  /** An independent reading: is this still a pod in tenant-b asking for proxmox-lxc? */
  private static boolean stillForbidden(byte[] body) {
    JsonNode root;
    try {
      root = Json.SERIALIZATION.unmarshal(new String(body, StandardCharsets.UTF_8), JsonNode.class);
    } catch (RuntimeException e) {
      return true; // the handler allowed something a lenient parser cannot even read
    }
    JsonNode req = root.path("request");
    boolean pod = "Pod".equals(req.path("kind").path("kind").asString(""));
    boolean create = List.of("CREATE", "UPDATE").contains(req.path("operation").asString(""));
    return pod
        && create
        && "tenant-b".equals(req.path("namespace").asString(""))
        && "proxmox-lxc"
            .equals(req.path("object").path("spec").path("runtimeClassName").asString(""));
  }

  private static byte[] mutateBytes(byte[] base, Random random) {
    List<Byte> bytes = new ArrayList<>();
    for (byte b : base) {
      bytes.add(b);
    }
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits && !bytes.isEmpty(); e++) {
      int at = random.nextInt(bytes.size());
      switch (random.nextInt(4)) {
        case 0 -> bytes.set(at, (byte) random.nextInt(256));
        case 1 -> bytes.remove(at);
        case 2 -> bytes.add(at, (byte) "{}[]\",:0a\\ ".charAt(random.nextInt(11)));
        default -> bytes.set(at, (byte) (bytes.get(at) ^ (1 << random.nextInt(8))));
      }
    }
    byte[] out = new byte[bytes.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = bytes.get(i);
    }
    return out;
  }

  private static void mutateTree(JsonNode root, Random random) {
    List<ObjectNode> objects = new ArrayList<>();
    collect(root, objects);
    ObjectNode target = objects.get(random.nextInt(objects.size()));
    List<String> names = new ArrayList<>(target.propertyNames());
    JsonNodeFactory f = JsonNodeFactory.instance;
    JsonNode replacement =
        switch (random.nextInt(8)) {
          case 0 -> f.nullNode();
          case 1 -> f.numberNode(random.nextLong());
          case 2 -> f.stringNode("x".repeat(random.nextInt(50)));
          case 3 -> f.booleanNode(random.nextBoolean());
          case 4 -> f.arrayNode().add(f.objectNode());
          case 5 -> f.objectNode().put("unexpected", 1);
          case 6 -> nested(random.nextInt(60));
          default -> null;
        };
    if (names.isEmpty() || random.nextInt(10) == 0) {
      target.set("extra" + random.nextInt(5), replacement == null ? f.nullNode() : replacement);
    } else {
      String name = names.get(random.nextInt(names.size()));
      if (replacement == null) {
        target.remove(name);
      } else {
        target.set(name, replacement);
      }
    }
  }

  private static JsonNode nested(int depth) {
    ArrayNode root = JsonNodeFactory.instance.arrayNode();
    ArrayNode current = root;
    for (int i = 0; i < depth; i++) {
      current = current.addArray();
    }
    return root;
  }

  private static void collect(JsonNode node, List<ObjectNode> out) {
    if (node instanceof ObjectNode o) {
      out.add(o);
    }
    for (JsonNode child : node.values()) {
      collect(child, out);
    }
  }
}
