package io.pvekit.lxc.internal.translate;

import static org.assertj.core.api.Assertions.assertThat;

import io.pvekit.oci.OciSpec;
import io.pvekit.oci.internal.json.OciJson;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValuesTest {

  /** Every part of a spec is displayed as the jackson-databind version displayed it. */
  @ParameterizedTest
  @ValueSource(strings = {"full-config.json", "edge-config.json"})
  void display_isDatabindsJsonOnOneLine(String name) throws Exception {
    OciSpec spec;
    try (InputStream in = ValuesTest.class.getResourceAsStream("/oci/" + name)) {
      spec = OciSpec.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Object> parts = new ArrayList<>();
    parts(spec, parts);
    assertThat(parts).hasSizeGreaterThan(20);
    for (Object part : parts) {
      assertThat(Values.display(part)).as("%s", part).isEqualTo(databindDisplay(part));
    }
    assertThat(Values.display(List.of("a", "b"))).isEqualTo("[ \"a\", \"b\" ]");
  }

  private static String databindDisplay(Object value) {
    String text = OciJson.write(value).replaceAll("\\s*\n\\s*", " ").trim();
    return text.length() > 120 ? text.substring(0, 117) + "..." : text;
  }

  private static void parts(Object value, List<Object> out) throws Exception {
    if (value instanceof Optional) {
      if (((Optional<?>) value).isPresent()) {
        parts(((Optional<?>) value).get(), out);
      }
    } else if (value instanceof Collection) {
      out.add(value);
      for (Object element : (Collection<?>) value) {
        parts(element, out);
      }
    } else if (value instanceof Map) {
      out.add(value);
      for (Object element : ((Map<?, ?>) value).values()) {
        parts(element, out);
      }
    } else if (value.getClass().getSimpleName().startsWith("ImmutableOci")) {
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
}
