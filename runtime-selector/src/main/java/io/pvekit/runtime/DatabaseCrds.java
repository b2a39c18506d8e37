package io.pvekit.runtime;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.pvekit.runtime.internal.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The database request CRDs, generated from the model classes and shipped in this jar. */
public final class DatabaseCrds {
  private DatabaseCrds() {}

  /**
   * The classpath resource of an engine's CRD.
   *
   * @param engine the engine
   * @return e.g. {@code META-INF/fabric8/postgresqls.db.pvekit.io-v1.yml}
   */
  public static String resourceName(DatabaseEngine engine) {
    String plural = engine.kind().toLowerCase(Locale.ROOT);
    plural = plural.endsWith("s") ? plural : plural + "s";
    return "META-INF/fabric8/" + plural + "." + DatabaseResource.GROUP + "-v1.yml";
  }

  /**
   * Opens an engine's CRD YAML.
   *
   * @param engine the engine
   * @return the stream; the caller closes it
   */
  public static InputStream open(DatabaseEngine engine) {
    InputStream in = DatabaseCrds.class.getClassLoader().getResourceAsStream(resourceName(engine));
    if (in == null) {
      throw new IllegalStateException(resourceName(engine) + " is missing from the classpath");
    }
    return in;
  }

  /**
   * All seven CRDs.
   *
   * @return the CRDs, in engine order
   */
  public static List<CustomResourceDefinition> all() {
    List<CustomResourceDefinition> list = new ArrayList<>();
    for (DatabaseEngine engine : DatabaseEngine.values()) {
      try (InputStream in = open(engine)) {
        list.add(Json.SERIALIZATION.unmarshal(in, CustomResourceDefinition.class));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return list;
  }
}
