package io.pvekit.ocicodegen;

import java.io.IOException;
import java.io.Writer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Generates the streaming reader and writer of pvekit-oci's runtime-spec model (config.json) from
 * the model's own declarations: the {@code @JsonProperty} accessors of its {@code @Value.Immutable}
 * types, reachable from a root type. It runs in pvekit-oci's compiler beside Immutables, claims no
 * annotation, and does nothing unless its root option is given:
 *
 * <ul>
 *   <li>{@code pvekit.oci.json.root}: the root type, e.g. {@code io.pvekit.oci.OciSpec};
 *   <li>{@code pvekit.oci.json.package}: the package of the generated classes, which must also hold
 *       {@code JsonCursor} and {@code JsonOut};
 *   <li>{@code pvekit.oci.json.ids}: properties read as user or group ids, as {@code
 *       Type.accessor}, comma-separated.
 * </ul>
 */
public final class OciJsonProcessor extends AbstractProcessor {
  static final String ROOT = "pvekit.oci.json.root";
  static final String PACKAGE = "pvekit.oci.json.package";
  static final String IDS = "pvekit.oci.json.ids";

  private boolean generated;

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(ModelScanner.IMMUTABLE);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ROOT, PACKAGE, IDS);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    String rootName = processingEnv.getOptions().get(ROOT);
    if (generated || rootName == null || round.processingOver()) {
      return false;
    }
    generated = true;
    TypeElement root = processingEnv.getElementUtils().getTypeElement(rootName);
    String packageName = processingEnv.getOptions().get(PACKAGE);
    if (root == null || packageName == null) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "OciJsonProcessor: the root type "
                  + rootName
                  + " must exist and "
                  + PACKAGE
                  + " must be given");
      return false;
    }
    if (!round.getRootElements().contains(root)) {
      return false; // a compilation that only sees the model as a class (e.g. the tests')
    }
    // "-Akey=" arrives as a null value
    String ids = Objects.requireNonNullElse(processingEnv.getOptions().get(IDS), "");
    try {
      List<Model.Type> types =
          new ModelScanner(
                  new LinkedHashSet<>(
                      Arrays.stream(ids.split(","))
                          .map(String::trim)
                          .filter(s -> !s.isEmpty())
                          .toList()))
              .scan(root);
      String modelPackage =
          processingEnv.getElementUtils().getPackageOf(root).getQualifiedName().toString();
      write(
          packageName,
          ReaderSource.CLASS,
          ReaderSource.render(packageName, modelPackage, types),
          root);
      write(
          packageName,
          WriterSource.CLASS,
          WriterSource.render(packageName, modelPackage, types),
          root);
    } catch (ModelException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.getMessage(), e.element());
    }
    return false;
  }

  private void write(String packageName, String className, String source, TypeElement origin) {
    try (Writer out =
        processingEnv
            .getFiler()
            .createSourceFile(packageName + "." + className, origin)
            .openWriter()) {
      out.write(source);
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(Diagnostic.Kind.ERROR, "cannot write " + className + ": " + e.getMessage());
    }
  }
}
