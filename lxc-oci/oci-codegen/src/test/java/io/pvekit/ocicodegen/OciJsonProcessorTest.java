package io.pvekit.ocicodegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The processor in a real javac run over a small model (with stand-ins for the Immutables and
 * Jackson annotations, which it knows by name only): what it generates compiles against a cursor
 * and an output of the same shape as pvekit-oci's, and what it cannot generate stops the build with
 * a message on the declaration.
 */
class OciJsonProcessorTest {
  @TempDir Path out;

  private static final String ANNOTATIONS_VALUE =
      "package org.immutables.value; public @interface Value { @interface Immutable {} }";
  private static final String ANNOTATIONS_JSON =
      "package com.fasterxml.jackson.annotation; public @interface JsonProperty { String value(); }";

  /** A cursor and an output with the methods the generated code calls, doing nothing. */
  private static final String CURSOR =
      "package m.json; import java.math.BigInteger; import java.util.*; class JsonCursor {"
          + " void beginObject() {} String field() { return null; } boolean has() { return true; }"
          + " void unknown() {} boolean array() { return false; } boolean element() { return false; }"
          + " boolean map() { return false; } String entry() { return null; }"
          + " String string() { return \"\"; } boolean bool() { return false; }"
          + " long longValue() { return 0; } long idValue() { return 0; } int intValue() { return 0; }"
          + " BigInteger bigInteger() { return BigInteger.ZERO; }"
          + " List<String> strings() { return List.of(); } }";

  private static final String OUT =
      "package m.json; import java.math.BigInteger; import java.util.*; class JsonOut {"
          + " void startObject() {} void endObject() {} void endArray() {} void name(String n) {}"
          + " boolean startArray(String n, Collection<?> v) { return false; }"
          + " boolean startObject(String n, Map<?, ?> v) { return false; }"
          + " void string(String n, String v) {} void string(String n, Optional<String> v) {}"
          + " void number(String n, long v) {} void number(String n, OptionalLong v) {}"
          + " void bool(String n, boolean v) {} void strings(String n, List<String> v) {}"
          + " void longs(String n, List<Long> v) {} void strings(String n, Map<String, String> v) {} }";

  /** A two-type model with a builder each, as the Immutables-generated builders would offer. */
  private static String model(String extraProperty) {
    return "package m; import org.immutables.value.Value;"
        + " import com.fasterxml.jackson.annotation.JsonProperty; import java.util.*;"
        + " @Value.Immutable public interface Root {"
        + "  @JsonProperty(\"name\") String name();"
        + "  @JsonProperty(\"uid\") long uid();"
        + "  @JsonProperty(\"gids\") List<Long> gids();"
        + "  @JsonProperty(\"labels\") Map<String, String> labels();"
        + "  @JsonProperty(\"parts\") List<Part> parts();"
        + "  @JsonProperty(\"main\") Optional<Part> main();"
        + "  @JsonProperty(\"byName\") Map<String, Part> byName();"
        + extraProperty
        + "  List<String> notJson();"
        + "  static Builder builder() { return new Builder(); }"
        + "  final class Builder {"
        + "   public Builder name(String v) { return this; }"
        + "   public Builder uid(long v) { return this; }"
        + "   public Builder addGids(long v) { return this; }"
        + "   public Builder putLabels(String k, String v) { return this; }"
        + "   public Builder addParts(Part v) { return this; }"
        + "   public Builder main(Part v) { return this; }"
        + "   public Builder putByName(String k, Part v) { return this; }"
        + "   public Root build() { return null; } } }";
  }

  private static final String PART =
      "package m; import org.immutables.value.Value;"
          + " import com.fasterxml.jackson.annotation.JsonProperty;"
          + " @Value.Immutable public interface Part {"
          + "  @JsonProperty(\"on\") boolean on();"
          + "  static Builder builder() { return new Builder(); }"
          + "  final class Builder {"
          + "   public Builder on(boolean v) { return this; }"
          + "   public Part build() { return null; } } }";

  private record Run(boolean success, List<String> errors, Path generated) {}

  private Run compile(String model, String ids) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      Path classes = Files.createDirectories(out.resolve("classes"));
      Path sources = Files.createDirectories(out.resolve("generated"));
      files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
      files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(sources));
      List<JavaFileObject> units =
          List.of(
              source("org/immutables/value/Value", ANNOTATIONS_VALUE),
              source("com/fasterxml/jackson/annotation/JsonProperty", ANNOTATIONS_JSON),
              source("m/json/JsonCursor", CURSOR),
              source("m/json/JsonOut", OUT),
              source("m/Root", model),
              source("m/Part", PART));
      List<String> options =
          new ArrayList<>(
              List.of(
                  "-Apvekit.oci.json.root=m.Root",
                  "-Apvekit.oci.json.package=m.json",
                  "-Apvekit.oci.json.ids=" + ids));
      JavaCompiler.CompilationTask task =
          javac.getTask(null, files, diagnostics, options, null, units);
      task.setProcessors(List.of(new OciJsonProcessor()));
      boolean success = task.call();
      List<String> errors =
          diagnostics.getDiagnostics().stream()
              .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
              .map(d -> d.getMessage(Locale.ROOT))
              .collect(Collectors.toList());
      return new Run(success, errors, sources.resolve("m/json"));
    }
  }

  private static JavaFileObject source(String name, String text) {
    return new SimpleJavaFileObject(
        URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  @Test
  void everyShape_isGenerated_andCompiles() throws Exception {
    Run run = compile(model(""), "Root.uid,Root.gids");
    assertThat(run.errors()).isEmpty();
    assertThat(run.success()).isTrue();
    String reader = Files.readString(run.generated().resolve("ModelReader.java"));
    assertThat(reader)
        .contains("case \"uid\":\n          if (c.has()) b.uid(c.idValue());")
        .contains("if (c.array()) while (c.element()) b.addGids(c.idValue());")
        .contains("b.putLabels(k, c.string());")
        .contains("if (c.array()) while (c.element()) b.addParts(readPart(c));")
        .contains("b.putByName(k, readPart(c));")
        .contains("default:\n          c.unknown();")
        .doesNotContain("notJson");
    String writer = Files.readString(run.generated().resolve("ModelWriter.java"));
    assertThat(writer)
        .contains("if (value instanceof Part) {")
        .contains("w.longs(\"gids\", v.gids());")
        .contains("if (v.main().isPresent()) {\n      w.name(\"main\");");
    // declaration order, which is jackson-databind's
    assertThat(writer.indexOf("\"name\"")).isLessThan(writer.indexOf("\"uid\""));
    assertThat(writer.indexOf("\"uid\"")).isLessThan(writer.indexOf("\"byName\""));
  }

  @Test
  void anUnknownShape_stopsTheBuild_namingTheDeclaration() throws Exception {
    Run run = compile(model("  @JsonProperty(\"weights\") Map<String, Integer> weights();"), "");
    assertThat(run.success()).isFalse();
    assertThat(run.errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains("Root.weights()")
                    .contains("java.util.Map<java.lang.String,java.lang.Integer>"));
    try (Stream<Path> left = Files.list(out.resolve("generated"))) {
      assertThat(left).as("nothing generated").isEmpty();
    }
  }

  @Test
  void anIdThatIsNotAProperty_orNotANumber_stopsTheBuild() throws Exception {
    assertThat(compile(model(""), "Root.gid").errors())
        .anySatisfy(e -> assertThat(e).contains("Root.gid is not a property"));
    assertThat(compile(model(""), "Root.name").errors())
        .anySatisfy(e -> assertThat(e).contains("Root.name(): an id must be a long"));
  }
}
