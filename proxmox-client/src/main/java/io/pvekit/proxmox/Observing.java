package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.Transport;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Consoles and metrics shared by nodes, VMs and containers. */
final class Observing {
  private Observing() {}

  static ConsoleTicket console(JsonNode d) {
    Ergonomics.object(d, "console");
    return ImmutableConsoleTicket.builder()
        .port(Json.integer(d, "port").orElseThrow(() -> Json.lacks("console", "port", d)))
        .ticket(Secret.of(Json.requiredText(d, "ticket", "console")))
        .user(Json.requiredText(d, "user", "console"))
        .upid(Json.required(d, "upid", "console", Upid::parse))
        .cert(Json.text(d, "cert"))
        .password(Json.text(d, "password").filter(p -> !p.isEmpty()).map(Secret::of))
        .build();
  }

  static List<RrdPoint> rrd(
      Transport transport,
      ApiCall call,
      RrdPoint.Timeframe timeframe,
      RrdPoint.Consolidation consolidation) {
    return transport.decode(
        call.param("timeframe", timeframe.wire()).param("cf", consolidation.name()),
        d ->
            Decode.list(
                d,
                e -> {
                  Map<String, Double> values = new LinkedHashMap<>();
                  e.properties()
                      .forEach(
                          f -> {
                            if (!f.getKey().equals("time") && f.getValue().isNumber()) {
                              values.put(f.getKey(), f.getValue().asDouble());
                            }
                          });
                  return ImmutableRrdPoint.builder()
                      .time(
                          Instant.ofEpochSecond(
                              Json.integer(e, "time")
                                  .orElseThrow(() -> Json.lacks("rrd sample", "time", e))))
                      .values(values)
                      .build();
                }));
  }

  static List<ClusterLogEntry> log(JsonNode d) {
    return Decode.list(
        d,
        e ->
            ImmutableClusterLogEntry.builder()
                .time(Instant.ofEpochSecond(Json.integer(e, "time").orElse(0L)))
                .node(Json.text(e, "node"))
                .user(Json.text(e, "user"))
                .tag(Json.text(e, "tag"))
                .priority(Json.integer(e, "pri"))
                .message(Json.text(e, "msg").orElse(""))
                .uid(Json.integer(e, "uid"))
                .pid(Json.integer(e, "pid"))
                .build());
  }
}
