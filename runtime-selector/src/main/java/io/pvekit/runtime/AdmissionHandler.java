package io.pvekit.runtime;

import io.pvekit.runtime.internal.PodRules;
import io.pvekit.runtime.internal.ReviewJson;
import io.pvekit.runtime.internal.Verdict;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The admission webhook logic for {@code admission.k8s.io/v1} AdmissionReviews, usable from any
 * HTTP server: bytes in, status and bytes out. {@code /mutate} sets the RuntimeClass (and its node
 * selector and tolerations) on pods a database with an LXC or VM decision controls — found through
 * owner references, never labels. {@code /validate} refuses pods that use a runtime their namespace
 * may not use, and database requests the engine refuses.
 *
 * <p>Input that is not an AdmissionReview gets a 400; a review with a uid whose request cannot be
 * understood gets a denial with that uid. No exception escapes and nothing is allowed by accident:
 * every path that is not a positive decision denies.
 */
public final class AdmissionHandler {
  /** The mutating path. */
  public static final String MUTATE_PATH = "/mutate";

  /** The validating path. */
  public static final String VALIDATE_PATH = "/validate";

  /** Largest body read: the API server's 3 MiB object limit, twice (object and oldObject). */
  public static final int DEFAULT_MAX_BODY_BYTES = 7 << 20;

  private static final int MAX_UID_LENGTH = 128;

  private final Policy policy;
  private final RuntimeSelector selector;
  private final Supplier<Inventory> inventory;
  private final PodRules pods;
  private final int maxBodyBytes;
  private final Consumer<String> audit;

