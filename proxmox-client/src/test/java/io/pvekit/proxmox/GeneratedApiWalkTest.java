package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.pvekit.codegen.Names;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Walks every endpoint of the PVE 9.1 and 8.4 schemas through the generated layer by reflection:
 * from {@code client.api(version)} one method per path segment, then the method named after the
 * HTTP method; sets every parameter the schema declares for that version on the request builder,
 * sends the call to WireMock and checks what went over the wire against the official schema ({@code
 * ../shared/upstream/pve-api}) with the same checks as {@link RequestShapeSchemaTest}: method and
 * path template, every parameter declared, values of the declared type, enum and property-string
 * keys, every required parameter sent. Prints the coverage figure.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class GeneratedApiWalkTest {
  static final Path EXTRACTS = Path.of("src/main/pve-schema");

  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String REFUSED = "refused: ";

  /** Shapes of the typed answers, for the coverage line. */
  private final Map<String, Integer> shapes = new java.util.TreeMap<>();

  @ParameterizedTest
  @CsvSource({"9.1, pve-apidata.json, PVE_9_1", "8.4, pve-apidata-8.4.json, PVE_8_4"})
  void everyEndpoint_isATypedCall_whoseFullRequestPassesTheSchema(
      String release, String upstream, PveApiVersion version) throws IOException {
    JsonNode extract =
        new ObjectMapper().readTree(EXTRACTS.resolve("pve-" + release + ".json").toFile());
    ApiSchema schema = ApiSchema.load(upstream);
    server.stubFor(any(anyUrl()).willReturn(data("\"" + TypedCalls.UPID + "\"")));
    List<RequestEvent> events = new CopyOnWriteArrayList<>();
    List<String> problems = new ArrayList<>();
    int endpoints = 0;
    int typed = 0;
    try (ProxmoxClient client =
        WireMockSupport.clientBuilder(
                server, Authentication.apiToken(WireMockSupport.TOKEN_ID, Secret.of("s")))
            .retryPolicy(RetryPolicy.none())
            .listener(events::add)
            .build()) {
      for (JsonNode endpoint : extract.get("endpoints")) {
        endpoints++;
        String method = endpoint.get("method").asText();
        String template = endpoint.get("path").asText();
        String where = method + " " + template;
        events.clear();
        server.resetRequests();
        String problem = callWithEveryParameter(client.api(version), endpoint);
        if (problem != null) {
          problems.add(where + ": " + problem);
          continue;
        }
        if (events.size() != 1
            || !events.get(0).method().equals(method)
            || !events.get(0).pathTemplate().equals(template)) {
          problems.add(where + ": sent " + events);
          continue;
        }
        problems.addAll(wireProblems(schema, where, method, template));
        typed++;
      }
    }
    System.out.printf(
        Locale.ROOT,
        "COVERAGE PVE %s: %d of %d schema endpoints are typed calls (%.1f%%); answers: %s%n",
        release,
        typed,
        endpoints,
        100.0 * typed / endpoints,
        shapes);
    assertThat(problems).isEmpty();
    assertThat(typed).isEqualTo(endpoints).isEqualTo(extract.get("endpoints").size());
  }

  /**
   * Every endpoint of one schema, with every parameter set, called through the generated layer
   * checked against the other version: refused without a request exactly when the other version
   * lacks the endpoint or one of the parameters, sent otherwise.
   */
  @ParameterizedTest
  @CsvSource({"9.1, 8.4, PVE_8_4", "8.4, 9.1, PVE_9_1"})
  void callsAndParametersTheOtherVersionLacks_areRefusedBeforeSending(
      String release, String otherRelease, PveApiVersion other) throws IOException {
    JsonNode extract =
        new ObjectMapper().readTree(EXTRACTS.resolve("pve-" + release + ".json").toFile());
    JsonNode otherExtract =
        new ObjectMapper().readTree(EXTRACTS.resolve("pve-" + otherRelease + ".json").toFile());
    Map<String, JsonNode> otherEndpoints = new java.util.HashMap<>();
    otherExtract
        .get("endpoints")
        .forEach(
            e -> otherEndpoints.put(e.get("method").asText() + " " + e.get("path").asText(), e));
    server.stubFor(any(anyUrl()).willReturn(data("\"" + TypedCalls.UPID + "\"")));
    List<String> problems = new ArrayList<>();
    int refusedEndpoints = 0;
    int refusedParameters = 0;
    int refusedValues = 0;
    try (ProxmoxClient client =
        WireMockSupport.clientBuilder(
                server, Authentication.apiToken(WireMockSupport.TOKEN_ID, Secret.of("s")))
            .retryPolicy(RetryPolicy.none())
            .build()) {
      for (JsonNode endpoint : extract.get("endpoints")) {
        String where = endpoint.get("method").asText() + " " + endpoint.get("path").asText();
        JsonNode there = otherEndpoints.get(where);
        List<String> missing = new ArrayList<>();
        if (there != null) {
          for (String name :
              iterable(endpoint.path("parameters").path("properties").fieldNames())) {
            if (!there.path("parameters").path("properties").has(name)) {
              missing.add("parameter '" + name.replace("[n]", "") + "'");
            }
          }
        }
        server.resetRequests();
        String outcome = callWithEveryParameter(client.api(other), endpoint);
        boolean refused = outcome != null && outcome.startsWith(REFUSED);
        boolean sent = !server.getAllServeEvents().isEmpty();
        if (there == null || !missing.isEmpty()) {
          List<String> expected =
              there == null ? List.of(where + " is not in the " + other + " API") : missing;
          boolean named = refused && expected.stream().anyMatch(outcome::contains);
          if (!named || sent || !outcome.contains("it exists in PVE " + release)) {
            problems.add(where + ": expected a refusal naming " + expected + ", got " + outcome);
          }
          if (there == null) {
            refusedEndpoints++;
          } else {
            refusedParameters++;
          }
        } else if (refused && !sent && valueLacking(there, outcome)) {
          refusedValues++;
        } else if (outcome != null || !sent) {
          problems.add(where + ": expected it sent, got " + outcome);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "VERSION GATE %s calls on %s: %d endpoints, %d calls with a parameter and %d with an enum"
            + " value refused%n",
        release,
        other,
        refusedEndpoints,
        refusedParameters,
        refusedValues);
    assertThat(problems).isEmpty();
    assertThat(refusedEndpoints).isPositive();
    assertThat(refusedParameters).isPositive();
  }

  /** Whether a refusal names an enum value that the other version's parameter really lacks. */
  private static boolean valueLacking(JsonNode otherEndpoint, String outcome) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("value '([^']*)' of parameter '([^']*)'").matcher(outcome);
    if (!m.find()) {
      return false;
    }
    JsonNode declared = otherEndpoint.path("parameters").path("properties");
    String name = m.group(2);
    JsonNode spec =
        declared.has(name) ? declared.get(name) : declared.path(name.replaceFirst("\\d+$", "[n]"));
    return spec.path("enum").isArray() && !SampleValues.inEnum(spec, m.group(1));
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }

  /** Navigates to the endpoint, builds its request with every parameter, calls it. */
  private String callWithEveryParameter(PveApi api, JsonNode endpoint) {
    String template = endpoint.get("path").asText();
    JsonNode params = endpoint.path("parameters").path("properties");
    Object resource = api;
    for (String segment : template.substring(1).split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      Object next = child(resource, segment, params);
      if (next == null) {
        return "no method " + Names.lowerCamel(segment) + " on " + resource.getClass().getName();
      }
      resource = next;
    }
    String verb = Names.verb(endpoint.get("method").asText());
    Method call = null;
    for (Method m : resource.getClass().getMethods()) {
      if (m.getName().equals(verb)
          && (m.getParameterCount() == 0 && call == null
              || m.getParameterCount() == 1
                  && !m.getParameterTypes()[0].equals(java.util.function.Consumer.class))) {
        call = m;
      }
    }
    if (call == null) {
      return "no method " + verb + "() on " + resource.getClass().getSimpleName();
    }
    String shape = shape(call.getGenericReturnType());
    shapes.merge(shape, 1, Integer::sum);
    JsonNode returns = endpoint.path("returns");
    if (shape.equals("json tree")
        && (returns.has("properties") || returns.path("items").has("properties"))) {
      return "answers a JSON tree although the schema describes its properties";
    }
    if (shape.equals("none") && !returns.path("type").asText().equals("null")) {
      return "answers nothing although the schema declares " + returns;
    }
    Object[] args = new Object[call.getParameterCount()];
    if (args.length == 1) {
      Object request;
      try {
        request = fullRequest(call.getParameterTypes()[0], template, params);
      } catch (IllegalArgumentException e) {
        return e.getMessage();
      }
      args[0] = request;
    }
    try {
      call.invoke(resource, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof ProxmoxUnsupportedVersionException refused) {
        return REFUSED + refused.getMessage();
      }
      if (!(e.getCause() instanceof ProxmoxMalformedResponseException)) {
        return "call failed: " + e.getCause();
      } // every stub answers a UPID: decoding it as anything else fails, only the request matters
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
    return null;
  }

  private static Object child(Object resource, String segment, JsonNode params) {
    String name = Names.lowerCamel(segment);
    try {
      if (!Names.isPlaceholder(segment)) {
        return resource.getClass().getMethod(name).invoke(resource);
      }
      JsonNode spec = params.path(segment.substring(1, segment.length() - 1));
      for (Method m : resource.getClass().getMethods()) {
        if (m.getName().equals(name) && m.getParameterCount() == 1) {
          Class<?> type = m.getParameterTypes()[0];
          if (type == long.class) {
            return m.invoke(resource, spec.has("minimum") ? spec.get("minimum").asLong() : 1L);
          }
          if (type == String.class) {
            return m.invoke(resource, pathSample(segment));
          }
        }
      }
      return null;
    } catch (NoSuchMethodException e) {
      return null;
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static String pathSample(String segment) {
    return switch (segment) {
      case "{node}" -> "pve1";
      case "{storage}" -> "local";
      case "{upid}" -> TypedCalls.UPID.format();
      case "{volume}" -> "local:100/vm-100-disk-0.raw";
      case "{userid}" -> "ci@pve";
      default -> "x1";
    };
  }

  /** A request with every parameter of the schema set (indexed ones once, as index 0). */
  private static Object fullRequest(Class<?> requestType, String where, JsonNode params)
      throws IllegalArgumentException {
    try {
      Object builder = requestType.getMethod("builder").invoke(null);
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, JsonNode> p : params.properties()) {
        if (where.contains("{" + p.getKey() + "}")) {
          continue;
        }
        boolean indexed = p.getKey().endsWith("[n]");
        Method setter =
            SampleValues.setter(builder.getClass(), Names.lowerCamel(p.getKey()), indexed);
        if (setter == null) {
          problems.add("no setter for " + p.getKey());
          continue;
        }
        String problem = SampleValues.set(builder, setter, p.getValue(), indexed);
        if (problem != null) {
          problems.add(p.getKey() + ": " + problem);
        }
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      return builder.getClass().getMethod("build").invoke(builder);
    } catch (InvocationTargetException e) {
      throw new IllegalArgumentException("build: " + e.getCause().getMessage(), e);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> wireProblems(
      ApiSchema schema, String where, String method, String template) {
    List<String> problems = new ArrayList<>();
    JsonNode endpoint = schema.endpoint(method, template).orElse(null);
    if (endpoint == null) {
      return List.of(where + ": no such endpoint in the official schema");
    }
    List<ServeEvent> served = server.getAllServeEvents();
    Map<String, String> sent = SchemaValueCheck.params(served.get(0).getRequest());
    JsonNode declared = endpoint.path("parameters").path("properties");
    for (Map.Entry<String, String> param : sent.entrySet()) {
      String name = param.getKey();
      JsonNode spec =
          declared.has(name) ? declared.get(name) : declared.get(name.replaceFirst("\\d+$", "[n]"));
      if (spec == null) {
        problems.add(where + ": parameter '" + name + "' is not in the schema");
        continue;
      }
      String problem = SchemaValueCheck.problem(spec, param.getValue());
      if (problem != null) {
        problems.add(where + ": " + name + "=" + param.getValue() + " " + problem);
      }
    }
    for (Map.Entry<String, JsonNode> p : declared.properties()) {
      boolean required = p.getValue().path("optional").asInt(0) == 0;
      boolean sentIt =
          sent.containsKey(p.getKey())
              || p.getKey().endsWith("[n]") && sent.containsKey(p.getKey().replace("[n]", "0"));
      if (required && !template.contains("{" + p.getKey() + "}") && !sentIt) {
        problems.add(where + ": required parameter '" + p.getKey() + "' not sent");
      }
    }
    return problems;
  }

  private static String shape(Type returns) {
    if (returns == void.class) {
      return "none";
    }
    if (returns == Task.class
        || returns
            .getTypeName()
            .equals(Optional.class.getName() + "<" + Task.class.getName() + ">")) {
      return "task";
    }
    Type inner = returns;
    if (returns instanceof ParameterizedType p && p.getRawType() == List.class) {
      inner = p.getActualTypeArguments()[0];
    }
    if (inner == JsonNode.class) {
      return "json tree";
    }
    if (inner instanceof Class<?> c && c.isRecord()) {
      return "record";
    }
    return "scalar";
  }
}
