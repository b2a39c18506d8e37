package io.pvekit.proxmox.simulator.internal.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds the endpoint for a method and path and extracts the path parameters. */
public final class Router {
  /** A matched endpoint. */
  public record Match(Endpoint endpoint, Map<String, String> pathParams) {}

  private record Compiled(Endpoint endpoint, String[] segments) {}

  private final List<Compiled> templated = new ArrayList<>();
  private final Map<String, Endpoint> exact = new HashMap<>();
  private final List<Endpoint> all = new ArrayList<>();

  /** Registers an endpoint. */
  public void add(Endpoint endpoint) {
    all.add(endpoint);
    if (endpoint.path().contains("{")) {
      templated.add(new Compiled(endpoint, split(endpoint.path())));
    } else {
      exact.put(endpoint.method() + " " + endpoint.path(), endpoint);
    }
  }

  /** Every endpoint, in registration order. */
  public List<Endpoint> endpoints() {
    return Collections.unmodifiableList(all);
  }

  /**
   * The endpoint for a request.
   *
   * @param method the request method
   * @param segments the decoded path segments below {@code /api2/json}
   * @return the match, or null
   */
  public Match match(String method, List<String> segments) {
    String joined = "/" + String.join("/", segments);
    Endpoint direct = exact.get(method + " " + joined);
    if (direct != null) {
      return new Match(direct, Map.of());
    }
    outer:
    for (Compiled c : templated) {
      if (!c.endpoint().method().equals(method) || c.segments().length != segments.size()) {
        continue;
      }
      Map<String, String> params = new LinkedHashMap<>();
      for (int i = 0; i < c.segments().length; i++) {
        String expected = c.segments()[i];
        String actual = segments.get(i);
        if (expected.startsWith("{")) {
          if (actual.isEmpty()) {
            continue outer;
          }
          params.put(expected.substring(1, expected.length() - 1), actual);
        } else if (!expected.equals(actual)) {
          continue outer;
        }
      }
      return new Match(c.endpoint(), params);
    }
    return null;
  }

  private static String[] split(String path) {
    return path.substring(1).split("/");
  }
}
