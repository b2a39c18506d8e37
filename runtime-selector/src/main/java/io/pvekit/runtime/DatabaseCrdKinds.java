package io.pvekit.runtime;

/** The model class of each engine's request kind. */
final class DatabaseCrdKinds {
  private DatabaseCrdKinds() {}

  static Class<? extends DatabaseResource> classOf(DatabaseEngine engine) {
    switch (engine) {
      case POSTGRESQL:
        return PostgreSQL.class;
      case MARIADB:
        return MariaDB.class;
      case REDIS:
        return Redis.class;
      case RABBITMQ:
        return RabbitMQ.class;
      case CLICKHOUSE:
        return ClickHouse.class;
      case KAFKA:
        return Kafka.class;
      case ETCD:
        return Etcd.class;
      default:
        throw new IllegalStateException("no class for " + engine);
    }
  }
}
