package io.pvekit.proxmox.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A fault the simulator injects into matching requests: latency, an error answer, a dropped
 * connection, an expired ticket or a failing task. Immutable; each {@code with...} method returns a
 * copy.
 *
 * <pre>{@code
 * FaultRule.on("POST", "/nodes/{node}/qemu/{vmid}/clone")
 *     .withError(500, "got timeout")
 *     .withProbability(0.25);
 * }</pre>
 *
 * <p>The path is relative to {@code /api2/json}; {@code {name}} matches one path segment, a
 * trailing {@code *} matches the rest, and {@code "*"} alone matches every path. With a seed set on
 * the builder, which requests a rule hits is the same on every run for the same request sequence.
 */
public final class FaultRule {
  private final String method;
  private final String path;
  private final Duration latency;
  private final int errorStatus;
  private final String errorMessage;
  private final boolean dropConnection;
  private final boolean expireTicket;
  private final double probability;
  private final int times;
  private final String taskFailure;

  private FaultRule(
      String method,
      String path,
      Duration latency,
      int errorStatus,
      String errorMessage,
      boolean dropConnection,
      boolean expireTicket,
      double probability,
      int times,
      String taskFailure) {
    this.method = method;
    this.path = path;
    this.latency = latency;
    this.errorStatus = errorStatus;
    this.errorMessage = errorMessage;
    this.dropConnection = dropConnection;
    this.expireTicket = expireTicket;
    this.probability = probability;
    this.times = times;
    this.taskFailure = taskFailure;
  }

  /**
   * A rule for one endpoint that does nothing yet; add effects with the {@code with...} methods.
   *
   * @param method {@code GET}, {@code POST}, {@code PUT}, {@code DELETE} or {@code *}
   * @param path a path template below {@code /api2/json}, such as {@code /cluster/resources}
   * @return the rule
   */
  public static FaultRule on(String method, String path) {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    if (!path.equals("*") && !path.startsWith("/")) {
      throw new IllegalArgumentException(
          "fault path: '" + path + "' must start with '/' (relative to /api2/json) or be '*'");
    }
    return new FaultRule(
        method.toUpperCase(Locale.ROOT), path, Duration.ZERO, 0, null, false, false, 1.0, -1, null);
  }

  /**
   * Delays the answer.
   *
   * @param delay how long to wait before answering
   * @return a copy with the latency
   */
  public FaultRule withLatency(Duration delay) {
    if (delay.isNegative()) {
      throw new IllegalArgumentException("fault latency: " + delay + " is negative");
    }
    return new FaultRule(
        method,
        path,
        delay,
        errorStatus,
        errorMessage,
        dropConnection,
        expireTicket,
        probability,
        times,
        taskFailure);
  }

  /**
   * Answers with an error instead of the real response, the way PVE does: the message is the reason
   * phrase and the body's {@code message}.
   *
   * @param status an HTTP status from 400 to 599
   * @param message the error text, for example {@code "got timeout"}
   * @return a copy with the error
   */
  public FaultRule withError(int status, String message) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException("fault status: " + status + " is not an error (400-599)");
    }
    return new FaultRule(
        method,
        path,
        latency,
        status,
        Objects.requireNonNull(message, "message"),
        dropConnection,
        expireTicket,
        probability,
        times,
        taskFailure);
  }

  /**
   * Resets the TCP connection instead of answering.
   *
   * @return a copy that drops the connection
   */
  public FaultRule withDroppedConnection() {
    return new FaultRule(
        method,
        path,
        latency,
        errorStatus,
        errorMessage,
        true,
        expireTicket,
        probability,
        times,
        taskFailure);
  }

  /**
   * Invalidates the caller's ticket before the request is authenticated, so it fails with 401 and
   * the client has to log in again. Requests with API tokens are not affected.
   *
   * @return a copy that expires tickets
   */
  public FaultRule withTicketExpiry() {
    return new FaultRule(
        method,
        path,
        latency,
        errorStatus,
        errorMessage,
        dropConnection,
        true,
        probability,
        times,
        taskFailure);
  }

  /**
   * Applies the rule to only a share of the matching requests.
   *
   * @param share from 0 (never) to 1 (always, the default)
   * @return a copy with the probability
   */
  public FaultRule withProbability(double share) {
    if (!(share >= 0 && share <= 1)) {
      throw new IllegalArgumentException("fault probability: " + share + " is not within 0..1");
    }
    return new FaultRule(
        method,
        path,
        latency,
        errorStatus,
        errorMessage,
        dropConnection,
        expireTicket,
        share,
        times,
        taskFailure);
  }

  /**
   * Stops applying the rule after it fired this many times.
   *
   * @param count how often it fires, at least 1
   * @return a copy with the limit
   */
  public FaultRule times(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("fault times: " + count + " must be at least 1");
    }
    return new FaultRule(
        method,
        path,
        latency,
        errorStatus,
        errorMessage,
        dropConnection,
        expireTicket,
        probability,
        count,
        taskFailure);
  }

  /**
   * Lets the call succeed but makes the task it starts fail with this exit status, undoing what the
   * task would have done (a clone's target disappears again). Calls that start no task are not
   * affected.
   *
   * @param exitStatus the task's exit status, for example {@code "clone failed: got timeout"}
   * @return a copy that fails tasks
   */
  public FaultRule withTaskFailure(String exitStatus) {
    if (exitStatus == null || exitStatus.isBlank() || exitStatus.equals("OK")) {
      throw new IllegalArgumentException("task failure: '" + exitStatus + "' is not an error");
    }
    return new FaultRule(
        method,
        path,
        latency,
        errorStatus,
        errorMessage,
        dropConnection,
        expireTicket,
        probability,
        times,
        exitStatus);
  }

  /** The exit status it gives the tasks of matching calls, if any. */
  public Optional<String> taskFailure() {
    return Optional.ofNullable(taskFailure);
  }

  /** The HTTP method it matches, or {@code *}. */
  public String method() {
    return method;
  }

  /** The path template it matches. */
  public String path() {
    return path;
  }

  /** The added latency (zero when none). */
  public Duration latency() {
    return latency;
  }

  /** The error status it answers with, if any. */
  public OptionalInt errorStatus() {
    return errorStatus == 0 ? OptionalInt.empty() : OptionalInt.of(errorStatus);
  }

  /** The error message it answers with, if any. */
  public Optional<String> errorMessage() {
    return Optional.ofNullable(errorMessage);
  }

  /** Whether it resets the connection. */
  public boolean dropsConnection() {
    return dropConnection;
  }

  /** Whether it expires the caller's ticket. */
  public boolean expiresTicket() {
    return expireTicket;
  }

  /** The share of matching requests it applies to. */
  public double probability() {
    return probability;
  }

  /** How often it fires at most, if limited. */
  public OptionalInt maxTimes() {
    return times < 0 ? OptionalInt.empty() : OptionalInt.of(times);
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FaultRule[").append(method).append(' ').append(path);
    if (!latency.isZero()) {
      s.append(", latency=").append(latency);
    }
    if (errorStatus != 0) {
      s.append(", error=").append(errorStatus).append(' ').append(errorMessage);
    }
    if (dropConnection) {
      s.append(", drop connection");
    }
    if (expireTicket) {
      s.append(", expire ticket");
    }
    if (taskFailure != null) {
      s.append(", task failure=").append(taskFailure);
    }
    if (probability < 1) {
      s.append(", probability=").append(probability);
    }
    if (times > 0) {
      s.append(", times=").append(times);
    }
    return s.append(']').toString();
  }
}
