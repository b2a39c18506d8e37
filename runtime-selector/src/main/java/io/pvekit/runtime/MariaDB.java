package io.pvekit.runtime;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A request for a mariadb database, deployed through mariadb-operator. */
@Group(DatabaseResource.GROUP)
@Version(DatabaseResource.VERSION)
@ShortNames("mdb")
public class MariaDB extends DatabaseResource {
  private static final long serialVersionUID = 1L;

  @Override
  public DatabaseEngine engine() {
    return DatabaseEngine.MARIADB;
  }
}
