package io.pvekit.runtime;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A request for a clickhouse database, deployed through Altinity's clickhouse-operator. */
@Group(DatabaseResource.GROUP)
@Version(DatabaseResource.VERSION)
@ShortNames("ch")
public class ClickHouse extends DatabaseResource {
  private static final long serialVersionUID = 1L;

  @Override
  public DatabaseEngine engine() {
    return DatabaseEngine.CLICKHOUSE;
  }
}
