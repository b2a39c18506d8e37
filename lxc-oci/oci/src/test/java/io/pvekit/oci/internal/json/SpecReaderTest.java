package io.pvekit.oci.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming {@link SpecReader} against the jackson-databind reader it replaced: every test
 * document, and thousands of mutations of them (each value replaced by every JSON type, removed,
 * nulled; unknown fields added), must give the same model, the same ignored fields, or the same
 * error. The streaming reader also says what it found instead ("expected an integer, got a string")
 * where databind's message did not.
 */
class SpecReaderTest {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] REPLACEMENTS = {
    "null",
    "\"x\"",
    "\"\"",
    "0",
    "-1",
    "1.5",
    "1e3",
    "true",
    "[]",
    "{}",
    "[null]",
    "[\"x\"]",
    "[1]",
    "[{}]",
    "{\"k\":null}",
    "{\"k\":\"v\"}",
    "{\"k\":1}",
    "2147483648",
    "99999999999999999999",
    "-9223372036854775809",
  };

  static String resource(String name) throws Exception {
    try (InputStream in = SpecReaderTest.class.getResourceAsStream("/oci/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"full-config.json", "edge-config.json"})
  void testResources_readAsDatabindReadThem(String name) throws Exception {
    String json = resource(name);
    assertThat(outcome(json, SpecReader::parse))
        .isEqualTo(outcome(json, DatabindSpecReader::parse));
    OciSpec spec = SpecReader.parse(json);
    assertThat(spec).isEqualTo(DatabindSpecReader.parse(json));
    assertThat(spec.ignoredFields()).isEqualTo(DatabindSpecReader.parse(json).ignoredFields());
    try (InputStream in = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
      assertThat(SpecReader.parse(in)).isEqualTo(spec);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"full-config.json", "edge-config.json"})
  void everyMutation_endsAsWithDatabind(String name) throws Exception {
    JsonNode original = JSON.readTree(resource(name));
    List<String> documents = new ArrayList<>();
    mutate(original, original, documents);
    List<String> differences = new ArrayList<>();
    for (String document : documents) {
      String expected = outcome(document, DatabindSpecReader::parse);
      String actual = outcome(document, SpecReader::parse);
      if (!sameOutcome(expected, actual)) {
        differences.add(document + "\n  databind:  " + expected + "\n  streaming: " + actual);
      }
    }
    assertThat(documents).hasSizeGreaterThan(1000);
    assertThat(differences).isEmpty();
  }

  @Test
  void brokenDocuments_endAsWithDatabind() {
    String[] documents = {
      "",
      " ",
      "null",
      "[]",
      "\"x\"",
      "1",
      "{",
      "{\"ociVersion\":\"1.0.0\",}",
      "{\"ociVersion\":\"1.0.0\",\"ociVersion\":\"1.0.0\"}",
      "{\"ociVersion\":\"1.0.0\"} trailing",
      "{\"ociVersion\":\"1.0.0\",\"hostname\":\"a\u00e9\",\"x\":nul}",
      "{\"ociVersion\":\"1.0.0\",\"process\":{\"user\":{}}}",
      "{\"ociVersion\":\"1.0.0\",\"linux\":{\"uidMappings\":[{}]}}",
      "{\"ociVersion\":\"1.0.0\",\"annotations\":{\"a.b\":1,\"it's\":\"x\"}}",
      "{\"ociVersion\":\"1.2\"}",
      "{\"ociVersion\":\"01.2.3\"}",
      "{\"ociVersion\":\"1.2.3-\"}",
      "{\"ociVersion\":\"1.2.3-rc.1+b\"}",
      "{\"ociVersion\":\"1.2.3+b\"}",
      "{\"ociVersion\":\"10.2.3\"}",
      "{\"ociVersion\":\"\"}",
    };
    for (String document : documents) {
      String expected = outcome(document, DatabindSpecReader::parse);
      String actual = outcome(document, SpecReader::parse);
      assertThat(sameOutcome(expected, actual))
          .as("%s%n  databind:  %s%n  streaming: %s", document, expected, actual)
          .isTrue();
    }
  }

  @Test
  void duplicateMapKey_isNotValidJson_atTheKey() {
    // databind said "$.linux.sysctl: Duplicate field 'a'", without the place
    assertThat(
            outcome(
                "{\"ociVersion\":\"1.0.0\",\"linux\":{\"sysctl\":{\"a\":\"1\",\"a\":\"2\"}}}",
                SpecReader::parse))
        .isEqualTo(
            "error: $.linux.sysctl.a: not valid JSON: Duplicate field 'a' at line 1, column 53");
  }

  @Test
  void syntaxErrorInAnArray_isNotValidJson_withItsPlace() {
    // databind said "$.mounts[0]: Unexpected character ('}' (code 125)): was expecting ...",
    // without the line and column it gives for the same error outside an array
    assertThat(
            outcome(
                "{\"ociVersion\":\"1.0.0\",\"mounts\":[{\"destination\":\"/a\",}]}",
                SpecReader::parse))
        .isEqualTo(
            "error: $.mounts[0].destination: not valid JSON: Unexpected character at line 1,"
                + " column 53");
  }

  @Test
  void ignoredFieldsProperty_isUnknownLikeAnyOther() {
    // databind dropped it silently (the model's @JsonIgnore attribute); the spec has no such field
    assertThat(
            SpecReader.parse("{\"ociVersion\":\"1.0.0\",\"ignoredFields\":[\"x\"]}")
                .ignoredFields())
        .containsExactly("$.ignoredFields");
  }

  @Test
  void unknownArrayField_isRecordedByItsName() {
    // databind recorded "$.linux.netDevices[0]": its parser had already entered the array
    assertThat(
            SpecReader.parse("{\"ociVersion\":\"1.0.0\",\"linux\":{\"netDevices\":[1,2]}}")
                .ignoredFields())
        .containsExactly("$.linux.netDevices");
  }

  @Test
  void hugeMajorVersion_isUnsupported_notACrash() {
    assertThat(outcome("{\"ociVersion\":\"99999999999.0.0\"}", SpecReader::parse))
        .startsWith("error: $.ociVersion: unsupported version");
  }

  /** Equal, or the same error where the streaming one adds what it found (", got a string"). */
  /**
   * An out-of-range uid or gid: databind meets OciUser's check at the user object, the streaming
   * reader at the field itself (a more precise place for the same error).
   */
  private static boolean sameIdRangeError(String databind, String streaming) {
    String problem = " is outside 0..2147483647";
    return databind.startsWith("error: $.process.user: ")
        && databind.contains(problem)
        && streaming.startsWith("error: $.process.user.")
        && streaming.contains(problem);
  }

  static boolean sameOutcome(String databind, String streaming) {
    return streaming.equals(withoutArraySuffix(databind))
        || sameIdRangeError(databind, streaming)
        || (databind.startsWith("error: ")
            && streaming.startsWith(databind + ", got ")
            && streaming.indexOf(',', databind.length() + 6) < 0);
  }

  /**
   * databind recorded an unknown field whose value is an array as {@code name[0]} (see {@link
   * #unknownArrayField_isRecordedByItsName}); an ignored field is always a name, never an element.
   */
  private static String withoutArraySuffix(String outcome) {
    int ignored = outcome.lastIndexOf(" ignored [");
    if (!outcome.startsWith("ok: ") || ignored < 0) {
      return outcome;
    }
    return outcome.substring(0, ignored)
        + outcome.substring(ignored).replaceAll("\\[0\\](?=[,\\]])", "");
  }

  /** The model with its ignored fields, or the error; both readers end in one of these. */
  static String outcome(String json, Function<String, OciSpec> reader) {
    try {
      OciSpec spec = reader.apply(json);
      return "ok: " + spec + " ignored " + spec.ignoredFields();
    } catch (OciSpecException e) {
      return "error: " + e.getMessage();
    } catch (RuntimeException e) {
      return "crash: " + e;
    }
  }

  /** Every document that differs from the original in one place. */
  static void mutate(JsonNode root, JsonNode node, List<String> out) throws Exception {
    if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        for (String replacement : REPLACEMENTS) {
          object.set(name, JSON.readTree(replacement));
          out.add(JSON.writeValueAsString(root));
        }
        object.remove(name);
        out.add(JSON.writeValueAsString(root));
        object.set(name, value);
        mutate(root, value, out);
      }
      object.set("zzUnknown", JSON.readTree("{\"a\":{\"b\":[1,null]}}"));
      out.add(JSON.writeValueAsString(root));
      object.remove("zzUnknown");
    } else if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        for (String replacement : REPLACEMENTS) {
          array.set(i, JSON.readTree(replacement));
          out.add(JSON.writeValueAsString(root));
        }
        array.set(i, value);
        mutate(root, value, out);
      }
    }
  }
}
