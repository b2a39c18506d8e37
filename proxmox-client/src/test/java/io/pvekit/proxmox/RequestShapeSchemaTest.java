package io.pvekit.proxmox;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.pvekit.proxmox.WireMockSupport.data;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.pvekit.testing.Prerequisite;
import io.pvekit.testing.Requires;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves that the typed API's requests match the official PVE API schema: every typed operation is
 * sent to WireMock; for each request the listener gives the path template the client used and
 * WireMock the parameters on the wire. Each (method, template) must exist in {@code
 * pve-apidata.json}, every parameter must be declared there with a compatible value (booleans 0/1,
 * integers, numbers, enums, property-string keys), and every required parameter must be sent.
 */
@Requires(Prerequisite.SHARED_UPSTREAM)
class RequestShapeSchemaTest {
  @RegisterExtension
  static WireMockExtension server =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private record Sent(String operation, RequestEvent event, LoggedRequest request) {}

  private List<Sent> sendAll() {
    server.stubFor(any(anyUrl()).willReturn(data("\"" + TypedCalls.UPID + "\"")));
    List<RequestEvent> events = new CopyOnWriteArrayList<>();
    List<String> operations = new ArrayList<>();
    try (ProxmoxClient client =
        WireMockSupport.clientBuilder(
                server, Authentication.apiToken(WireMockSupport.TOKEN_ID, Secret.of("s")))
            .retryPolicy(RetryPolicy.none())
            .listener(events::add)
            .build()) {
      for (Map.Entry<String, Consumer<ProxmoxClient>> op : TypedCalls.all().entrySet()) {
        int before = events.size();
        try {
          op.getValue().accept(client);
        } catch (RuntimeException decodingTheStubAnswer) {
          // the stub answers a UPID to everything; only the request matters here
        }
        assertThat(events.size() - before).as(op.getKey() + " sends one request").isEqualTo(1);
        operations.add(op.getKey());
      }
    }
    List<LoggedRequest> requests = new ArrayList<>();
    server.getAllServeEvents().forEach(e -> requests.add(0, e.getRequest()));
    assertThat(requests).hasSameSizeAs(events);
    List<Sent> sent = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      sent.add(new Sent(operations.get(i), events.get(i), requests.get(i)));
    }
    return sent;
  }

  @Test
  void everyTypedRequest_matchesTheOfficialSchema() {
    ApiSchema schema = ApiSchema.current();
    List<String> problems = new ArrayList<>();
    List<Sent> sent = sendAll();
    for (Sent s : sent) {
      String method = s.event().method();
      String template = s.event().pathTemplate();
      String where = s.operation() + " (" + method + " " + template + ")";
      JsonNode endpoint = schema.endpoint(method, template).orElse(null);
      if (endpoint == null) {
        problems.add(where + ": no such endpoint in the schema");
        continue;
      }
      JsonNode declared = endpoint.path("parameters").path("properties");
      Map<String, String> params = SchemaValueCheck.params(s.request());
      for (Map.Entry<String, String> param : params.entrySet()) {
        String name = param.getKey();
        JsonNode spec =
            declared.has(name)
                ? declared.get(name)
                : declared.get(name.replaceFirst("\\d+$", "[n]"));
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
        if (required
            && !template.contains("{" + p.getKey() + "}")
            && !params.containsKey(p.getKey())) {
          problems.add(where + ": required parameter '" + p.getKey() + "' not sent");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(sent).hasSize(TypedCalls.names().size());
  }

  @Test
  void everyTypedEndpoint_alsoExistsInPve84() {
    ApiSchema old = ApiSchema.load("pve-apidata-8.4.json");
    List<String> missing = new ArrayList<>();
    for (Sent s : sendAll()) {
      if (!ErgonomicCalls.PVE9_ONLY.contains(s.operation())
          && old.endpoint(s.event().method(), s.event().pathTemplate()).isEmpty()) {
        missing.add(s.operation());
      }
    }
    assertThat(missing).isEmpty();
  }
}
