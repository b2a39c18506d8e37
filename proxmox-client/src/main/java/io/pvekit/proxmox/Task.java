package io.pvekit.proxmox;

import com.fasterxml.jackson.databind.JsonNode;
import io.pvekit.proxmox.internal.ApiCall;
import io.pvekit.proxmox.internal.ResponseShapeException;
import io.pvekit.proxmox.internal.Transport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Proxmox VE task started by a call (create, clone, start, delete, ...): its {@link Upid} and
 * ways to follow it. All requests go to the node named in the UPID.
 *
 * <pre>{@code
 * Task task = client.node("pve1").qemu().vm(9000).clone(CloneRequest.builder().newId(VmId.of(201)).build());
 * task.await(Duration.ofMinutes(5));   // TaskFailedException with the log tail if it fails
 * }</pre>
 */
public final class Task {
  static final int LOG_TAIL = 20;
  private static final String STATUS = "/nodes/{node}/tasks/{upid}/status";
  private static final String LOG = "/nodes/{node}/tasks/{upid}/log";

  private final Transport transport;
  private final Upid upid;

  Task(Transport transport, Upid upid) {
    this.transport = transport;
    this.upid = Objects.requireNonNull(upid, "upid");
  }

  static Task from(Transport transport, JsonNode data, String what) {
    if (data == null || !data.isTextual()) {
      throw ResponseShapeException.here(
          what + ": expected a task id (UPID) but got " + ResponseShapeException.excerpt(data));
    }
    try {
      return new Task(transport, Upid.parse(data.asText()));
    } catch (IllegalArgumentException e) {
      throw ResponseShapeException.here(what + ": " + e.getMessage());
    }
  }

  /**
   * The task id.
   *
   * @return the UPID
   */
  public Upid upid() {
    return upid;
  }

  /**
   * The current status ({@code GET /nodes/{node}/tasks/{upid}/status}).
   *
   * @return the status
   */
  public TaskStatus status() {
    return transport.decode(call(ApiCall.get(STATUS)), d -> Decode.taskStatus(d, upid));
  }

  /**
   * Log lines ({@code GET /nodes/{node}/tasks/{upid}/log?start=&limit=}).
   *
   * @param start the first line (0-based)
   * @param limit at most this many lines
   * @return the lines
   */
  public List<TaskLogLine> log(int start, int limit) {
    return transport.decode(
        call(ApiCall.get(LOG)).param("start", start).param("limit", limit),
        d -> Decode.list(d, Decode::logLine));
  }

  /**
   * The last lines of the log.
   *
   * @param lines how many
   * @return up to {@code lines} lines, oldest first
   */
  public List<String> logTail(int lines) {
    JsonNode root =
        transport.callForRoot(call(ApiCall.get(LOG)).param("start", 0).param("limit", 1));
    long total = Json.integer(root, "total").orElse(0L);
    int start = (int) Math.max(0, total - lines);
    List<String> out = new ArrayList<>();
    for (TaskLogLine line : log(start, lines)) {
      out.add(line.text());
    }
    return out.size() > lines ? out.subList(out.size() - lines, out.size()) : out;
  }

  /** Stops the task ({@code DELETE /nodes/{node}/tasks/{upid}}). */
  public void stop() {
    transport.call(call(ApiCall.delete("/nodes/{node}/tasks/{upid}")));
  }

  /**
   * Polls the status with backoff (100 ms doubling to 2 s) until the task stops.
   *
   * @param timeout how long to wait
   * @return the final status: {@code OK} or {@code WARNINGS: n}
   * @throws TaskFailedException if it ended with any other exit status (with the log tail)
   * @throws TaskTimeoutException if it is still running after {@code timeout}
   */
  public TaskStatus await(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long wait = 100;
    while (true) {
      TaskStatus status = status();
      if (!status.isRunning()) {
        if (status.isSuccessful()) {
          return status;
        }
        String exit = status.exitStatus().orElse("unknown (no exit status)");
        List<String> tail;
        try {
          tail = logTail(LOG_TAIL);
        } catch (ProxmoxException e) {
          tail =
              List.of("(log unavailable: " + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        throw new TaskFailedException(upid, exit, tail);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TaskTimeoutException(upid, timeout);
      }
      sleep(Math.min(wait, Math.max(1, left / 1_000_000)));
      wait = Math.min(wait * 2, 2000);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a task", e);
    }
  }

  private ApiCall call(ApiCall call) {
    return call.path("node", upid.node()).path("upid", upid.format());
  }

  @Override
  public String toString() {
    return "Task[" + upid + "]";
  }
}
