package io.pvekit.runtime;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A request for a kafka database, deployed through Strimzi. */
@Group(DatabaseResource.GROUP)
@Version(DatabaseResource.VERSION)
@ShortNames("kfk")
public class Kafka extends DatabaseResource {
  private static final long serialVersionUID = 1L;

  @Override
  public DatabaseEngine engine() {
    return DatabaseEngine.KAFKA;
  }
}
