package io.pvekit.proxmox;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Proxmox VE task id: {@code UPID:node:pid:pstart:starttime:type:id:user:} with {@code pid} (8
 * hex digits), {@code pstart} (8 or 9 hex digits) and {@code starttime} (8 hex digits, Unix time).
 * The id part may be empty and the user may carry {@code !tokenid}. Keeps its exact text: that is
 * what goes into {@code /nodes/{node}/tasks/{upid}}.
 */
public final class Upid {
  private static final Pattern FORMAT =
      Pattern.compile(
          "UPID:([a-zA-Z0-9]([a-zA-Z0-9\\-]*[a-zA-Z0-9])?):([0-9A-Fa-f]{8}):([0-9A-Fa-f]{8,9}):"
              + "([0-9A-Fa-f]{8}):([^:\\s/]+):([^:\\s/]*):([^:\\s/]+):");

  private final String text;
  private final NodeName node;
  private final long pid;
  private final long pstart;
  private final Instant startTime;
  private final String type;
  private final String id;
  private final String user;

  private Upid(
      String text,
      NodeName node,
      long pid,
      long pstart,
      Instant startTime,
      String type,
      String id,
      String user) {
    this.text = text;
    this.node = node;
    this.pid = pid;
    this.pstart = pstart;
    this.startTime = startTime;
    this.type = type;
    this.id = id;
    this.user = user;
  }

  /**
   * Parses a UPID with PVE's own rules.
   *
   * @param text the UPID, e.g. {@code UPID:pve1:000A1B2C:0012D687:6560F00D:qmstart:100:root@pam:}
   * @return the UPID
   * @throws IllegalArgumentException naming the value when it is not a UPID
   */
  public static Upid parse(String text) {
    Matcher m = FORMAT.matcher(Objects.requireNonNull(text, "upid"));
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "upid: '"
              + text
              + "' is not a task id (expected UPID:node:pid:pstart:starttime:type:id:user: with"
              + " hex pid/pstart/starttime and a trailing ':')");
    }
    return new Upid(
        text,
        NodeName.of(m.group(1)),
        Long.parseLong(m.group(3), 16),
        Long.parseLong(m.group(4), 16),
        Instant.ofEpochSecond(Long.parseLong(m.group(5), 16)),
        m.group(6),
        m.group(7),
        m.group(8));
  }

  /**
   * Builds a UPID the way PVE writes one (upper-case hex, 8 digits; {@code pstart} 9 when large).
   *
   * @param node the node that runs the task
   * @param pid the worker process id
   * @param pstart the worker's start time in clock ticks since boot
   * @param startTime when the task started (whole seconds)
   * @param type the task type, e.g. {@code qmstart}
   * @param id the object id, e.g. {@code 100}, or empty
   * @param user who started it, e.g. {@code root@pam} or {@code ci@pve!deploy}
   * @return the UPID
   * @throws IllegalArgumentException when a part would not fit the format
   */
  public static Upid of(
      NodeName node,
      long pid,
      long pstart,
      Instant startTime,
      String type,
      String id,
      String user) {
    String text =
        String.format(
            Locale.ROOT,
            "UPID:%s:%08X:%08X:%08X:%s:%s:%s:",
            node.value(),
            pid,
            pstart,
            startTime.getEpochSecond(),
            type,
            id,
            user);
    return parse(text);
  }

  /**
   * The node that runs the task; its {@code /nodes/{node}/tasks} answers for it.
   *
   * @return the node
   */
  public NodeName node() {
    return node;
  }

  /**
   * The worker process id.
   *
   * @return the pid
   */
  public long pid() {
    return pid;
  }

  /**
   * The worker's process start time (clock ticks since boot).
   *
   * @return pstart
   */
  public long pstart() {
    return pstart;
  }

  /**
   * When the task started.
   *
   * @return the start time, whole seconds
   */
  public Instant startTime() {
    return startTime;
  }

  /**
   * The task type, e.g. {@code qmstart}, {@code vzcreate}, {@code qmclone}, {@code imgcopy}.
   *
   * @return the type
   */
  public String type() {
    return type;
  }

  /**
   * The object the task works on, e.g. the VMID; empty for some tasks (uploads).
   *
   * @return the id, possibly empty
   */
  public String id() {
    return id;
  }

  /**
   * Who started the task, including {@code !tokenid} for API tokens.
   *
   * @return e.g. {@code root@pam}
   */
  public String user() {
    return user;
  }

  /**
   * The API token that started the task.
   *
   * @return the token id (after {@code !}), or empty for tickets
   */
  public Optional<String> tokenId() {
    int bang = user.indexOf('!');
    return bang < 0 ? Optional.empty() : Optional.of(user.substring(bang + 1));
  }

  /**
   * The exact text.
   *
   * @return the UPID as parsed
   */
  public String format() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Upid other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  @Override
  public String toString() {
    return text;
  }
}
