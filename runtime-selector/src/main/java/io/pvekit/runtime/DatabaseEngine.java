package io.pvekit.runtime;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The seven database engines pvekit deploys, each through its operator. */
public enum DatabaseEngine {
  /** PostgreSQL through CloudNativePG. */
  POSTGRESQL("PostgreSQL", "17", WorkloadRuntime.LXC),
  /** MariaDB through mariadb-operator. */
  MARIADB("MariaDB", "11.8", WorkloadRuntime.LXC),
  /** Redis through spotahome's redis-operator (RedisFailover). */
  REDIS("Redis", "7.4", WorkloadRuntime.LXC),
  /** RabbitMQ through the RabbitMQ cluster operator. */
  RABBITMQ("RabbitMQ", "4.1", WorkloadRuntime.LXC),
  /** ClickHouse through Altinity's clickhouse-operator. */
  CLICKHOUSE("ClickHouse", "25.8", WorkloadRuntime.VM),
  /** Kafka through Strimzi (KRaft, node pools). */
  KAFKA("Kafka", "4.1.0", WorkloadRuntime.VM),
  /** etcd through the aenix/cozystack etcd-operator. */
  ETCD("Etcd", "3.5.21", WorkloadRuntime.VM);

  private final String kind;
  private final String defaultVersion;
  private final WorkloadRuntime preferredRuntime;

  DatabaseEngine(String kind, String defaultVersion, WorkloadRuntime preferredRuntime) {
    this.kind = kind;
    this.defaultVersion = defaultVersion;
    this.preferredRuntime = preferredRuntime;
  }

  /**
   * The kind of the database request resource ({@code db.pvekit.io}).
   *
   * @return e.g. {@code PostgreSQL}
   */
  public String kind() {
    return kind;
  }

  /**
   * The version used when a request names none.
   *
   * @return the engine's version string
   */
  public String defaultVersion() {
    return defaultVersion;
  }

  /**
   * The runtime the default policy picks for {@code runtime: auto}: LXC for PostgreSQL, MariaDB,
   * Redis and RabbitMQ; VM for ClickHouse, Kafka and etcd.
   *
   * @return the preferred runtime
   */
  public WorkloadRuntime preferredRuntime() {
    return preferredRuntime;
  }

  /**
   * Parses an engine name or kind, ignoring case ({@code postgresql}, {@code PostgreSQL}, ...).
   *
   * @param value the text
   * @return the engine
   * @throws IllegalArgumentException naming the value and the accepted ones
   */
  public static DatabaseEngine parse(String value) {
    String normalized = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(e -> e.name().toLowerCase(Locale.ROOT).equals(normalized))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "engine '"
                        + value
                        + "' is not one of "
                        + Arrays.stream(values())
                            .map(e -> e.name().toLowerCase(Locale.ROOT))
                            .collect(Collectors.joining(", "))));
  }

  /**
   * The engine whose request resource has this kind.
   *
   * @param kind e.g. {@code PostgreSQL}
   * @return the engine
   * @throws IllegalArgumentException if no engine has that kind
   */
  public static DatabaseEngine ofKind(String kind) {
    return Arrays.stream(values())
        .filter(e -> e.kind.equals(kind))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("kind '" + kind + "' is no database"));
  }
}
