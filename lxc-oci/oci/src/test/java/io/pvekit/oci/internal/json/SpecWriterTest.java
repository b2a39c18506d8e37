package io.pvekit.oci.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.oci.OciCapabilities;
import io.pvekit.oci.OciMount;
import io.pvekit.oci.OciProcess;
import io.pvekit.oci.OciRoot;
import io.pvekit.oci.OciSpec;
import io.pvekit.oci.OciSpecException;
import io.pvekit.oci.OciUser;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jackson-core {@link SpecWriter} against jackson-databind with {@link OciJson#mapper()}, which
 * wrote specs before: the same text for whole specs and for every part of them (the translator's
 * explanations show parts).
 */
class SpecWriterTest {

  @ParameterizedTest
  @ValueSource(strings = {"full-config.json", "edge-config.json"})
  void everyPartOfTheTestResources_isWrittenAsDatabindWroteIt(String name) throws Exception {
    OciSpec spec = SpecReader.parse(SpecReaderTest.resource(name));
    assertThat(SpecWriter.toJson(spec)).isEqualTo(OciJson.write(spec));
    List<Object> parts = new ArrayList<>();
    parts(spec, parts);
    assertThat(parts).hasSizeGreaterThan(20);
    for (Object part : parts) {
      assertThat(SpecWriter.write(part)).as("%s", part).hasValue(databind(part));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"full-config.json", "edge-config.json"})
  void everyReadableMutation_isWrittenAsDatabindWroteIt(String name) throws Exception {
    JsonNode original = SpecReaderTest.JSON.readTree(SpecReaderTest.resource(name));
    List<String> documents = new ArrayList<>();
    SpecReaderTest.mutate(original, original, documents);
    int written = 0;
    for (String document : documents) {
      OciSpec spec;
      try {
        spec = SpecReader.parse(document);
      } catch (OciSpecException e) {
        continue;
      }
      assertThat(SpecWriter.toJson(spec)).as(document).isEqualTo(OciJson.write(spec));
      written++;
    }
    assertThat(written).isGreaterThan(200);
  }

  @Test
  void emptyValues_areLeftOutAsDatabindLeftThemOut() {
    OciSpec spec =
        OciSpec.builder()
            .ociVersion("1.2.0")
            .hostname("")
            .domainname("x")
            .root(OciRoot.builder().path("rootfs").build())
            .process(
                OciProcess.builder()
                    .user(OciUser.builder().uid(0).gid(0).build())
                    .cwd("")
                    .addArgs("", "a \"quoted\" \u00e9 \t arg")
                    .capabilities(OciCapabilities.builder().build())
                    .build())
            .addMounts(OciMount.builder().destination("/x").options(List.of()).build())
            .putAnnotations("empty", "")
            .build();
    assertThat(SpecWriter.toJson(spec)).isEqualTo(OciJson.write(spec));
    assertThat(SpecWriter.write(List.of())).hasValue(databind(List.of()));
    assertThat(SpecWriter.write(Map.of())).hasValue(databind(Map.of()));
    assertThat(SpecWriter.write(List.of(5L, 6L))).hasValue(databind(List.of(5L, 6L)));
  }

  @Test
  void otherTypes_areNotWritten() {
    assertThat(SpecWriter.write(new Object())).isEmpty();
    assertThat(SpecWriter.write(List.of(new Object()))).isEmpty();
  }

  private static String databind(Object value) {
    String json = OciJson.write(value);
    return json.substring(0, json.length() - 1);
  }

  /** Every model object, list and map reachable from a value (through its accessors). */
  private static void parts(Object value, List<Object> out) throws Exception {
    if (value instanceof Optional) {
      if (((Optional<?>) value).isPresent()) {
        parts(((Optional<?>) value).get(), out);
      }
      return;
    }
    if (value instanceof Collection) {
      out.add(value);
      for (Object element : (Collection<?>) value) {
        parts(element, out);
      }
      return;
    }
    if (value instanceof Map) {
      out.add(value);
      for (Object element : ((Map<?, ?>) value).values()) {
        parts(element, out);
      }
      return;
    }
    if (!value.getClass().getSimpleName().startsWith("ImmutableOci")) {
      return;
    }
    out.add(value);
    for (Class<?> model : value.getClass().getInterfaces()) {
      for (Method accessor : model.getDeclaredMethods()) {
        if (accessor.getParameterCount() == 0
            && accessor.getReturnType() != void.class
            && !Modifier.isStatic(accessor.getModifiers())) {
          parts(accessor.invoke(value), out);
        }
      }
    }
  }
}
