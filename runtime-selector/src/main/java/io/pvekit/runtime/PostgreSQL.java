package io.pvekit.runtime;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A request for a postgresql database, deployed through CloudNativePG. */
@Group(DatabaseResource.GROUP)
@Version(DatabaseResource.VERSION)
@ShortNames("pg")
public class PostgreSQL extends DatabaseResource {
  private static final long serialVersionUID = 1L;

  @Override
  public DatabaseEngine engine() {
    return DatabaseEngine.POSTGRESQL;
  }
}