  /**
   * A handler.
   *
   * @param policy the policy
   * @param inventory the current inventory (called per review; cache it behind the supplier)
   * @param owners finds owner objects
   * @param maxBodyBytes larger bodies get a 400
   * @param audit told about every decision except dry runs (may be a no-op)
   */
  public AdmissionHandler(
      Policy policy,
      Supplier<Inventory> inventory,
      OwnerLookup owners,
      int maxBodyBytes,
      Consumer<String> audit) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.selector = new RuntimeSelector(policy);
    this.inventory = Objects.requireNonNull(inventory, "inventory");
    this.pods = new PodRules(policy, Objects.requireNonNull(owners, "owners"));
    this.maxBodyBytes = maxBodyBytes;
    this.audit = Objects.requireNonNull(audit, "audit");
  }

  /**
   * A handler with the default body limit and no audit.
   *
   * @param policy the policy
   * @param inventory the current inventory
   * @param owners finds owner objects
   */
  public AdmissionHandler(Policy policy, Supplier<Inventory> inventory, OwnerLookup owners) {
    this(policy, inventory, owners, DEFAULT_MAX_BODY_BYTES, s -> {});
  }

  /**
   * Handles one HTTP request.
   *
   * @param path {@value #MUTATE_PATH} or {@value #VALIDATE_PATH}
   * @param body the request body
   * @return the response; never throws
   */
  public AdmissionResponse handle(String path, byte[] body) {
    boolean mutate;
    if (MUTATE_PATH.equals(path)) {
      mutate = true;
    } else if (VALIDATE_PATH.equals(path)) {
      mutate = false;
    } else {
      return AdmissionResponse.badRequest("unknown path; use /mutate or /validate");
    }
    if (body == null || body.length == 0) {
      return AdmissionResponse.badRequest("empty body");
    }
    if (body.length > maxBodyBytes) {
      return AdmissionResponse.badRequest(
          "body of " + body.length + " bytes is over the limit of " + maxBodyBytes);
    }
    JsonNode root;
    try {
      root = ReviewJson.parse(body);
    } catch (RuntimeException | StackOverflowError e) {
      return AdmissionResponse.badRequest("not JSON (" + firstLine(e) + ")");
    }
    if (root == null || !root.isObject()) {
      return AdmissionResponse.badRequest("not a JSON object");
    }
    if (!"admission.k8s.io/v1".equals(ReviewJson.text(root, "apiVersion"))
        || !"AdmissionReview".equals(ReviewJson.text(root, "kind"))) {
      return AdmissionResponse.badRequest(
          "expected apiVersion admission.k8s.io/v1, kind AdmissionReview");
    }
    JsonNode request = root.get("request");
    String uid = request == null ? null : ReviewJson.text(request, "uid");
    if (uid == null || uid.isEmpty() || uid.length() > MAX_UID_LENGTH) {
      return AdmissionResponse.badRequest("request.uid: missing, empty or longer than 128");
    }
    Verdict verdict;
    try {
      verdict = decide(mutate, request);
    } catch (RuntimeException | StackOverflowError e) {
      // Fail closed: whatever went wrong, this review is denied, never allowed.
      verdict = Verdict.deny("the webhook could not evaluate this request: " + firstLine(e));
    }
    JsonNode dryRun = request.get("dryRun");
    if (dryRun == null || !dryRun.isBoolean() || !dryRun.booleanValue()) {
      audit.accept(
          (mutate ? "mutate " : "validate ")
              + uid
              + (verdict.allowed() ? " allowed: " : " denied: ")
              + verdict.message());
    }
    return AdmissionResponse.review(
        ReviewJson.response(uid, verdict.allowed(), verdict.message(), verdict.patch(), List.of()));
  }

  private Verdict decide(boolean mutate, JsonNode request) {
    JsonNode kindNode = request.get("kind");
    String group = ReviewJson.text(kindNode, "group");
    String version = ReviewJson.text(kindNode, "version");
    String kind = ReviewJson.text(kindNode, "kind");
    String operation = ReviewJson.text(request, "operation");
    String namespace = ReviewJson.text(request, "namespace");
    if (group == null || version == null || kind == null || operation == null) {
      return Verdict.deny("request.kind and request.operation: required");
    }
    if ("DELETE".equals(operation) || "CONNECT".equals(operation)) {
      return Verdict.allow(operation + " is not checked");
    }
    if (!"CREATE".equals(operation) && !"UPDATE".equals(operation)) {
      return Verdict.deny("request.operation: '" + operation + "' is not an operation");
    }
    JsonNode object = request.get("object");
    if (object == null || !object.isObject()) {
      return Verdict.deny("request.object: missing or not an object");
    }
    if (namespace == null || namespace.isEmpty()) {
      return Verdict.deny("request.namespace: required; pods and databases are namespaced");
    }
    String objectNamespace = ReviewJson.text(object.path("metadata"), "namespace");
    if (objectNamespace != null && !objectNamespace.equals(namespace)) {
      return Verdict.deny(
          "object.metadata.namespace '"
              + objectNamespace
              + "' differs from request.namespace '"
              + namespace
              + "'");
    }
    boolean pod = group.isEmpty() && "v1".equals(version) && "Pod".equals(kind);
    boolean database = DatabaseResource.GROUP.equals(group) && isEngine(kind);
    if (mutate) {
      if (!pod) {
        return Verdict.deny("this webhook mutates pods only, not " + group + "/" + kind);
      }
      return pods.mutate(object, namespace, inventory.get());
    }
    if (pod) {
      return pods.validate(object, namespace, inventory.get());
    }
    if (database) {
      return validateDatabase(kind, object, namespace);
    }
    return Verdict.deny("this webhook validates pods and db.pvekit.io requests, not " + kind);
  }

  private Verdict validateDatabase(String kind, JsonNode object, String namespace) {
    DatabaseEngine engine = DatabaseEngine.ofKind(kind);
    DatabaseResource resource;
    try {
      resource =
          io.pvekit.runtime.internal.Json.SERIALIZATION.convertValue(
              object, DatabaseCrdKinds.classOf(engine));
    } catch (RuntimeException e) {
      return Verdict.deny(kind + ": not a valid request (" + firstLine(e) + ")");
    }
    if (resource.getMetadata() == null) {
      return Verdict.deny("metadata: missing");
    }
    if (resource.getMetadata().getNamespace() == null) {
      resource.getMetadata().setNamespace(namespace);
    } else if (!namespace.equals(resource.getMetadata().getNamespace())) {
      return Verdict.deny("metadata.namespace: differs from the request's namespace");
    }
    DatabaseRequest request;
    try {
      request = DatabaseRequest.of(resource);
    } catch (IllegalArgumentException e) {
      return Verdict.deny(kind + " " + e.getMessage());
    }
    Decision decision = selector.decide(request, inventory.get());
    if (decision.accepted()) {
      return Verdict.allow("accepted: runtime " + decision.runtime().annotationValue());
    }
    return Verdict.deny(
        kind
            + " "
            + request.name()
            + " refused: "
            + decision.violations().stream()
                .map(r -> r.constraint() + ": " + r.message())
                .collect(Collectors.joining("; ")));
  }

  private static boolean isEngine(String kind) {
    for (DatabaseEngine e : DatabaseEngine.values()) {
      if (e.kind().equals(kind)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The policy this handler enforces.
   *
   * @return the policy
   */
  public Policy policy() {
    return policy;
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() > 200 ? m.substring(0, 200) + "..." : m;
  }
}
