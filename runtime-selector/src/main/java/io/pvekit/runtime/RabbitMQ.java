package io.pvekit.runtime;

import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** A request for a rabbitmq database, deployed through the RabbitMQ cluster operator. */
@Group(DatabaseResource.GROUP)
@Version(DatabaseResource.VERSION)
@ShortNames("rmq")
public class RabbitMQ extends DatabaseResource {
  private static final long serialVersionUID = 1L;

  @Override
  public DatabaseEngine engine() {
    return DatabaseEngine.RABBITMQ;
  }
}
