package io.pvekit.proxmox.simulator.internal.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.proxmox.simulator.internal.http.Multipart;
import io.pvekit.proxmox.simulator.internal.http.WebSocketUpgrade;
import io.pvekit.proxmox.simulator.internal.http.WireRequest;
import io.pvekit.proxmox.simulator.internal.http.WireResponse;
import io.pvekit.proxmox.simulator.internal.http.WireServer;
import io.pvekit.proxmox.simulator.internal.schema.Validator;
import io.pvekit.proxmox.simulator.internal.state.SimulatorError;
import io.pvekit.proxmox.simulator.internal.state.TaskRunner;
import io.pvekit.proxmox.simulator.internal.state.World;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The request pipeline, in pveproxy's order: faults, authentication, routing, permission check,
 * parameter validation, handler, JSON answer.
 */
public final class ApiDispatcher implements WireServer.Handler {
  private static final String JSON = "application/json;charset=UTF-8";
  private static final String PREFIX = "/api2/";

  private final World world;
  private final TaskRunner tasks;
  private final Router router;
  private final Auth auth;
  private final FaultInjector faults;
  private final Duration authFailureDelay;

  public ApiDispatcher(
      World world,
      TaskRunner tasks,
      Router router,
      Auth auth,
      FaultInjector faults,
      Duration authFailureDelay) {
    this.world = world;
    this.tasks = tasks;
    this.router = router;
    this.auth = auth;
    this.faults = faults;
    this.authFailureDelay = authFailureDelay;
  }

  @Override
  public WireResponse handle(WireRequest request) {
    try {
      return dispatch(request);
    } catch (ApiException e) {
      return error(e);
    } catch (SimulatorError e) {
      return error(new ApiException(500, e.getMessage()));
    } catch (RuntimeException e) {
      return error(new ApiException(500, "simulator error: " + e));
    }
  }

  private WireResponse dispatch(WireRequest request) {
    String path = request.rawPath();
    if (!path.startsWith(PREFIX)) {
      return WireResponse.empty(501, "no such file '" + path + "'");
    }
    String rest = path.substring(PREFIX.length());
    int slash = rest.indexOf('/');
    String format = slash < 0 ? rest : rest.substring(0, slash);
    if (!format.equals("json")) {
      return WireResponse.empty(501, "no such uri");
    }
    String method = request.method();
    if (!List.of("GET", "POST", "PUT", "DELETE").contains(method)) {
      return WireResponse.empty(501, "method '" + method + "' not available");
    }
    List<String> segments = segments(slash < 0 ? "" : rest.substring(slash + 1));
    String relPath = "/" + String.join("/", segments);

    FaultInjector.Outcome fault = faults.apply(method, segments);
    if (!fault.none()) {
      WireResponse faulted = applyFault(fault, request);
      if (faulted != null) {
        return faulted;
      }
    }

    Router.Match match = router.match(method, segments);
    boolean login = method.equals("POST") && relPath.equals("/access/ticket");
    Identity identity = null;
    if (!login) {
      boolean upload = match != null && match.endpoint().path().endsWith("/upload");
      try {
        identity = auth.authenticate(request, upload);
      } catch (ApiException e) {
        sleep(authFailureDelay);
        return WireResponse.empty(401, e.getMessage()).closeConnection();
      }
    }
    if (match == null) {
      throw new ApiException(501, "Method '" + method + " " + relPath + "' not implemented");
    }
    Endpoint endpoint = match.endpoint();
    List<Multipart.Part> files = new ArrayList<>();
    Map<String, Object> params = RequestParams.extract(request, files);
    params.putAll(match.pathParams());
    Call call = new Call(world, tasks, identity, params, files);
    Object data;
    synchronized (world) {
      endpoint.check().check(call);
      SortedMap<String, String> errors = Validator.validate(endpoint.params(), params);
      if (!errors.isEmpty()) {
        throw ApiException.parameters(errors);
      }
      tasks.failTasksStartedNow(fault.taskFailure());
      try {
        data = endpoint.handler().handle(call);
      } finally {
        tasks.failTasksStartedNow(null);
      }
    }
    if (data instanceof WebSocketUpgrade upgrade) {
      if (WebSocketUpgrade.requested(request)) {
        return WireResponse.upgrade(upgrade);
      }
      data = upgrade.fallback();
    }
    ObjectNode root = Json.object();
    if (data instanceof JsonNode node) {
      root.set("data", node);
    } else if (data == null) {
      root.putNull("data");
    } else {
      root.put("data", data.toString());
    }
    return WireResponse.of(200, "OK", bytes(root), JSON);
  }

  private WireResponse applyFault(FaultInjector.Outcome fault, WireRequest request) {
    sleep(fault.latency());
    if (fault.drop()) {
      return WireResponse.drop();
    }
    if (fault.expireTicket()) {
      String ticket = ticketOf(request);
      if (ticket != null) {
        auth.revoke(ticket);
      }
    }
    if (fault.errorStatus() != 0) {
      return error(new ApiException(fault.errorStatus(), fault.errorMessage()));
    }
    return null;
  }

  private static String ticketOf(WireRequest request) {
    String cookie = request.header("cookie");
    if (cookie != null) {
      for (String part : cookie.split(";")) {
        String p = part.trim();
        if (p.startsWith("PVEAuthCookie=")) {
          return java.net.URLDecoder.decode(
              p.substring(14).replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    String authorization = request.header("authorization");
    if (authorization != null && authorization.startsWith("PVEAuthCookie=")) {
      return authorization.substring(14);
    }
    return null;
  }

  private static WireResponse error(ApiException e) {
    if (e.status() == 401 && e.getMessage().startsWith("Permission denied - invalid csrf")) {
      return WireResponse.empty(401, e.getMessage()).closeConnection();
    }
    ObjectNode body = Json.object();
    body.putNull("data");
    if (!e.errors().isEmpty()) {
      ObjectNode errors = body.putObject("errors");
      e.errors().forEach(errors::put);
    }
    String message = e.getMessage();
    body.put("message", message.endsWith("\n") ? message : message + "\n");
    return WireResponse.of(e.status(), message, bytes(body), JSON).closeConnection();
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return Json.MAPPER.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> segments(String path) {
    List<String> segments = new ArrayList<>();
    if (path.isEmpty()) {
      return segments;
    }
    for (String raw : path.split("/", -1)) {
      segments.add(RequestParams.percentDecode(raw));
    }
    if (!segments.isEmpty() && segments.get(segments.size() - 1).isEmpty()) {
      segments.remove(segments.size() - 1);
    }
    return segments;
  }

  private static void sleep(Duration delay) {
    if (delay.isZero()) {
      return;
    }
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
